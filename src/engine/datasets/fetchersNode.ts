import { open, realpath, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { MAX_INFLATED_BYTES, tooManyBytes } from '../core/limits';
import { dataError } from './errors';
import { checkDatasetPath } from './manifest';
import type { FetchBytes } from './index';

export interface FileFetcherOptions {
  /** Largest file it reads (default MAX_INFLATED_BYTES); the size is checked before reading. */
  maxBytes?: number;
}

/**
 * `fetchBytes` for Node (CLI, tests): paths resolved under `root`, e.g. public/datasets. A path
 * must stay inside the root: relative, no "..", and, once symbolic links are resolved, still
 * under the root's real path (DATA_BAD_PATH otherwise); nothing outside it is read or hashed.
 */
export function fileFetcher(root: string, options: FileFetcherOptions = {}): FetchBytes {
  const maxBytes = options.maxBytes ?? MAX_INFLATED_BYTES;
  return async (path: string) => {
    checkDatasetPath(path);
    const realRoot = await realpath(root);
    const real = await realpath(resolve(root, path));
    if (real !== realRoot && !real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep)) {
      throw dataError('DATA_BAD_PATH', `The dataset file ${path} leads outside the dataset folder (to ${real}) through a symbolic link.`,
        'Keep dataset files inside the dataset folder; copy them there instead of linking.', path);
    }
    const info = await stat(real);
    if (!info.isFile()) throw dataError('DATA_BAD_PATH', `The dataset path ${path} is not a regular file.`, 'Point the manifest at the dataset files themselves.', path);
    if (info.size > maxBytes) throw tooManyBytes('DATA_TOO_LARGE', `The dataset file ${path}`, info.size, maxBytes, path);
    const file = await open(real, 'r');
    try {
      const { size } = await file.stat();
      if (size > maxBytes) throw tooManyBytes('DATA_TOO_LARGE', `The dataset file ${path}`, size, maxBytes, path);
      const bytes = new Uint8Array(size);
      let read = 0;
      while (read < size) {
        const { bytesRead } = await file.read(bytes, read, size - read, read);
        if (bytesRead === 0) break;
        read += bytesRead;
      }
      return read === size ? bytes : bytes.subarray(0, read);
    } finally {
      await file.close();
    }
  };
}
