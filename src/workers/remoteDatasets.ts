/**
 * The worker's datasets from the web (../engine/datasets/remote): fetch one (a catalogue id or an
 * address) into this browser's cache in the origin-private file system, cancel it, list and clear
 * the cache, and serve the cached sets beside the shipped ones (`withWebCache`), so the Run panel
 * lists them and a run loads them like a shipped set. One fetch at a time; progress messages at
 * most every PROGRESS_INTERVAL_MS, and at every change of file or phase (../engine/datasets/remote/progressThrottle.ts).
 */
import { SpikelabError } from '../engine/core/errors';
import type { FetchBytes } from '../engine/datasets/index';
import { DatasetCache, type CacheListing, type CachedSet } from '../engine/datasets/remote/datasetCache';
import { fetchDataset, type FetchProgress, type FetchRequest } from '../engine/datasets/remote/fetchDataset';
import { openOpfsStore } from '../engine/datasets/remote/opfsStore';
import { withCachedDatasets } from '../engine/datasets/remote/overlay';
import { throttleProgress } from '../engine/datasets/remote/progressThrottle';

const PROGRESS_INTERVAL_MS = 100;

let opened: Promise<DatasetCache> | null = null;
let fetching: AbortController | null = null;

function cache(): Promise<DatasetCache> {
  opened ??= openOpfsStore().then((store) => new DatasetCache(store));
  opened.catch(() => {
    opened = null; // try again next time (the browser may allow storage later)
  });
  return opened;
}

function busy(): SpikelabError {
  return new SpikelabError('RUN_BUSY', 'A dataset is still being fetched.', 'Wait for it, or press Cancel first.');
}

export async function fetchWebDataset(request: FetchRequest, onProgress?: (progress: FetchProgress) => void): Promise<CachedSet> {
  if (fetching) throw busy();
  fetching = new AbortController();
  const report = onProgress && throttleProgress((progress) => void Promise.resolve(onProgress(progress)).catch(() => undefined), PROGRESS_INTERVAL_MS);
  try {
    return await fetchDataset(await cache(), request, { signal: fetching.signal, onProgress: report });
  } finally {
    fetching = null;
  }
}

export function cancelWebFetch(): void {
  fetching?.abort();
}

export async function listWebCache(): Promise<CacheListing> {
  return (await cache()).list();
}

/** Forgets one cached set, or all of them. */
export async function clearWebCache(id?: string): Promise<void> {
  if (fetching) throw busy();
  await (await cache()).remove(id);
}

/** The shipped datasets' fetcher with the cached web sets added (a browser without OPFS: the shipped ones alone). */
export function withWebCache(fetchBytes: FetchBytes): FetchBytes {
  return withCachedDatasets(fetchBytes, () => cache().catch(() => null));
}
