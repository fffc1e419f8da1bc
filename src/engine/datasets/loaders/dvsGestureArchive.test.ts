/**
 * IBM's DVS Gesture release read from a synthetic archive in its layout (./testing/gestureRelease.ts):
 * every labelled gesture a sample of its split, labelled class − 1, binned as the shipped clips
 * (checked against tonic's ToFrame(time_window = 10 ms) written out here: bin ⌊(t − t₀)/w⌋ of
 * n = max(1, ⌊(t_last − t₀ − w)/w⌋ + 1) slices, at most 145), from a .tar walked by seeks and from
 * a .tar.gz inflated as it is read; and the archives it refuses, each with the error that says why.
 * Then tonic's preprocessed copy made from the same gestures (ms timestamps, one .npy a gesture).
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packedSteps, setSpike, spikeAt } from '../formats/bitpack';
import { bytesSource } from '../formats/byteSource';
import { sourceBytes } from '../formats/orderedBytes';
import type { AedatEvent } from '../formats/testing/aedatWrite';
import { firstDifference } from '../formats/testing/firstDifference';
import { tarBytes } from '../formats/testing/tarWrite';
import { npyBytes } from '../formats/npyWrite';
import { tarEntries } from '../formats/tar';
import { loadDroppedFiles } from '../own/loadDropped';
import { DVS_GESTURE_CLASSES } from './dvsGesture';
import { loadDvsGestureArchive } from './dvsGestureArchive';
import { parseGestureLabels, parseTrialList } from './dvsGestureLabels';
import { loadDvsGestureTonic } from './dvsGestureTonic';
import { syntheticRelease, tonicArchive } from './testing/gestureRelease';

const T = 145;
const F = 2 * 128 * 128;
const SAMPLE_BYTES = packedSteps(T) * F;
const release = syntheticRelease();
const train = release.gestures.filter((g) => g.split === 'train');
const test = release.gestures.filter((g) => g.split === 'test');

/** tonic ToFrame(sensor_size=(128, 128, 2), time_window=10000) of one gesture, counts clamped to 1, packed. */
function toFrame(events: AedatEvent[]): Uint8Array {
  const out = new Uint8Array(SAMPLE_BYTES);
  const w = 10_000;
  const t0 = events[0].t;
  const slices = Math.min(T, Math.max(1, Math.floor((events[events.length - 1].t - t0 - w) / w) + 1));
  for (const e of events) {
    const bin = Math.floor((e.t - t0) / w);
    if (bin < slices) setSpike(out, 0, F, bin, (e.p * 128 + e.y) * 128 + e.x);
  }
  return out;
}

const expected = (gestures: typeof release.gestures) => new Uint8Array(Buffer.concat(gestures.map((g) => toFrame(g.events))));
const fromTar = (tar: Uint8Array, options = {}) => loadDvsGestureArchive(() => sourceBytes(bytesSource(tar, 'DvsGesture.tar')), 'DvsGesture.tar', options);

/** The release's files, to rebuild it with some changed. */
async function filesOf(tar: Uint8Array) {
  const files: { name: string; bytes?: Uint8Array }[] = [];
  for await (const entry of tarEntries(sourceBytes(bytesSource(tar, 'x.tar')), 'x.tar')) files.push({ name: entry.name, bytes: entry.kind === 'file' ? await entry.read() : undefined });
  return files;
}

describe('loadDvsGestureArchive', () => {
  it('cuts every recording into its labelled gestures, split by the trial lists and binned as the shipped clips', async () => {
    const progress: number[] = [];
    const splits = await fromTar(release.tar, { onProgress: (f: number) => progress.push(f) });
    expect(splits.train).toMatchObject({ n: 5, T, dt: 0.01, featureShape: [2, 128, 128], classes: DVS_GESTURE_CLASSES, licence: 'CC BY 4.0', split: 'train' });
    expect(splits.test).toMatchObject({ n: 2, T, featureShape: [2, 128, 128], split: 'test' });
    expect(Array.from(splits.train.labels)).toEqual([0, 7, 10, 2, 7]);
    expect(Array.from(splits.test.labels)).toEqual([9, 1]);
    expect(firstDifference(splits.train.packed, expected(train))).toBe(-1);
    expect(firstDifference(splits.test.packed, expected(test))).toBe(-1);
    // the 2.1 s gesture fills all 145 steps (its first 1.45 s); the 0.3 s one 29, then zeros; the one across 2³¹ µs is whole
    const spikesAt = (sample: number, t: number) => Array.from({ length: F }, (_, f) => spikeAt(splits.train.packed, sample * SAMPLE_BYTES, F, t, f)).reduce((a, b) => a + b, 0);
    expect(spikesAt(1, 144)).toBeGreaterThan(0);
    expect(spikesAt(0, 28)).toBeGreaterThan(0);
    expect(spikesAt(0, 29)).toBe(0);
    expect(train[3].events.some((e) => e.t >= 2 ** 31) && train[3].events.some((e) => e.t < 2 ** 31)).toBe(true);
    expect(progress.at(-1)).toBe(1);
  });

  it('reads the same from a dropped .tar.gz (inflated as it is read) and a .tar told by its header', async () => {
    const gz = new Uint8Array(gzipSync(release.tar));
    for (const source of [bytesSource(gz, 'DvsGesture.tar.gz'), bytesSource(gz, 'DvsGesture.tgz'), bytesSource(release.tar, 'download.bin')]) {
      const own = await loadDroppedFiles([source]);
      expect(firstDifference(own.train.packed!, expected(train))).toBe(-1);
      expect(firstDifference(own.test!.packed!, expected(test))).toBe(-1);
      expect(own.info).toMatchObject({ T, dt: 0.01, featureShape: [2, 128, 128], classes: DVS_GESTURE_CLASSES, licence: 'CC BY 4.0' });
      expect(own.info.own.read).toContain('5 train and 2 test gestures');
    }
  });

  it('splits by user number (1–23 train) when the archive has no trial lists', async () => {
    const files = (await filesOf(release.tar)).filter((f) => !/trials_to/.test(f.name));
    const splits = await fromTar(tarBytes(files));
    expect([splits.train.n, splits.test.n]).toEqual([5, 2]);
    expect(firstDifference(splits.test.packed, expected(test))).toBe(-1);
  });

  it('refuses archives that are not the release, or not all of it', async () => {
    const files = await filesOf(release.tar);
    const without = (pattern: RegExp) => tarBytes(files.filter((f) => !pattern.test(f.name)));
    await expect(fromTar(without(/user02_led\.aedat$/))).rejects.toMatchObject({ code: 'DATA_BAD_ARCHIVE', message: 'DvsGesture.tar is not a complete DVS Gesture release: user02_led.aedat (listed in trials_to_train.txt) is not in it.' });
    await expect(fromTar(without(/user24_natural_labels/))).rejects.toMatchObject({ code: 'DATA_BAD_ARCHIVE', message: expect.stringContaining('user24_natural_labels.csv (listed in trials_to_test.txt) is not in it') });
    await expect(fromTar(without(/\.aedat$/))).rejects.toMatchObject({ code: 'DATA_UNSUPPORTED_FILE', message: expect.stringContaining('without DVS Gesture recordings (.aedat); it holds DvsGesture/README.txt') });
    const badLabels = tarBytes(files.map((f) => (f.name.endsWith('user01_fluorescent_labels.csv') ? { ...f, bytes: new TextEncoder().encode('class,startTime_usec,endTime_usec\n12,5,9\n') } : f)));
    await expect(fromTar(badLabels)).rejects.toMatchObject({ code: 'DATA_BAD_ARCHIVE', message: expect.stringContaining('Line 2 of DvsGesture.tar: DvsGesture/user01_fluorescent_labels.csv is "12,5,9"') });
    await expect(fromTar(release.tar.subarray(0, release.tar.length - 3000))).rejects.toMatchObject({ code: 'DATA_BAD_ARCHIVE', message: expect.stringContaining('it ends inside') });
    await expect(fromTar(release.tar, { maxBytes: 4 * SAMPLE_BYTES })).rejects.toMatchObject({ code: 'DATA_TOO_LARGE' });
    const cutGz = new Uint8Array(gzipSync(release.tar)).subarray(0, 5000);
    await expect(loadDroppedFiles([bytesSource(cutGz, 'DvsGesture.tar.gz')])).rejects.toMatchObject({ code: 'DATA_BAD_GZIP', message: expect.stringContaining('DvsGesture.tar.gz stops decompressing after') });
    await expect(loadDroppedFiles([bytesSource(release.tar, 'a.tar'), bytesSource(release.tar, 'b.tar')])).rejects.toMatchObject({ code: 'DATA_UNSUPPORTED_FILE', message: '2 tar archives were dropped together.' });
    const controller = new AbortController();
    controller.abort();
    await expect(fromTar(release.tar, { signal: controller.signal })).rejects.toMatchObject({ code: 'DATA_ABORTED' });
  });
});

describe('the release\'s text files', () => {
  it('reads labels with commas, tabs or spaces and CRLF, and trial lists to names', () => {
    expect(parseGestureLabels('class\tstartTime_usec\tendTime_usec\r\n1\t80048239\t85092709\r\n8 150717639 157362334\r\n', 'l.csv'))
      .toEqual([{ label: 0, startUs: 80048239, endUs: 85092709 }, { label: 7, startUs: 150717639, endUs: 157362334 }]);
    expect(() => parseGestureLabels('1,9,5\n', 'l.csv')).toThrow(expect.objectContaining({ code: 'DATA_BAD_ARCHIVE' }));
    expect(parseTrialList('user01_fluorescent.aedat\r\nuser01_fluorescent_led.aedat\r\n\r\n')).toEqual(['user01_fluorescent', 'user01_fluorescent_led']);
  });
});

describe('loadDvsGestureTonic', () => {
  const inMs = (gestures: typeof release.gestures) => gestures.map((g) => ({ ...g, events: g.events.map((e) => ({ ...e, t: Math.floor(e.t / 1000) * 1000 })) }));

  it('bins every array as the release\'s gestures are binned, t read in ms, labelled by its name', async () => {
    for (const [descr, fortran] of [['<i8', false], ['<f8', true], ['<i4', false]] as const) {
      const tar = tonicArchive(test, 'Test', descr, fortran);
      const split = await loadDvsGestureTonic(() => sourceBytes(bytesSource(tar, 'ibmGestureTest.tar')), 'ibmGestureTest.tar');
      expect(split).toMatchObject({ split: 'test', n: 2, T, dt: 0.01, featureShape: [2, 128, 128], classes: DVS_GESTURE_CLASSES, licence: 'CC BY 4.0' });
      expect(Array.from(split.labels)).toEqual([9, 1]);
      expect(firstDifference(split.packed, expected(inMs(test)))).toBe(-1);
    }
  });

  it('is what a dropped ibmGestureTest.tar.gz gives, and refuses arrays of another shape or class', async () => {
    const own = await loadDroppedFiles([bytesSource(new Uint8Array(gzipSync(tonicArchive(train, 'Train'))), 'ibmGestureTrain.tar.gz')]);
    expect(own.train.n).toBe(5);
    expect(own.test).toBeUndefined();
    expect(firstDifference(own.train.packed!, expected(inMs(train)))).toBe(-1);
    expect(own.info.own.read).toContain('tonic\'s DVS Gesture');
    const wrongShape = tarBytes([{ name: 'ibmGestureTest/user24_led/0.npy', bytes: npyBytes('<i8', [2, 3], [1, 2, 3, 4, 5, 6]) }]);
    await expect(loadDvsGestureTonic(() => sourceBytes(bytesSource(wrongShape, 't.tar')), 't.tar')).rejects.toMatchObject({ code: 'DATA_BAD_ARCHIVE', message: expect.stringContaining('not tonic\'s [N, 4] events') });
    const wrongClass = tarBytes([{ name: 'ibmGestureTest/user24_led/11.npy', bytes: npyBytes('<i8', [1, 4], [1, 2, 1, 4]) }]);
    await expect(loadDvsGestureTonic(() => sourceBytes(bytesSource(wrongClass, 't.tar')), 't.tar')).rejects.toMatchObject({ code: 'DATA_BAD_ARCHIVE', message: expect.stringContaining('named for class 11') });
  });
});
