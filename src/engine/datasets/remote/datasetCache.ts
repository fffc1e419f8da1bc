/**
 * The cache of fetched datasets, on any CacheStore (./cacheStore.ts): a dataset root in the
 * shipped layout, so the same loaders read it (loadDataset with `cache.fetcher()`, or the CLI's
 * `--root` pointed at the folder):
 *
 *   manifest.json                       spikelab-datasets-manifest/1, the cached sets (../manifest.ts)
 *   <set id>/<split>-<token>.safetensors one split, spikelab-dataset/1 (../formats/packedFile.ts)
 *   .partial/                           temporary files of a fetch in progress
 *
 * The manifest is the commit point: a set is cached once the manifest that lists it has replaced
 * the old one (written to a temporary file and renamed). Split files get a fresh token each
 * fetch, so a set being replaced stays readable until the switch; files no manifest names (left
 * by a fetch that was killed) are removed by `sweep`.
 */
import { dataError } from '../errors';
import { MANIFEST_FORMAT, parseManifest, type DatasetManifest, type ManifestSet } from '../manifest';
import type { FetchBytes } from '../index';
import type { StorageEstimateLike } from '../own/storagePlan';
import type { CacheStore } from './cacheStore';

export const CACHE_MANIFEST = 'manifest.json';

/** A cached set: its manifest entry and where and when it came from. */
export interface CachedSet extends ManifestSet {
  fetched: { at: number; from: string[] };
}

export interface CacheListing {
  where: string;
  sets: CachedSet[];
  /** Bytes of the cached sets' files. */
  bytes: number;
  /** What the browser or disk allows, or null. */
  estimate: StorageEstimateLike | null;
}

interface CacheManifest extends DatasetManifest {
  sets: CachedSet[];
}

/** A file of a set, to be written: its path in the root and its bytes. */
export interface SetFile {
  path: string;
  bytes: Uint8Array;
}

export class DatasetCache {
  constructor(readonly store: CacheStore) {}

  /** The cached sets (an empty manifest when nothing is cached). */
  async manifest(): Promise<CacheManifest> {
    const bytes = await this.store.readFile(CACHE_MANIFEST);
    if (!bytes) return { format: MANIFEST_FORMAT, totalBytes: 0, sets: [] };
    return parseManifest(bytes, `${this.store.where}/${CACHE_MANIFEST}`) as CacheManifest;
  }

  async list(): Promise<CacheListing> {
    const [manifest, files, estimate] = await Promise.all([this.manifest(), this.store.list(), this.store.estimate()]);
    const sizes = new Map(files.map((f) => [f.path, f.bytes]));
    const bytes = manifest.sets.flatMap((s) => s.splits).reduce((a, split) => a + (sizes.get(split.file) ?? 0), 0);
    return { where: this.store.where, sets: manifest.sets, bytes, estimate };
  }

  /** Reads the cache as a dataset root (paths as the manifest names them). */
  fetcher(): FetchBytes {
    return async (path) => {
      if (path === CACHE_MANIFEST) return new TextEncoder().encode(JSON.stringify(await this.manifest()));
      const bytes = await this.store.readFile(path);
      if (bytes) return bytes;
      throw dataError('DATA_FETCH_FAILED', `The cached file ${path} is missing from ${this.store.where}.`, 'Fetch the dataset again (the cache was cleared or damaged).', path);
    };
  }

  /**
   * Stores a set: its files first, then the manifest that lists it (replacing the splits of the
   * same names; splits of another T or shape are dropped), then the files it no longer names.
   */
  async put(set: CachedSet, files: readonly SetFile[]): Promise<CachedSet> {
    const manifest = await this.manifest();
    const old = manifest.sets.find((s) => s.id === set.id);
    const sameShape = old && old.T === set.T && old.featureShape.join(',') === set.featureShape.join(',');
    const kept = sameShape ? old.splits.filter((p) => !set.splits.some((n) => n.split === p.split)) : [];
    const stored: CachedSet = { ...set, splits: [...kept, ...set.splits] };
    try {
      for (const file of files) await this.writeFile(file.path, file.bytes);
      await this.writeManifest([...manifest.sets.filter((s) => s.id !== set.id), stored]);
    } catch (error) {
      await this.store.remove(files.map((f) => f.path)).catch(() => undefined);
      throw error;
    }
    await this.sweep();
    return stored;
  }

  /** Forgets one set, or (no id) everything, temporary files included. */
  async remove(id?: string): Promise<void> {
    const manifest = await this.manifest().catch(() => null);
    if (id === undefined || !manifest) {
      await this.store.remove((await this.store.list()).map((f) => f.path));
      await this.store.sweepTemporary();
      return;
    }
    if (!manifest.sets.some((s) => s.id === id)) return;
    await this.writeManifest(manifest.sets.filter((s) => s.id !== id));
    await this.sweep();
  }

  /** Removes temporary files and every file the manifest does not name. */
  async sweep(): Promise<void> {
    await this.store.sweepTemporary();
    const named = new Set([CACHE_MANIFEST, ...(await this.manifest()).sets.flatMap((s) => s.splits.map((p) => p.file))]);
    await this.store.remove((await this.store.list()).map((f) => f.path).filter((p) => !named.has(p)));
  }

  private async writeManifest(sets: CachedSet[]): Promise<void> {
    const totalBytes = sets.flatMap((s) => s.splits).reduce((a, p) => a + p.bytes, 0);
    const manifest: CacheManifest = { format: MANIFEST_FORMAT, totalBytes, sets };
    await this.writeFile(CACHE_MANIFEST, new TextEncoder().encode(`${JSON.stringify(manifest, null, 1)}\n`));
  }

  private async writeFile(path: string, bytes: Uint8Array): Promise<void> {
    const temp = await this.store.createTemp();
    try {
      await temp.write(bytes);
      await temp.close();
      await this.store.commit(temp, path);
    } finally {
      await temp.discard();
    }
  }
}
