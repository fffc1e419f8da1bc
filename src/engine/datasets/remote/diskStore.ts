/**
 * The dataset cache's files in a folder on disk, for the CLI (and the tests): by default
 * $SPIKELAB_CACHE, else $XDG_CACHE_HOME/spikelab/datasets, else ~/.cache/spikelab/datasets.
 * Temporary files go to <root>/.partial/ and are committed by rename(2), which replaces the
 * target atomically on the same file system. A full disk (ENOSPC, EDQUOT) is DATA_CACHE_QUOTA.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm, rmdir, stat, statfs, type FileHandle } from 'node:fs/promises';
import { openAsBlob } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { blobSource } from '../formats/byteSource';
import type { StorageEstimateLike } from '../own/storagePlan';
import { TEMP_FOLDER, quotaError, type CacheStore, type TempFile } from './cacheStore';
import { remoteError } from './errors';

export const CACHE_ENV = 'SPIKELAB_CACHE';

export function defaultCacheDir(env: Record<string, string | undefined> = process.env): string {
  if (env[CACHE_ENV]) return env[CACHE_ENV]!;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'spikelab', 'datasets');
}

const isNoSpace = (error: unknown) => ['ENOSPC', 'EDQUOT'].includes((error as NodeJS.ErrnoException)?.code ?? '');

export class DiskStore implements CacheStore {
  readonly where: string;

  constructor(readonly root: string) {
    this.where = root;
  }

  async readFile(path: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(join(this.root, path)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async createTemp(): Promise<TempFile> {
    const name = randomBytes(8).toString('hex');
    const path = this.tempPath(name);
    let handle: FileHandle;
    try {
      await mkdir(dirname(path), { recursive: true });
      handle = await open(path, 'w');
    } catch (error) {
      throw remoteError('DATA_CACHE_UNAVAILABLE', `The cache folder ${this.root} cannot be written (${(error as Error).message}).`,
        `Choose another with --cache DIR or the ${CACHE_ENV} environment variable.`, this.root);
    }
    let size = 0;
    let writing = true;
    const fail = async (error: unknown): Promise<never> => {
      throw isNoSpace(error) ? quotaError(this.root, 'the dataset', await this.estimate(), size) : error;
    };
    return {
      name,
      get size() {
        return size;
      },
      async write(chunk) {
        try {
          await handle.write(chunk);
        } catch (error) {
          await fail(error);
        }
        size += chunk.length;
      },
      async close() {
        if (!writing) return;
        writing = false;
        await handle.close().catch(fail);
      },
      async read(name) {
        return blobSource(await openAsBlob(path), name);
      },
      discard: async () => {
        if (writing) await handle.close().catch(() => undefined);
        writing = false;
        await rm(path, { force: true });
      },
    };
  }

  private tempPath(name: string): string {
    return join(this.root, TEMP_FOLDER, name);
  }

  async commit(temp: TempFile, path: string): Promise<void> {
    const target = join(this.root, path);
    await mkdir(dirname(target), { recursive: true });
    await rename(this.tempPath(temp.name), target);
  }

  async list(): Promise<{ path: string; bytes: number }[]> {
    const entries = await readdir(this.root, { recursive: true, withFileTypes: true }).catch(() => []);
    const files: { path: string; bytes: number }[] = [];
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const path = relative(this.root, join(entry.parentPath, entry.name)).split(sep).join('/');
      if (path.startsWith(`${TEMP_FOLDER}/`)) continue;
      files.push({ path, bytes: (await stat(join(this.root, path))).size });
    }
    return files;
  }

  async remove(paths: readonly string[]): Promise<void> {
    for (const path of paths) {
      await rm(join(this.root, path), { force: true });
      for (let dir = dirname(path); dir !== '.' && dir !== ''; dir = dirname(dir)) {
        if (!(await rmdir(join(this.root, dir)).then(() => true, () => false))) break; // not empty
      }
    }
  }

  async sweepTemporary(): Promise<void> {
    await rm(join(this.root, TEMP_FOLDER), { recursive: true, force: true });
  }

  async estimate(): Promise<StorageEstimateLike | null> {
    try {
      const fs = await statfs(this.root);
      const quota = fs.blocks * fs.bsize;
      return { quota, usage: quota - fs.bavail * fs.bsize };
    } catch {
      return null;
    }
  }
}
