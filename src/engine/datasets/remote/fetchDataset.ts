/**
 * Fetches a web dataset into the cache: for each file of the plan (./fetchPlan.ts), download it
 * into a temporary file (./download.ts; the next mirror when a host is unreachable or answers an
 * HTTP error), unpack it with the lab's loaders, told the format by the sniffers of dropped files
 * (../own/loadDropped.ts: SHD/SSC .h5 → loaders/shd.ts, a zip of N-MNIST folders →
 * loaders/nmnist.ts, DVS Gesture's tar → loaders/dvsGestureArchive.ts, .npz, .safetensors…), and
 * drop the temporary file; then keep the packed splits (./cachedSet.ts) in the cache in one commit
 * (./datasetCache.ts). The splits of one shared archive (DVS Gesture's train and test) are one
 * download, each split taken from it by name. Whatever fails, and a cancel (DATA_ABORTED) at any
 * point, leaves the cache as it was.
 */
import { SpikelabError } from '../../core/errors';
import { throwIfAborted } from '../errors';
import { loadDroppedFiles } from '../own/loadDropped';
import type { OwnDataset } from '../own/ownDataset';
import { quotaError } from './cacheStore';
import { WEB_DATASETS, type WebDataset, type WebDatasetFile } from './catalogue';
import { cachedSetOf, type FetchedSplit } from './cachedSet';
import type { CachedSet, DatasetCache } from './datasetCache';
import { downloadTo } from './download';
import { remoteError } from './errors';
import { planFetch, type FetchPlan } from './fetchPlan';
import type { TransferEstimate } from './transferRate';

export interface FetchRequest {
  /** A catalogue id ("shd") or an http(s) address. */
  source: string;
  /** train, test, valid, or all (default). */
  split?: string;
}

export interface FetchProgress {
  phase: 'download' | 'unpack' | 'store';
  /** The file being fetched, from 1, of `files`. */
  file: number;
  files: number;
  /** The split the file holds ("train"; "train + test" for one shared archive). */
  split: string;
  fileName: string;
  /** Bytes, rate and ETA while downloading; null after. */
  transfer: TransferEstimate | null;
  /** 0..1 of this phase, where it is known. */
  fraction: number | null;
  /** What is being done, in words. */
  stage: string;
}

export interface FetchOptions {
  signal?: AbortSignal;
  onProgress?: (progress: FetchProgress) => void;
  catalogue?: readonly WebDataset[];
  /** Clock in ms (default Date.now). */
  now?: () => number;
}

const RETRY_ELSEWHERE = new Set(['DATA_REMOTE_UNREACHABLE', 'DATA_REMOTE_HTTP']);

/** Downloads one file (mirrors in turn) and unpacks it; the temporary file is gone either way. */
async function fetchFile(cache: DatasetCache, file: WebDatasetFile, report: (p: Omit<FetchProgress, 'file' | 'files' | 'split' | 'fileName'>) => void, options: FetchOptions): Promise<{ dataset: OwnDataset; url: string }> {
  const { signal } = options;
  const failures: SpikelabError[] = [];
  for (const url of file.urls) {
    const temp = await cache.store.createTemp();
    try {
      const got = await downloadTo(url, temp, {
        signal, expectedBytes: file.bytes, md5: file.md5, now: options.now,
        onProgress: (transfer) => report({ phase: 'download', transfer, fraction: transfer.totalBytes ? transfer.receivedBytes / transfer.totalBytes : null, stage: `Downloading ${file.fileName}` }),
        beforeBody: async (bytes) => {
          const estimate = await cache.store.estimate();
          const free = estimate?.quota !== undefined ? estimate.quota - (estimate.usage ?? 0) : Infinity;
          if (bytes !== null && bytes > free) throw quotaError(cache.store.where, file.fileName, estimate, bytes);
        },
      });
      await temp.close();
      throwIfAborted(signal, url);
      const source = await temp.read(got.gunzipped ? file.fileName.replace(/\.gz$/i, '') : file.fileName);
      const dataset = await loadDroppedFiles([source], { signal, onProgress: (fraction, stage) => report({ phase: 'unpack', transfer: null, fraction, stage }) });
      return { dataset, url };
    } catch (error) {
      if (!(error instanceof SpikelabError && RETRY_ELSEWHERE.has(error.code))) throw error;
      failures.push(error);
    } finally {
      await temp.discard();
    }
  }
  const [first, ...others] = failures;
  if (others.length === 0) throw first;
  throw new SpikelabError(first.code, `${first.message} Its mirror${others.length > 1 ? 's' : ''} failed too: ${others.map((e) => e.message).join(' ')}`, first.hint, first.where);
}

/** The downloads of a plan: each file on its own, except the splits of one shared archive, which are one. */
function downloadsOf(files: readonly WebDatasetFile[]): WebDatasetFile[][] {
  const downloads = new Map<string, WebDatasetFile[]>();
  files.forEach((file, i) => {
    const key = file.shared ? file.urls.join(' ') : `#${i}`;
    downloads.set(key, [...(downloads.get(key) ?? []), file]);
  });
  return [...downloads.values()];
}

/**
 * The splits a downloaded file gives: for a catalogue file its one split (of a shared archive,
 * each asked-for split by name), for an address train and test.
 */
function splitsOf(plan: FetchPlan, files: readonly WebDatasetFile[], dataset: OwnDataset, url: string): FetchedSplit[] {
  const split = (name: string, data: OwnDataset['test']): FetchedSplit => {
    if (!data) {
      throw remoteError('DATA_REMOTE_UNEXPECTED', `${files[0].fileName} (${url}) holds no ${name} split.`, 'The host may serve another version of the dataset than the lab knows: check the dataset\'s page.', url);
    }
    return { split: name, data, info: dataset.info, url };
  };
  if (plan.fromUrl) return dataset.test ? [split('train', dataset.train), split('test', dataset.test)] : [split('train', dataset.train)];
  /** A file is its split; a shared archive holds its splits by name (train, test). */
  const dataOf = (file: WebDatasetFile) => (!file.shared || file.split === 'train' ? dataset.train : file.split === 'test' ? dataset.test : undefined);
  return files.map((file) => split(file.split, dataOf(file)));
}

/** Fetches `request` into `cache` and answers the set as cached (with the splits cached before). */
export async function fetchDataset(cache: DatasetCache, request: FetchRequest, options: FetchOptions = {}): Promise<CachedSet> {
  const plan = await planFetch(request.source, request.split ?? 'all', options.catalogue ?? WEB_DATASETS);
  await cache.sweep();
  try {
    const fetched: FetchedSplit[] = [];
    const downloads = downloadsOf(plan.files);
    const splitNames = (files: readonly WebDatasetFile[]) => files.map((f) => f.split).join(' + ');
    for (const [index, files] of downloads.entries()) {
      const report = (p: Omit<FetchProgress, 'file' | 'files' | 'split' | 'fileName'>) =>
        options.onProgress?.({ ...p, file: index + 1, files: downloads.length, split: splitNames(files), fileName: files[0].fileName });
      const { dataset, url } = await fetchFile(cache, files[0], report, options);
      fetched.push(...splitsOf(plan, files, dataset, url));
    }
    throwIfAborted(options.signal, plan.source);
    const last = downloads[downloads.length - 1];
    options.onProgress?.({ phase: 'store', file: downloads.length, files: downloads.length, split: splitNames(last), fileName: last[0].fileName, transfer: null, fraction: null, stage: `Keeping ${plan.name} in ${cache.store.where}` });
    const { set, files } = await cachedSetOf(plan, fetched, (options.now ?? Date.now)());
    return await cache.put(set, files);
  } finally {
    await cache.store.sweepTemporary();
  }
}
