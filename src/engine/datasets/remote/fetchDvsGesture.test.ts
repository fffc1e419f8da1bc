/**
 * Fetching DVS Gesture as the catalogue does (one DvsGesture.tar.gz for train and test, with its
 * MD5), from a local server serving a synthetic release in IBM's layout
 * (../loaders/testing/gestureRelease.ts, gzipped here; no network): one download gives both
 * splits, each the same as reading the archive directly; a dropped connection, a wrong size, a
 * corrupted gzip, a wrong MD5 and a truncated tar each fail with the code that says so and leave
 * the cache as it was, with no temporary file behind. tonic's preprocessed copy (two archives of
 * .npy gestures) is fetched the same way, one archive a split.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bytesSource } from '../formats/byteSource';
import { sourceBytes } from '../formats/orderedBytes';
import { firstDifference } from '../formats/testing/firstDifference';
import { loadDataset } from '../index';
import { loadDvsGestureArchive } from '../loaders/dvsGestureArchive';
import { syntheticRelease, tonicArchive } from '../loaders/testing/gestureRelease';
import { WEB_DATASETS, type WebDataset } from './catalogue';
import { DatasetCache } from './datasetCache';
import { DiskStore } from './diskStore';
import { fetchDataset, type FetchProgress } from './fetchDataset';
import { startLocalServer, type LocalServer } from './testing/localServer';

const { tar, gestures } = syntheticRelease();
const archive = new Uint8Array(gzipSync(tar));
const md5 = createHash('md5').update(archive).digest('hex');
const corrupt = Uint8Array.from(archive);
corrupt[Math.floor(corrupt.length / 2)] ^= 0x55;
const truncated = new Uint8Array(gzipSync(tar.subarray(0, tar.length - 3000)));

let server: LocalServer;
let root: string;
let cache: DatasetCache;

/** The catalogue's DVS Gesture entry with its archive on the local server. */
function gestureEntry(path: string, file: { md5?: string; bytes?: number } = { md5 }): WebDataset {
  const real = WEB_DATASETS.find((d) => d.id === 'dvs-gesture')!;
  return { ...real, id: 'dvs-local', files: real.files.map((f) => ({ ...f, urls: [server.url(path)], md5: file.md5, bytes: file.bytes ?? null })) };
}

const everything = async () => (await readdir(root, { recursive: true }).catch(() => [] as string[])).sort();

beforeAll(async () => {
  server = await startLocalServer({
    '/DvsGesture.tar.gz': { kind: 'plain', body: archive, chunkBytes: 4096 },
    '/dropped.tar.gz': { kind: 'drop', body: archive, dropAfter: 10_000 },
    '/corrupt.tar.gz': { kind: 'plain', body: corrupt },
    '/truncated.tar.gz': { kind: 'plain', body: truncated },
    '/tonic/train': { kind: 'chunked', body: new Uint8Array(gzipSync(tonicArchive(gestures.filter((g) => g.split === 'train'), 'Train'))) },
    '/tonic/test': { kind: 'plain', body: new Uint8Array(gzipSync(tonicArchive(gestures.filter((g) => g.split === 'test'), 'Test'))) },
  });
});
afterAll(() => server.close());
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function freshCache(): Promise<void> {
  root = await mkdtemp(join(tmpdir(), 'spikelab-dvs-'));
  cache = new DatasetCache(new DiskStore(root));
}

describe('fetching DVS Gesture', () => {
  it('downloads the one archive once and keeps both splits, as reading it directly gives them', async () => {
    await freshCache();
    const before = server.requests.length;
    const progress: FetchProgress[] = [];
    const set = await fetchDataset(cache, { source: 'dvs-local' }, { catalogue: [gestureEntry('/DvsGesture.tar.gz')], onProgress: (p) => progress.push(p) });
    expect(server.requests.slice(before)).toEqual(['/DvsGesture.tar.gz']);
    expect(set).toMatchObject({ id: 'dvs-local', T: 145, dt: 0.01, featureShape: [2, 128, 128], featureOrder: 'p,y,x', licence: 'CC BY 4.0', attribution: expect.stringContaining('Amir, A., Taba, B.') });
    expect(set.splits.map((s) => [s.split, s.n])).toEqual([['train', 5], ['test', 2]]);
    expect(set.splits[0].classCounts).toEqual([1, 0, 1, 0, 0, 0, 0, 2, 0, 0, 1]);
    const direct = await loadDvsGestureArchive(() => sourceBytes(bytesSource(tar, 'DvsGesture.tar')), 'DvsGesture.tar');
    for (const split of ['train', 'test'] as const) {
      const cached = await loadDataset(`dvs-local-${split}`, cache.fetcher());
      expect(firstDifference(cached.packed, direct[split].packed)).toBe(-1);
      expect(cached.labels).toEqual(direct[split].labels);
    }
    expect(progress.filter((p) => p.phase === 'download').at(-1)).toMatchObject({ file: 1, files: 1, split: 'train + test', fileName: 'DvsGesture.tar.gz', transfer: { receivedBytes: archive.length } });
    expect(progress.map((p) => p.phase)).toEqual(expect.arrayContaining(['download', 'unpack', 'store']));
    expect((await everything()).filter((p) => p.startsWith('.partial'))).toEqual([]);
  });

  it('keeps only the split asked for', async () => {
    await freshCache();
    const set = await fetchDataset(cache, { source: 'dvs-local', split: 'test' }, { catalogue: [gestureEntry('/DvsGesture.tar.gz')] });
    expect(set.splits.map((s) => [s.split, s.n])).toEqual([['test', 2]]);
    expect(Array.from((await loadDataset('dvs-local-test', cache.fetcher())).labels)).toEqual([9, 1]);
  });

  it('fetches tonic\'s two archives, one split each', async () => {
    await freshCache();
    const real = WEB_DATASETS.find((d) => d.id === 'dvs-gesture-tonic')!;
    const local = { ...real, id: 'tonic-local', files: real.files.map((f) => ({ ...f, urls: [server.url(`/tonic/${f.split}`)], md5: undefined })) };
    const set = await fetchDataset(cache, { source: 'tonic-local' }, { catalogue: [local] });
    expect(set).toMatchObject({ T: 145, dt: 0.01, featureShape: [2, 128, 128], attribution: expect.stringContaining('doi:10.5281/zenodo.5079802') });
    expect(set.splits.map((s) => [s.split, s.n])).toEqual([['train', 5], ['test', 2]]);
    expect(Array.from((await loadDataset('tonic-local-test', cache.fetcher())).labels)).toEqual([9, 1]);
  });

  describe('a fetch that fails keeps nothing of itself', () => {
    const cases: [string, () => WebDataset, { code: string; message: RegExp }][] = [
      ['a dropped connection', () => gestureEntry('/dropped.tar.gz'), { code: 'DATA_REMOTE_DROPPED', message: /dropped after 9\.8 KiB of/ }],
      ['a wrong size', () => gestureEntry('/DvsGesture.tar.gz', { md5, bytes: archive.length - 1 }), { code: 'DATA_REMOTE_WRONG_SIZE', message: /by its Content-Length, but the dataset's file is/ }],
      ['a corrupted gzip', () => gestureEntry('/corrupt.tar.gz'), { code: 'DATA_REMOTE_BAD_GZIP', message: /is gzip-compressed but does not decompress/ }],
      ['another file than the published one (MD5)', () => gestureEntry('/truncated.tar.gz'), { code: 'DATA_REMOTE_CHECKSUM', message: /its MD5 is [0-9a-f]{32}, not the published/ }],
      ['a truncated tar', () => gestureEntry('/truncated.tar.gz', {}), { code: 'DATA_BAD_ARCHIVE', message: /DvsGesture\.tar is a tar archive that cannot be read: it ends inside/ }],
    ];
    it.each(cases)('%s', async (_what, entry, error) => {
      await freshCache();
      await fetchDataset(cache, { source: 'dvs-local', split: 'test' }, { catalogue: [gestureEntry('/DvsGesture.tar.gz')] }); // something cached before
      const before = await everything();
      await expect(fetchDataset(cache, { source: 'dvs-local' }, { catalogue: [entry()] })).rejects.toMatchObject({ code: error.code, message: expect.stringMatching(error.message), hint: expect.stringMatching(/\S/) });
      expect(await everything()).toEqual(before);
      expect((await cache.list()).sets.map((s) => s.splits.map((p) => p.split))).toEqual([['test']]);
    });
  });
});
