/**
 * The dataset cache's files in the browser's origin-private file system (OPFS,
 * navigator.storage.getDirectory(), folder spikelab-datasets/), from the engine worker. A
 * temporary file is written through createWritable() (itself committed only on close()) and then
 * moved to its path with FileSystemHandle.move(); where a browser has no move(), it is copied
 * through another writable, which replaces the target as a whole on close(). A write the browser
 * refuses for want of room (QuotaExceededError) is DATA_CACHE_QUOTA with navigator.storage.estimate().
 */
import { blobSource } from '../formats/byteSource';
import type { StorageEstimateLike } from '../own/storagePlan';
import { TEMP_FOLDER, quotaError, type CacheStore, type TempFile } from './cacheStore';
import { remoteError } from './errors';

const ROOT = 'spikelab-datasets';
const WHERE = "this browser's storage for the lab (OPFS)";

/** What Chrome and Firefox have and TypeScript's DOM types lack. */
interface Movable {
  move?(destination: FileSystemDirectoryHandle, name: string): Promise<void>;
}
interface Listable {
  entries(): AsyncIterableIterator<[string, FileSystemHandle]>;
}

const isNotFound = (error: unknown) => (error as DOMException)?.name === 'NotFoundError' || (error as DOMException)?.name === 'TypeMismatchError';
const isQuota = (error: unknown) => (error as DOMException)?.name === 'QuotaExceededError';

async function estimate(): Promise<StorageEstimateLike | null> {
  try {
    return (await navigator.storage?.estimate?.()) ?? null;
  } catch {
    return null;
  }
}

/** The store, or DATA_CACHE_UNAVAILABLE when this browser (or its private mode) has no OPFS. */
export async function openOpfsStore(): Promise<CacheStore> {
  try {
    const top = await navigator.storage.getDirectory();
    return new OpfsStore(await top.getDirectoryHandle(ROOT, { create: true }));
  } catch (error) {
    throw remoteError('DATA_CACHE_UNAVAILABLE', `This browser does not let the lab keep files (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}).`,
      'Use a current Chrome, Edge or Firefox outside private browsing, or fetch the dataset with `spikelab datasets fetch` and drop its file on the page.');
  }
}

class OpfsStore implements CacheStore {
  readonly where = WHERE;

  constructor(private readonly root: FileSystemDirectoryHandle) {}

  private async folder(parts: readonly string[], create: boolean): Promise<FileSystemDirectoryHandle | null> {
    let dir = this.root;
    for (const part of parts) {
      try {
        dir = await dir.getDirectoryHandle(part, { create });
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    }
    return dir;
  }

  private async fileHandle(path: string): Promise<FileSystemFileHandle | null> {
    const parts = path.split('/');
    const dir = await this.folder(parts.slice(0, -1), false);
    try {
      return dir ? await dir.getFileHandle(parts[parts.length - 1]) : null;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async readFile(path: string): Promise<Uint8Array | null> {
    const handle = await this.fileHandle(path);
    return handle ? new Uint8Array(await (await handle.getFile()).arrayBuffer()) : null;
  }

  async createTemp(): Promise<TempFile> {
    const dir = (await this.folder([TEMP_FOLDER], true))!;
    const name = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    const handle = await dir.getFileHandle(name, { create: true });
    let writable: FileSystemWritableFileStream | null = await handle.createWritable();
    let size = 0;
    const refused = async (error: unknown): Promise<never> => {
      throw isQuota(error) ? quotaError(WHERE, 'the dataset', await estimate(), size) : error;
    };
    return {
      name,
      get size() {
        return size;
      },
      async write(chunk) {
        await writable!.write(chunk as Uint8Array<ArrayBuffer>).catch(refused);
        size += chunk.length;
      },
      async close() {
        const open = writable;
        writable = null;
        await open?.close().catch(refused);
      },
      read: async (fileName) => blobSource(await handle.getFile(), fileName),
      async discard() {
        const open = writable;
        writable = null;
        await open?.abort().catch(() => undefined);
        await dir.removeEntry(name).catch(() => undefined);
      },
    };
  }

  async commit(temp: TempFile, path: string): Promise<void> {
    const parts = path.split('/');
    const leaf = parts[parts.length - 1];
    const target = (await this.folder(parts.slice(0, -1), true))!;
    const source = (await (await this.folder([TEMP_FOLDER], false))!.getFileHandle(temp.name)) as FileSystemFileHandle & Movable;
    if (source.move) {
      try {
        await source.move(target, leaf);
      } catch {
        await target.removeEntry(leaf).catch(() => undefined); // a browser that will not move onto a file
        await source.move(target, leaf);
      }
      return;
    }
    const writable = await (await target.getFileHandle(leaf, { create: true })).createWritable();
    try {
      await (await source.getFile()).stream().pipeTo(writable);
    } catch (error) {
      await writable.abort().catch(() => undefined);
      throw isQuota(error) ? quotaError(WHERE, path, await estimate()) : error;
    }
    await temp.discard();
  }

  async list(): Promise<{ path: string; bytes: number }[]> {
    const files: { path: string; bytes: number }[] = [];
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string) => {
      for await (const [name, handle] of (dir as unknown as Listable).entries()) {
        if (prefix === '' && name === TEMP_FOLDER) continue;
        if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
        else files.push({ path: `${prefix}${name}`, bytes: (await (handle as FileSystemFileHandle).getFile()).size });
      }
    };
    await walk(this.root, '');
    return files;
  }

  async remove(paths: readonly string[]): Promise<void> {
    for (const path of paths) {
      const parts = path.split('/');
      for (let depth = parts.length; depth > 0; depth--) {
        const dir = await this.folder(parts.slice(0, depth - 1), false);
        if (!dir) break;
        // the file itself, then each folder above it while it is empty (removeEntry refuses a full one)
        const removed = await dir.removeEntry(parts[depth - 1]).then(() => true, (error) => isNotFound(error));
        if (!removed) break;
      }
    }
  }

  async sweepTemporary(): Promise<void> {
    await this.root.removeEntry(TEMP_FOLDER, { recursive: true }).catch(() => undefined);
  }

  estimate(): Promise<StorageEstimateLike | null> {
    return estimate();
  }
}
