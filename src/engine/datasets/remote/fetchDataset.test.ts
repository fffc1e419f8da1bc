/**
 * Fetching web datasets into a cache folder, from a local server serving small synthetic files in
 * the official formats (no network): SHD's .h5.gz (the synthetic SHD fixtures, gzipped) and an
 * N-MNIST Train.zip / Test.zip (real recordings from test/fixtures/data/nmnist). A good fetch gives
 * the dataset that loading the file directly gives; every failure gives its code and leaves the
 * cache as it was, with no temporary file behind.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../../../test/paths';
import { formatBytes } from '../../core/limits';
import { fileFetcher } from '../fetchersNode';
import { zipBytes } from '../formats/npyWrite';
import { listDatasets, loadDataset, loadNmnistFiles, loadShd } from '../index';
import type { WebDataset } from './catalogue';
import { DatasetCache } from './datasetCache';
import { DiskStore } from './diskStore';
import { fetchDataset, type FetchProgress } from './fetchDataset';
import { CACHE_PREFIX, withCachedDatasets } from './overlay';
import { startLocalServer, type LocalServer } from './testing/localServer';

const SHD_DIR = fixture('data', 'synthetic_format_fixtures');
const shdTrain = new Uint8Array(readFileSync(join(SHD_DIR, 'shd_format_SYNTHETIC_h5py.h5')));
const shdTest = new Uint8Array(readFileSync(join(SHD_DIR, 'shd_format_SYNTHETIC_pytables.h5')));
const shdTrainGz = new Uint8Array(gzipSync(shdTrain));
const corruptGz = Uint8Array.from(shdTrainGz);
corruptGz[Math.floor(corruptGz.length / 2)] ^= 0x55;
const RECORDINGS = [{ label: 7, id: 60001 }, { label: 2, id: 60002 }, { label: 1, id: 60003 }];
const bin = (r: { label: number; id: number }) => new Uint8Array(readFileSync(fixture('data', 'nmnist', 'Test', String(r.label), `${r.id}.bin`)));

let server: LocalServer;
let root: string;
let cache: DatasetCache;

/** A catalogue entry like the real ones, its files on the local server. */
function shdEntry(trainPath: string, extra: Partial<WebDataset> = {}, testPath = '/shd_test.h5.gz'): WebDataset {
  return {
    id: 'shd-local', name: 'SHD (local)', description: 'Synthetic SHD-format files.', homepage: 'http://127.0.0.1/', licence: 'CC BY 4.0', citation: 'Cramer et al. (2022)',
    reader: 'loaders/shd.ts', T: 128, featureShape: [128], featureOrder: 'channel', downloadNote: 'small',
    files: [
      { split: 'train', fileName: 'shd_train.h5.gz', urls: [server.url(trainPath)], bytes: null, samples: 6 },
      { split: 'test', fileName: 'shd_test.h5.gz', urls: [server.url(testPath)], bytes: null, samples: 6 },
    ],
    ...extra,
  };
}

const nmnistEntry = (): WebDataset => ({
  id: 'nmnist-local', name: 'N-MNIST (local)', description: 'Three recordings.', homepage: 'http://127.0.0.1/', licence: 'CC BY-SA 4.0', citation: 'Orchard et al. (2015)',
  reader: 'loaders/nmnist.ts', T: 40, featureShape: [2, 34, 34], featureOrder: 'p,y,x', downloadNote: 'small',
  files: [
    { split: 'train', fileName: 'Train.zip', urls: [server.url('/missing/Train.zip'), server.url('/Train.zip')], bytes: null, samples: 2 },
    { split: 'test', fileName: 'Test.zip', urls: [server.url('/Test.zip')], bytes: null, samples: 1 },
  ],
});

/** Every file and folder under the cache root (the temporary folder included). */
async function everything(): Promise<string[]> {
  return (await readdir(root, { recursive: true }).catch(() => [] as string[])).sort();
}

beforeAll(async () => {
  const zip = (folder: string, rows: typeof RECORDINGS) => zipBytes(rows.map((r) => ({ name: `${folder}/${r.label}/${r.id}.bin`, bytes: bin(r) })), { deflate: true });
  server = await startLocalServer({
    '/shd_train.h5.gz': { kind: 'plain', body: shdTrainGz },
    '/shd_test.h5.gz': { kind: 'chunked', body: new Uint8Array(gzipSync(shdTest)) },
    '/dropped.h5.gz': { kind: 'drop', body: shdTrainGz, dropAfter: 20_000 },
    '/stalled.h5.gz': { kind: 'stall', body: shdTrainGz, dropAfter: 20_000 },
    '/corrupt.h5.gz': { kind: 'plain', body: corruptGz },
    '/Train.zip': { kind: 'plain', body: await zip('Train', RECORDINGS.slice(0, 2)) },
    '/Test.zip': { kind: 'plain', body: await zip('Test', RECORDINGS.slice(2)) },
    '/notes.txt': { kind: 'plain', body: new TextEncoder().encode('# not a dataset\n') },
  });
});
afterAll(() => server.close());
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function freshCache(): Promise<void> {
  root = await mkdtemp(join(tmpdir(), 'spikelab-cache-'));
  cache = new DatasetCache(new DiskStore(root));
}

describe('fetchDataset', () => {
  it('fetches SHD .h5.gz files into the cache: the same dataset as loading the files directly', async () => {
    await freshCache();
    const progress: FetchProgress[] = [];
    const set = await fetchDataset(cache, { source: 'shd-local' }, { catalogue: [shdEntry('/shd_train.h5.gz')], onProgress: (p) => progress.push(p) });
    expect(set).toMatchObject({ id: 'shd-local', kind: 'spikes', T: 128, featureShape: [128], licence: 'CC BY 4.0', attribution: 'Cramer et al. (2022)' });
    expect(set.splits.map((s) => [s.id, s.n])).toEqual([['shd-local-train', 6], ['shd-local-test', 6]]);
    for (const [id, bytes, name] of [['shd-local-train', shdTrain, 'shd_train.h5'], ['shd-local-test', shdTest, 'shd_test.h5']] as const) {
      const cached = await loadDataset(id, cache.fetcher());
      const direct = await loadShd(bytes, name);
      expect(cached.packed).toEqual(direct.packed);
      expect(cached.labels).toEqual(direct.labels);
      expect(cached.classes).toEqual(direct.classes);
      expect(cached).toMatchObject({ n: direct.n, T: direct.T, dt: direct.dt, featureShape: direct.featureShape });
    }
    // bytes, rate and ETA while downloading, then unpacking, then keeping
    const download = progress.filter((p) => p.phase === 'download' && p.file === 1);
    expect(download.at(-1)?.transfer).toMatchObject({ receivedBytes: shdTrainGz.length, totalBytes: shdTrainGz.length });
    expect(progress.map((p) => p.phase)).toEqual(expect.arrayContaining(['download', 'unpack', 'store']));
    expect(progress.at(-1)).toMatchObject({ phase: 'store', file: 2, files: 2 });
    expect((await everything()).filter((p) => p.startsWith('.partial'))).toEqual([]);
    expect((await cache.list()).sets.map((s) => s.id)).toEqual(['shd-local']);
  });

  it('fetches the N-MNIST zips (trying the next mirror after a 404), labelled from their folders', async () => {
    await freshCache();
    const set = await fetchDataset(cache, { source: 'nmnist-local' }, { catalogue: [nmnistEntry()] });
    expect(server.requests).toEqual(expect.arrayContaining(['/missing/Train.zip', '/Train.zip', '/Test.zip']));
    expect(set.splits.map((s) => [s.split, s.n, s.classCounts[7], s.classCounts[2], s.classCounts[1]])).toEqual([['train', 2, 1, 1, 0], ['test', 1, 0, 0, 1]]);
    const train = await loadDataset('nmnist-local-train', cache.fetcher());
    const direct = await loadNmnistFiles(RECORDINGS.slice(0, 2).map((r) => ({ name: `Train/${r.label}/${r.id}.bin`, bytes: bin(r) })));
    expect(train.packed).toEqual(direct.dataset.packed);
    expect(Array.from(train.labels)).toEqual([7, 2]);
    expect(train.featureShape).toEqual([2, 34, 34]);
  });

  it('fetches a file from a person\'s own address, sniffing its format', async () => {
    await freshCache();
    const set = await fetchDataset(cache, { source: server.url('/shd_train.h5.gz') });
    expect(set.id).toMatch(/^url-[0-9a-f]{10}$/);
    expect(set).toMatchObject({ name: 'shd_train.h5.gz (127.0.0.1:' + new URL(server.url('/')).port + ')', licence: 'CC BY 4.0', T: 128 });
    expect(set.splits.map((s) => s.split)).toEqual(['train']);
    await expect(fetchDataset(cache, { source: server.url('/notes.txt') })).rejects.toMatchObject({ code: 'DATA_UNSUPPORTED_FILE' });
    await expect(fetchDataset(cache, { source: 'ftp://example.org/x' })).rejects.toMatchObject({ code: 'DATA_REMOTE_BAD_SOURCE' });
    await expect(fetchDataset(cache, { source: 'shd', split: 'valid' })).rejects.toMatchObject({ code: 'DATA_REMOTE_BAD_SOURCE', hint: 'Choose train, test, all.' });
  });

  describe('a fetch that fails keeps nothing of itself', () => {
    const cases: [string, () => Parameters<typeof fetchDataset>[2], string][] = [
      ['a dropped connection', () => ({ catalogue: [shdEntry('/dropped.h5.gz')] }), 'DATA_REMOTE_DROPPED'],
      ['a wrong size', () => ({ catalogue: [shdEntry('/shd_train.h5.gz', {}, '/shd_test.h5.gz')].map((d) => ({ ...d, files: d.files.map((f) => ({ ...f, bytes: 999 })) })) }), 'DATA_REMOTE_WRONG_SIZE'],
      ['a corrupted gzip', () => ({ catalogue: [shdEntry('/corrupt.h5.gz')] }), 'DATA_REMOTE_BAD_GZIP'],
      ['another shape than the catalogue says', () => ({ catalogue: [shdEntry('/shd_train.h5.gz', { featureShape: [700] })] }), 'DATA_REMOTE_UNEXPECTED'],
      ['a cancel mid-download', () => {
        const controller = new AbortController();
        return { catalogue: [shdEntry('/stalled.h5.gz')], signal: controller.signal, onProgress: (p) => p.transfer && p.transfer.receivedBytes > 0 && controller.abort() };
      }, 'DATA_ABORTED'],
      ['a cancel while the second file arrives', () => {
        const controller = new AbortController();
        return { catalogue: [shdEntry('/shd_train.h5.gz', {}, '/stalled.h5.gz')], signal: controller.signal, onProgress: (p) => p.file === 2 && p.transfer && p.transfer.receivedBytes > 0 && controller.abort() };
      }, 'DATA_ABORTED'],
    ];
    it.each(cases)('%s', async (_what, options, code) => {
      await freshCache();
      await fetchDataset(cache, { source: server.url('/shd_train.h5.gz') }); // something cached before
      const before = await everything();
      await expect(fetchDataset(cache, { source: 'shd-local' }, options())).rejects.toMatchObject({ code });
      expect(await everything()).toEqual(before);
      expect((await cache.list()).sets).toHaveLength(1);
    });

    it('a cache with no room left (DATA_CACHE_QUOTA, with the numbers)', async () => {
      await freshCache();
      const full = new DiskStore(root);
      full.estimate = async () => ({ usage: 1000, quota: 1100 });
      await expect(fetchDataset(new DatasetCache(full), { source: 'shd-local' }, { catalogue: [shdEntry('/shd_train.h5.gz')] }))
        .rejects.toMatchObject({ code: 'DATA_CACHE_QUOTA', message: `There is no room to keep shd_train.h5.gz in ${root}: it needs about ${formatBytes(shdTrainGz.length)}; 100 bytes is free of the 1.1 KiB allowed (1000 bytes used).` });
      expect(await everything()).toEqual([]);
    });
  });

  it('lists, removes one set and clears the cache; the worker\'s overlay serves shipped and cached sets together', async () => {
    await freshCache();
    await fetchDataset(cache, { source: 'shd-local', split: 'train' }, { catalogue: [shdEntry('/shd_train.h5.gz')] });
    await fetchDataset(cache, { source: 'shd-local', split: 'test' }, { catalogue: [shdEntry('/shd_train.h5.gz')] });
    await fetchDataset(cache, { source: 'nmnist-local' }, { catalogue: [nmnistEntry()] });
    const listing = await cache.list();
    expect(listing.sets.map((s) => [s.id, s.splits.map((p) => p.split)])).toEqual([['shd-local', ['train', 'test']], ['nmnist-local', ['train', 'test']]]);
    expect(listing.bytes).toBe(listing.sets.flatMap((s) => s.splits).reduce((a, p) => a + p.bytes, 0));
    expect(listing.where).toBe(root);

    const overlay = withCachedDatasets(fileFetcher('public/datasets'), async () => cache);
    const all = await listDatasets(overlay);
    expect(all.sets.map((s) => s.id)).toEqual(expect.arrayContaining(['nmnist', 'digits', 'shd-local', 'nmnist-local']));
    expect(all.sets.find((s) => s.id === 'shd-local')?.splits[0].file.startsWith(CACHE_PREFIX)).toBe(true);
    expect((await loadDataset('shd-local-test', overlay)).n).toBe(6);
    expect((await loadDataset('digits-test', overlay, { T: 4 })).n).toBe(359);

    await cache.remove('shd-local');
    expect((await cache.list()).sets.map((s) => s.id)).toEqual(['nmnist-local']);
    expect((await everything()).some((p) => p.startsWith('shd-local'))).toBe(false);
    await cache.remove();
    expect(await everything()).toEqual([]);
  });
});
