/**
 * The shipped datasets and the cached web ones behind one FetchBytes, so the worker lists and
 * loads both the same way (listDatasets, loadDataset): 'manifest.json' answers the shipped
 * manifest with the cached sets appended (their files under CACHE_PREFIX), paths under
 * CACHE_PREFIX are read from the cache, everything else from the shipped root. A cached set whose
 * id a shipped set already has is left out; a cache that cannot be read leaves the shipped sets.
 */
import { MANIFEST_PATH, type FetchBytes } from '../index';
import { parseManifest } from '../manifest';
import type { DatasetCache } from './datasetCache';

export const CACHE_PREFIX = 'web/';

export function withCachedDatasets(shipped: FetchBytes, cache: () => Promise<DatasetCache | null>): FetchBytes {
  return async (path) => {
    if (path.startsWith(CACHE_PREFIX)) {
      const store = await cache();
      if (store) return store.fetcher()(path.slice(CACHE_PREFIX.length));
    }
    const bytes = await shipped(path);
    if (path !== MANIFEST_PATH) return bytes;
    const cached = await cache().then((c) => c?.manifest() ?? null, () => null);
    if (!cached || cached.sets.length === 0) return bytes;
    const manifest = parseManifest(bytes);
    const taken = new Set(manifest.sets.map((s) => s.id));
    const sets = cached.sets.filter((s) => !taken.has(s.id)).map((s) => ({ ...s, splits: s.splits.map((p) => ({ ...p, file: `${CACHE_PREFIX}${p.file}` })) }));
    return new TextEncoder().encode(JSON.stringify({ ...manifest, totalBytes: manifest.totalBytes + cached.totalBytes, sets: [...manifest.sets, ...sets] }));
  };
}
