import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FetchBytes } from './index';

/** `fetchBytes` for Node (CLI, tests): paths resolved under `root`, e.g. public/datasets. */
export function fileFetcher(root: string): FetchBytes {
  return async (path: string) => new Uint8Array(await readFile(resolve(root, path)));
}
