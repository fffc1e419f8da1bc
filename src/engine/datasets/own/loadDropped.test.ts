import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../test/paths';
import { packRasterInto, packedSteps } from '../formats/bitpack';
import { blobSource, bytesSource } from '../formats/byteSource';
import { npyBytes, npzBytes, zipBytes } from '../formats/npyWrite';
import { writeDatasetFile } from '../formats/packedFile';
import { loadDroppedFiles } from './loadDropped';
import { isOwnDatasetId } from './ownDataset';
import { ownTrainingData } from './trainingData';

/** A seeded [N, T, F] 0/1 raster (C order) and 2 labels: class c fires features of its half. */
function raster(N: number, T: number, F: number, seed = 1): { x: number[]; y: number[] } {
  let s = seed;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const y = Array.from({ length: N }, (_, n) => n % 2);
  const x = Array.from({ length: N * T * F }, (_, k) => {
    const n = Math.floor(k / (T * F));
    const f = k % F;
    return rand() < ((f < F / 2) === (y[n] === 0) ? 0.5 : 0.05) ? 1 : 0;
  });
  return { x, y };
}

/** The packed form of a C-order raster, as the engine holds it. */
function packed(x: number[], N: number, T: number, F: number): Uint8Array {
  const out = new Uint8Array(N * packedSteps(T) * F);
  for (let n = 0; n < N; n++) packRasterInto(x.slice(n * T * F, (n + 1) * T * F), T, F, out, n * packedSteps(T) * F);
  return out;
}

const npz = async (arrays: Record<string, Uint8Array>, name = 'data.npz', deflate = false) => bytesSource(await npzBytes(arrays, { deflate }), name);

describe('dropped .npz / .npy → own dataset', () => {
  const N = 6;
  const T = 10;
  const F = 4;
  const { x, y } = raster(N, T, F);

  it('packs binary spikes of every dtype, stored or deflated, to the same bits', async () => {
    for (const descr of ['|b1', '|u1', '<i2', '>i4', '<f4', '>f8']) {
      for (const deflate of [false, true]) {
        const ds = await loadDroppedFiles([await npz({ spikes: npyBytes(descr, [N, T, F], x), labels: npyBytes('<i8', [N], y) }, 'data.npz', deflate)]);
        expect(ds.train.packed, `${descr} deflate ${deflate}`).toEqual(packed(x, N, T, F));
        expect(ds.train.values).toBeUndefined();
        expect(Array.from(ds.train.labels)).toEqual(y);
      }
    }
  });

  it('describes the set for the picker: named after the file, shape, T, classes', async () => {
    const ds = await loadDroppedFiles([await npz({ spikes: npyBytes('|u1', [N, T, F], x), labels: npyBytes('<i8', [N], y) })]);
    expect(isOwnDatasetId(ds.info.id)).toBe(true);
    expect(ds.info).toMatchObject({ name: 'data.npz', kind: 'spikes', T, featureShape: [F], classes: ['0', '1'], dt: null });
    expect(ds.info.splits).toEqual([expect.objectContaining({ split: 'train', n: N, classCounts: [3, 3] })]);
    expect(ds.info.own).toMatchObject({ encoding: 'packed', heldBytes: N * 2 * F + N, files: ['data.npz'] });
    expect(ds.info.own.read).toBe('spikes uint8 [6, 10, 4] and labels int64 [6]');
    expect(ds.info.description).toBe('Your data from data.npz: 6 samples (3 per class), T = 10 steps of [4], 2 classes; spikes bit-packed, 54 bytes in memory.');
    // The same file dropped again gets the same id (it replaces the earlier copy).
    const again = await loadDroppedFiles([await npz({ spikes: npyBytes('|u1', [N, T, F], x), labels: npyBytes('<i8', [N], y) })]);
    expect(again.info.id).toBe(ds.info.id);
  });

  it('reads Fortran order (several feature axes) to the same bits as C order', async () => {
    const shape = [N, T, 2, 2];
    const c = await loadDroppedFiles([await npz({ x: npyBytes('|u1', shape, x), y: npyBytes('|u1', [N], y) })]);
    const f = await loadDroppedFiles([await npz({ x: npyBytes('|u1', shape, x, { fortran: true }), y: npyBytes('|u1', [N], y) })]);
    expect(f.train.featureShape).toEqual([2, 2]);
    expect(f.train.packed).toEqual(c.train.packed);
    expect(c.train.packed).toEqual(packed(x, N, T, F));
  });

  it('keeps values other than 0/1 as float32 (C and Fortran order alike), and trains from them', async () => {
    const counts = x.map((v, k) => v * (1 + (k % 3)));
    const c = await loadDroppedFiles([await npz({ data: npyBytes('<f8', [N, T, F], counts), labels: npyBytes('<i4', [N], y) })]);
    const f = await loadDroppedFiles([await npz({ data: npyBytes('<f8', [N, T, F], counts, { fortran: true }), labels: npyBytes('<i4', [N], y) })]);
    expect(c.train.packed).toBeUndefined();
    expect(Array.from(c.train.values!)).toEqual(counts);
    expect(f.train.values).toEqual(c.train.values);
    expect(c.info.own.encoding).toBe('float32');
    expect(c.info.description).toMatch(/values other than 0\/1, kept as float32/);
    const data = ownTrainingData(c.train, 2);
    expect(data.packed).toBeUndefined();
    const b = data.batch([1, 0]); // [T, B, F]
    for (let t = 0; t < T; t++) {
      expect(Array.from(b.subarray((t * 2) * F, (t * 2 + 1) * F))).toEqual(counts.slice((1 * T + t) * F, (1 * T + t + 1) * F));
      expect(Array.from(b.subarray((t * 2 + 1) * F, (t * 2 + 2) * F))).toEqual(counts.slice(t * F, (t + 1) * F));
    }
  });

  it('takes a test split, class names and dt by name', async () => {
    const ds = await loadDroppedFiles([await npz({
      x_train: npyBytes('|u1', [N, T, F], x), y_train: npyBytes('<i8', [N], y),
      x_test: npyBytes('|u1', [2, T, F], x.slice(0, 2 * T * F)), y_test: npyBytes('<i8', [2], [0, 1]),
      classes: npyBytes('<U5', [2], ['left', 'right']), dt: npyBytes('<f8', [], [0.002]),
    })]);
    expect(ds.test?.n).toBe(2);
    expect(ds.info.classes).toEqual(['left', 'right']);
    expect(ds.info.dt).toBe(0.002);
    expect(ds.info.splits.map((s) => s.split)).toEqual(['train', 'test']);
    expect(ds.info.own.read).toMatch(/x_train uint8 \[6, 10, 4\] and y_train int64 \[6\]; test: x_test uint8 \[2, 10, 4\] and y_test int64 \[2\]; class names from classes; dt = 0.002 s/);
  });

  it('reads two dropped .npy files (spikes and labels), and one-hot labels', async () => {
    const oneHot = y.flatMap((c) => (c === 0 ? [1, 0] : [0, 1]));
    const ds = await loadDroppedFiles([
      blobSource(new Blob([npyBytes('|b1', [N, T, F], x)]), 'my_spikes.npy'),
      blobSource(new Blob([npyBytes('<f4', [N, 2], oneHot)]), 'my_targets.npy'),
    ]);
    expect(ds.info.name).toBe('my_spikes.npy + my_targets.npy');
    expect(Array.from(ds.train.labels)).toEqual(y);
    expect(ds.train.packed).toEqual(packed(x, N, T, F));
  });

  it('trains from the packed bits as the shipped sets do', async () => {
    const ds = await loadDroppedFiles([await npz({ spikes: npyBytes('|u1', [N, T, F], x), labels: npyBytes('<i8', [N], y) })]);
    const data = ownTrainingData(ds.train, 2);
    expect(data.packed).toBe(ds.train.packed);
    expect(Array.from(data.batch([2]))).toEqual(x.slice(2 * T * F, 3 * T * F));
  });

  it('reports progress from 0 to 1 and stops when aborted', async () => {
    const fractions: number[] = [];
    await loadDroppedFiles([await npz({ spikes: npyBytes('|u1', [N, T, F], x), labels: npyBytes('<i8', [N], y) })], { onProgress: (f) => fractions.push(f) });
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1])).toBe(true);
    const controller = new AbortController();
    controller.abort();
    await expect(loadDroppedFiles([await npz({ spikes: npyBytes('|u1', [N, T, F], x), labels: npyBytes('<i8', [N], y) })], { signal: controller.signal }))
      .rejects.toMatchObject({ code: 'DATA_ABORTED' });
  });
});

describe('dropped arrays that do not fit → a code, what the file is, what was expected', () => {
  const spikes = npyBytes('|u1', [4, 3, 2], new Array(24).fill(0));
  const cases: [string, () => Promise<unknown>, string, RegExp][] = [
    ['spikes with two axes', async () => loadDroppedFiles([await npz({ spikes: npyBytes('|u1', [4, 3], new Array(12).fill(0)), labels: npyBytes('|u1', [4], [0, 1, 0, 1]) })]),
      'DATA_NOT_SPIKES', /spikes\.npy is uint8 \[4, 3\]; spikes must be \[N samples, T steps, features…\]/],
    ['one .npy without labels', async () => loadDroppedFiles([bytesSource(spikes, 'x.npy')]), 'DATA_NOT_SPIKES', /has spikes \(x\) but no labels/],
    ['no recognisable arrays', async () => loadDroppedFiles([await npz({ a: npyBytes('<f4', [2, 2], [0, 0, 0, 0]), b: npyBytes('<f4', [3], [0, 0, 0]) })]),
      'DATA_NOT_SPIKES', /It holds: a float32 \[2, 2\], b float32 \[3\]\. Expected spikes \[N, T, F…\]/],
    ['labels for a different N', async () => loadDroppedFiles([await npz({ spikes, labels: npyBytes('|u1', [3], [0, 1, 0]) })]), 'DATA_BAD_LABELS', /there are 3 of them for the 4 samples/],
    ['negative labels', async () => loadDroppedFiles([await npz({ spikes, labels: npyBytes('<i8', [4], [0, -1, 0, 1]) })]), 'DATA_BAD_LABELS', /label -1 of sample 1/],
    ['fractional labels', async () => loadDroppedFiles([await npz({ spikes, labels: npyBytes('<f4', [4], [0, 0.5, 0, 1]) })]), 'DATA_BAD_LABELS', /label 0\.5/],
    ['NaN inputs', async () => loadDroppedFiles([await npz({ spikes: npyBytes('<f4', [4, 3, 2], [NaN, ...new Array(23).fill(0)]), labels: npyBytes('|u1', [4], [0, 1, 0, 1]) })]),
      'DATA_BAD_VALUES', /holds NaN at sample 0, step 0/],
    ['more than the memory cap', async () => loadDroppedFiles([await npz({ spikes, labels: npyBytes('|u1', [4], [0, 1, 0, 1]) })], { maxBytes: 4 }),
      'DATA_TOO_LARGE', /needs 8 bytes, over the cap of 4 bytes/],
    ['a test split of another shape', async () => loadDroppedFiles([await npz({ x_train: spikes, y_train: npyBytes('|u1', [4], [0, 1, 0, 1]), x_test: npyBytes('|u1', [1, 2, 2], [0, 0, 0, 0]), y_test: npyBytes('|u1', [1], [0]) })]),
      'DATA_NOT_SPIKES', /do not have the T and features of the training spikes/],
    ['a text file', async () => loadDroppedFiles([bytesSource(new TextEncoder().encode('a,b\n1,2\n'), 'data.csv')]), 'DATA_UNSUPPORTED_FILE', /data\.csv cannot be read as data: it looks like text/],
    ['a .nir among data', async () => loadDroppedFiles([bytesSource(spikes, 'x.npy'), bytesSource(new Uint8Array(8), 'net.nir')]), 'DATA_UNSUPPORTED_FILE', /is a network/],
    ['a zip of other things', async () => loadDroppedFiles([bytesSource(await zipBytes([{ name: 'a.txt', bytes: new Uint8Array(3) }]), 'stuff.zip')]), 'DATA_UNSUPPORTED_FILE', /neither \.npy arrays nor event recordings/],
  ];
  for (const [what, load, code, message] of cases) {
    it(what, async () => {
      const error = await load().then(() => null, (e: unknown) => e) as { code: string; message: string; hint: string } | null;
      expect(error?.code).toBe(code);
      expect(error?.message).toMatch(message);
      expect(error?.hint.length).toBeGreaterThan(10);
    });
  }
});

describe('the engine’s other loaders, routed from the drop', () => {
  const TEST_FILES = [{ label: 7, id: 60001 }, { label: 2, id: 60002 }, { label: 1, id: 60003 }];
  const bin = (r: { label: number; id: number }) => new Uint8Array(readFileSync(fixture('data', 'nmnist', 'Test', String(r.label), `${r.id}.bin`)));

  it('N-MNIST .bin files in their folders: labels from the folder, Test/ as the test split', async () => {
    const sources = [
      bytesSource(bin(TEST_FILES[0]), 'Train/7/60001.bin'), bytesSource(bin(TEST_FILES[1]), 'Train/2/60002.bin'), bytesSource(bin(TEST_FILES[2]), 'Test/1/60003.bin'),
    ];
    const ds = await loadDroppedFiles(sources);
    expect(ds.info).toMatchObject({ T: 40, featureShape: [2, 34, 34], classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], licence: 'CC BY-SA 4.0' });
    expect(Array.from(ds.train.labels)).toEqual([7, 2]);
    expect(Array.from(ds.test!.labels)).toEqual([1]);
    expect(ds.info.name).toBe('Train/, Test/ (3 files)');
  });

  it('a zip of the N-MNIST folders (read entry by entry), stored or deflated', async () => {
    for (const deflate of [false, true]) {
      const zip = await zipBytes(TEST_FILES.map((r) => ({ name: `Test/${r.label}/${r.id}.bin`, bytes: bin(r) })), { deflate });
      const ds = await loadDroppedFiles([blobSource(new Blob([zip]), 'nmnist-test.zip')]);
      expect(Array.from(ds.train.labels)).toEqual([7, 2, 1]);
      expect(ds.train.packed!.length).toBe(3 * 5 * 2312);
      expect(ds.info.own.read).toMatch(/^3 N-MNIST recordings/);
    }
  });

  it('N-MNIST files with no label folder are refused, naming them', async () => {
    await expect(loadDroppedFiles([bytesSource(bin(TEST_FILES[0]), '60001.bin')])).rejects.toMatchObject({ code: 'DATA_NOT_SPIKES', message: expect.stringMatching(/no label \(60001\.bin\)/) });
  });

  it('a DVS Gesture clip (gzipped 40-bit events), labelled from its name', async () => {
    const clip = new Uint8Array(readFileSync(fixture('data', 'dvs_gesture', 'dvsgesture_clip01.bin.gz')));
    const ds = await loadDroppedFiles([bytesSource(clip, 'dvsgesture_clip01.bin.gz')]);
    expect(ds.info).toMatchObject({ T: 145, featureShape: [2, 128, 128], dt: 0.01 });
    expect(ds.info.classes[ds.train.labels[0]]).toBe('hand_clapping');
  });

  it('a Spikelab .safetensors file, and train + test files together', async () => {
    const file = (split: string, n: number) => writeDatasetFile({
      header: { kind: 'spikes', id: 'toy', name: 'Toy', split, n, T: 8, featureShape: [3], featureOrder: 'c', dt: 0.001, binning: 'b', classes: ['a', 'b'], licence: 'CC0', attribution: 'me', source: 's' },
      data: new Uint8Array(n * 3).fill(0x80), labels: Uint8Array.from({ length: n }, (_, i) => i % 2),
    });
    const ds = await loadDroppedFiles([bytesSource(await file('test', 2), 'toy_test.safetensors'), bytesSource(await file('train', 4), 'toy_train.safetensors')]);
    expect(ds.train.n).toBe(4);
    expect(ds.test?.n).toBe(2);
    expect(ds.info).toMatchObject({ classes: ['a', 'b'], dt: 0.001, T: 8, licence: 'CC0' });
  });

  it('an SHD .h5 file (the synthetic h5py fixture)', async () => {
    const bytes = new Uint8Array(readFileSync(fixture('data', 'synthetic_format_fixtures', 'shd_format_SYNTHETIC_h5py.h5')));
    const ds = await loadDroppedFiles([bytesSource(bytes, 'shd_format_SYNTHETIC_h5py.h5')]);
    expect(ds.info).toMatchObject({ T: 128, featureShape: [128], licence: 'CC BY 4.0' });
    expect(ds.train.n).toBeGreaterThan(0);
  });
});
