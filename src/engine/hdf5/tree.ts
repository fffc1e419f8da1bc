/**
 * The plain HDF5 tree the rest of the engine sees (the only h5wasm importer is this folder).
 * Stable API, used by the NIR codec and by the dataset loaders (SHD/SSC `.h5`):
 *
 *   readH5(bytes, options?)  → H5Group            whole file, every value decoded (NIR files)
 *   openH5(bytes)            → H5Reader           lazy: structure, one dataset, or rows of one (big files)
 *   writeH5(root)            → Uint8Array         from an H5WriteGroup (gzip where possible)
 *
 * Values are flat, row-major, `length = product(shape)` (1 for a scalar, shape `[]`):
 *  - int / uint of 1, 2 or 4 bytes → the matching typed array; 8-byte ints → Float64Array
 *    (exact up to 2^53); float16 and float32 → Float32Array; float64 → Float64Array;
 *  - strings (variable or fixed length, ASCII or UTF-8) → string[] (fixed ones cut at the first NUL);
 *  - h5py booleans (enum {FALSE: 0, TRUE: 1}) → boolean[]; other enums → their integer codes;
 *  - variable-length sequences (SHD `spikes/times`) → one decoded array per element;
 *  - anything else (compound, reference, opaque…) → dtype `{ class: 'other' }` and value null.
 */

export type H5NumericArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

export type H5DType =
  | { class: 'int'; bytes: 1 | 2 | 4 | 8; signed: boolean }
  | { class: 'float'; bytes: 2 | 4 | 8 }
  | { class: 'string'; vlen: boolean; bytes: number; charset: 'ascii' | 'utf-8' }
  | { class: 'bool' }
  | { class: 'enum'; members: Record<string, number>; base: H5DType }
  | { class: 'vlen'; base: H5DType }
  | { class: 'other'; description: string };

export type H5Value = H5NumericArray | string[] | boolean[] | H5VlenValue | null;
export type H5VlenValue = Array<H5NumericArray | string[] | boolean[]>;

/** A filter of a dataset's pipeline as stored in the file (id 1 = deflate/gzip, 2 = shuffle). */
export interface H5Filter {
  id: number;
  name: string;
}

export interface H5Attribute {
  dtype: H5DType;
  shape: number[];
  value: H5Value;
}

export interface H5Dataset {
  kind: 'dataset';
  dtype: H5DType;
  shape: number[];
  value: H5Value;
  filters: H5Filter[];
  /** 'chunked' datasets may carry filters; 'contiguous' and 'compact' never do. */
  layout: 'contiguous' | 'chunked';
  attrs: Record<string, H5Attribute>;
}

export interface H5Group {
  kind: 'group';
  attrs: Record<string, H5Attribute>;
  /** Members in the file's (name) order, in a prototype-free record; committed datatypes are left out, links refused. */
  children: Record<string, H5Group | H5Dataset>;
}

export type H5Node = H5Group | H5Dataset;

/** What can be written: numbers in a typed array or plain array, or strings. */
export type H5WriteDType = 'float32' | 'float64' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint8' | 'uint16' | 'uint32' | 'string';

export interface H5WriteDataset {
  kind: 'dataset';
  dtype: H5WriteDType;
  /** `[]` writes a scalar dataset. */
  shape: number[];
  value: ArrayLike<number> | string[];
  /** gzip (deflate level 4, one chunk) is applied only where HDF5 allows it: numeric, non-scalar, non-empty. */
  compression?: 'gzip' | 'none';
  attrs?: Record<string, string | number>;
}

export interface H5WriteGroup {
  kind: 'group';
  children: Record<string, H5WriteGroup | H5WriteDataset>;
  attrs?: Record<string, string | number>;
}

export interface H5ReadOptions {
  /** Refuse files whose datasets would decode to more than this many bytes (readH5: default MAX_DECODED_BYTES of ../core/limits.ts, 256 MiB; openH5: no cap). */
  maxBytes?: number;
  /** Refuse group nesting deeper than this (default 64). */
  maxDepth?: number;
  /**
   * Called for each dataset with its dtype, shape, filters and attributes (value still null)
   * before the value is read: throw to refuse it before anything is allocated.
   */
  admit?: (path: string, dataset: H5Dataset) => void;
  /** Called for each group with its member count before any member is read: throw to refuse it. */
  admitGroup?: (path: string, members: number) => void;
}

/** Lazy access to an open file; call `close()` when done. The bytes given to openH5 must not change until then. */
export interface H5Reader {
  /** The tree without values (every dataset's `value` is null), attributes decoded. */
  structure(): H5Group;
  /** One dataset with its value, e.g. `dataset('/labels')`. */
  dataset(path: string): H5Dataset;
  /** Rows [start, start + count) along the first dimension, decoded like `value`. */
  readRows(path: string, start: number, count: number): H5Value;
  close(): void;
}

export function isGroup(node: H5Node | undefined): node is H5Group {
  return node !== undefined && node.kind === 'group';
}

export function isDataset(node: H5Node | undefined): node is H5Dataset {
  return node !== undefined && node.kind === 'dataset';
}

/** Follows a '/'-separated path from `root`; undefined if any part is missing. */
export function getPath(root: H5Group, path: string): H5Node | undefined {
  let node: H5Node = root;
  for (const part of path.split('/').filter((p) => p.length > 0)) {
    if (node.kind !== 'group') return undefined;
    const next: H5Node | undefined = Object.prototype.hasOwnProperty.call(node.children, part) ? node.children[part] : undefined;
    if (next === undefined) return undefined;
    node = next;
  }
  return node;
}

/** Human-readable dtype, e.g. "float32", "vlen<uint16>", "string(utf-8)". */
export function describeDType(dtype: H5DType): string {
  switch (dtype.class) {
    case 'int': return `${dtype.signed ? 'int' : 'uint'}${dtype.bytes * 8}`;
    case 'float': return `float${dtype.bytes * 8}`;
    case 'string': return dtype.vlen ? `string(${dtype.charset})` : `string[${dtype.bytes}](${dtype.charset})`;
    case 'bool': return 'bool';
    case 'enum': return `enum<${describeDType(dtype.base)}>`;
    case 'vlen': return `vlen<${describeDType(dtype.base)}>`;
    case 'other': return dtype.description;
  }
}
