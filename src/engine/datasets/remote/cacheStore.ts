/**
 * What the dataset cache (./datasetCache.ts) needs from where it keeps files, so the same cache
 * runs on the browser's origin-private file system (./opfsStore.ts) and on a folder on disk for
 * the CLI (./diskStore.ts). Paths are '/'-separated and relative to the store's root. Nothing
 * reaches its final path until `commit` moves a finished temporary file there (a rename), so a
 * download or a write that fails midway leaves at most a temporary file, which `discard` (or the
 * next `sweepTemporary`) removes.
 */
import { formatBytes } from '../../core/limits';
import type { ByteSource } from '../formats/byteSource';
import type { StorageEstimateLike } from '../own/storagePlan';
import { remoteError } from './errors';

/** A file being written under the store's temporary folder. */
export interface TempFile {
  /** Its name inside the temporary folder. */
  readonly name: string;
  write(chunk: Uint8Array): Promise<void>;
  /** Bytes written so far. */
  readonly size: number;
  /** Finishes writing; the file can then be read (`read`) or committed. */
  close(): Promise<void>;
  /** The finished file, read piece by piece (not loaded whole). */
  read(name: string): Promise<ByteSource>;
  /** Removes it (a no-op once committed). */
  discard(): Promise<void>;
}

export interface CacheStore {
  /** Where the files are, in words ("this browser's private storage (OPFS)", a folder path). */
  readonly where: string;
  /** A committed file's bytes, or null when there is none. */
  readFile(path: string): Promise<Uint8Array | null>;
  createTemp(): Promise<TempFile>;
  /** Moves a closed temporary file to `path`, replacing what was there. */
  commit(temp: TempFile, path: string): Promise<void>;
  /** Every committed file with its size (the temporary folder excluded). */
  list(): Promise<{ path: string; bytes: number }[]>;
  /** Removes committed files (folders left empty go too). */
  remove(paths: readonly string[]): Promise<void>;
  /** Removes every temporary file (left by a fetch that was killed). */
  sweepTemporary(): Promise<void>;
  /** What the browser or the disk allows (usage and quota), or null when it cannot say. */
  estimate(): Promise<StorageEstimateLike | null>;
}

/** The name of the store's temporary folder (never listed, never a manifest path: it starts with '.'). */
export const TEMP_FOLDER = '.partial';

/** DATA_CACHE_QUOTA: the store refused `bytes` more; says what it allows and how to make room. */
export function quotaError(where: string, what: string, estimate: StorageEstimateLike | null, needed?: number): Error {
  const free = estimate?.quota !== undefined ? Math.max(0, estimate.quota - (estimate.usage ?? 0)) : undefined;
  const numbers = [
    needed !== undefined ? `it needs about ${formatBytes(needed)}` : '',
    free !== undefined ? `${formatBytes(free)} is free of the ${formatBytes(estimate!.quota!)} allowed (${formatBytes(estimate!.usage ?? 0)} used)` : '',
  ].filter(Boolean).join('; ');
  return remoteError('DATA_CACHE_QUOTA', `There is no room to keep ${what} in ${where}${numbers ? `: ${numbers}` : ''}.`,
    'Free space: remove cached datasets you no longer need (Clear), or datasets of your own, or files on this disk; a browser may also allow more storage to a site you use often (site settings, or install the page as an app).', where);
}
