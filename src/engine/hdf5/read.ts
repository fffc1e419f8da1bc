/**
 * Reading HDF5 bytes into the plain tree of tree.ts: `readH5` (the whole file, values decoded)
 * and `openH5` (lazy: structure, one dataset, rows of one). Both run the JavaScript reader
 * (./jsRead.ts; h5wasm only for what it does not parse, ./wasmRead.ts) under ReadLimits
 * (./limits.ts): decoded bytes (every value and vlen payload charged before it is allocated),
 * objects visited, group depth, and the caller's `admit` hooks.
 * Names are data: children and attributes live in prototype-free records (../core/records.ts).
 * Soft and external links and virtual datasets are refused (HDF5_LINK, HDF5_VIRTUAL_DATASET):
 * nothing outside the file's own objects is ever followed. A chunk that would decompress past
 * its declared size is refused (HDF5_CHUNK_TOO_LARGE) before it is decompressed.
 */
import { SpikelabError } from '../core/errors';
import { MAX_DECODED_BYTES } from '../core/limits';
import { checkGlobalHeaps } from './globalHeap';
import { JsReader } from './jsRead';
import { ReadLimits } from './limits';
import { loadH5 } from './module';
import { checkSignature } from './signature';
import type { H5Group, H5ReadOptions, H5Reader } from './tree';

async function open(bytes: Uint8Array, options: H5ReadOptions | undefined, defaultCap: number): Promise<JsReader> {
  const superblock = checkSignature(bytes);
  // The collection pre-check guards h5wasm (HDF5 2.0 loops on one damaged collection), and the JavaScript reader refuses what HDF5 refuses.
  checkGlobalHeaps(bytes, superblock);
  const module = await loadH5();
  return new JsReader(bytes, superblock, module, new ReadLimits(options, defaultCap));
}

/** Reads the whole file: every group, attribute and dataset value. */
export async function readH5(bytes: Uint8Array, options?: H5ReadOptions): Promise<H5Group> {
  const reader = await open(bytes, options, MAX_DECODED_BYTES);
  try {
    return reader.tree(true);
  } finally {
    reader.close();
  }
}

/** Opens the file for lazy reads (no byte cap unless `maxBytes` is given). The reader keeps a
 * view of `bytes` (no copy) until `close()`: do not modify them meanwhile. */
export async function openH5(bytes: Uint8Array, options?: H5ReadOptions): Promise<H5Reader> {
  const reader = await open(bytes, options, Number.MAX_SAFE_INTEGER);
  let isOpen = true;
  const ensureOpen = () => {
    if (!isOpen) throw new SpikelabError('HDF5_CLOSED', 'This HDF5 file was already closed.', 'Open it again with openH5(bytes).');
  };
  return {
    structure() {
      ensureOpen();
      reader.limits.objects = 0;
      return reader.tree(false);
    },
    dataset(path) {
      ensureOpen();
      return reader.dataset(path);
    },
    readRows(path, start, count) {
      ensureOpen();
      return reader.rows(path, start, count);
    },
    close() {
      if (!isOpen) return;
      isOpen = false;
      reader.close();
    },
  };
}
