/**
 * Raw HDF5 element bytes (as copied out of the wasm heap) → the plain values of tree.ts.
 * Works on a fresh, 0-aligned copy, so little-endian data is viewed directly; big-endian data
 * and 8-byte integers go through a DataView.
 */
import type { H5DType, H5NumericArray, H5Value } from './tree';
import { decodeFloat16 } from './float16';

export interface RawMetadata {
  type: number;
  size: number;
  signed: boolean;
  littleEndian: boolean;
  vlen: boolean;
  cset?: number;
  enum_type?: { type: number; members: Record<string, number> };
  vlen_type?: RawMetadata;
  shape: number[] | null;
  total_size: number;
  chunks?: number[] | null;
  /** Present (h5wasm) when the dataset is virtual: where its data would come from. */
  virtual_sources?: Array<{ file_name: string; dset_name: string }>;
}

const H5T_INTEGER = 0;
const H5T_FLOAT = 1;
const H5T_STRING = 3;
const H5T_ENUM = 8;
const H5T_VLEN = 9;
const CLASS_NAMES: Record<number, string> = { 2: 'time', 4: 'bitfield', 5: 'opaque', 6: 'compound', 7: 'reference', 10: 'array' };

export function dtypeOf(meta: RawMetadata): H5DType {
  if (meta.type === H5T_INTEGER && [1, 2, 4, 8].includes(meta.size)) {
    return { class: 'int', bytes: meta.size as 1 | 2 | 4 | 8, signed: meta.signed };
  }
  if (meta.type === H5T_FLOAT && [2, 4, 8].includes(meta.size)) return { class: 'float', bytes: meta.size as 2 | 4 | 8 };
  if (meta.type === H5T_STRING) return { class: 'string', vlen: meta.vlen, bytes: meta.size, charset: meta.cset === 1 ? 'utf-8' : 'ascii' };
  if (meta.type === H5T_ENUM && meta.enum_type) {
    const members = meta.enum_type.members;
    const base = dtypeOf({ ...meta, type: meta.enum_type.type, enum_type: undefined });
    if (Object.keys(members).length === 2 && members.FALSE === 0 && members.TRUE === 1) return { class: 'bool' };
    return { class: 'enum', members: { ...members }, base };
  }
  if (meta.type === H5T_VLEN && meta.vlen_type) return { class: 'vlen', base: dtypeOf(meta.vlen_type) };
  return { class: 'other', description: `${CLASS_NAMES[meta.type] ?? `class ${meta.type}`} (${meta.size} bytes)` };
}

function numeric(bytes: Uint8Array, dtype: H5DType, count: number, littleEndian: boolean): H5NumericArray {
  const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
  if (dtype.class === 'float' && dtype.bytes === 2) return decodeFloat16(bytes, count, littleEndian);
  if (littleEndian) {
    if (dtype.class === 'float') return dtype.bytes === 4 ? new Float32Array(buffer, 0, count) : new Float64Array(buffer, 0, count);
    if (dtype.class === 'int') {
      switch (dtype.bytes) {
        case 1: return dtype.signed ? new Int8Array(buffer, 0, count) : new Uint8Array(buffer, 0, count);
        case 2: return dtype.signed ? new Int16Array(buffer, 0, count) : new Uint16Array(buffer, 0, count);
        case 4: return dtype.signed ? new Int32Array(buffer, 0, count) : new Uint32Array(buffer, 0, count);
        case 8: break;
      }
    }
  }
  const view = new DataView(buffer);
  const size = dtype.class === 'int' || dtype.class === 'float' ? dtype.bytes : 1;
  const out = dtype.class === 'float' && size === 4 ? new Float32Array(count) : dtype.class === 'int' && size < 8 ? intArray(dtype, count) : new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = readOne(view, i * size, dtype, littleEndian);
  return out;
}

function intArray(dtype: Extract<H5DType, { class: 'int' }>, count: number): H5NumericArray {
  if (dtype.bytes === 1) return dtype.signed ? new Int8Array(count) : new Uint8Array(count);
  if (dtype.bytes === 2) return dtype.signed ? new Int16Array(count) : new Uint16Array(count);
  return dtype.signed ? new Int32Array(count) : new Uint32Array(count);
}

function readOne(view: DataView, offset: number, dtype: H5DType, le: boolean): number {
  if (dtype.class === 'float') return dtype.bytes === 4 ? view.getFloat32(offset, le) : view.getFloat64(offset, le);
  if (dtype.class !== 'int') return NaN;
  switch (dtype.bytes) {
    case 1: return dtype.signed ? view.getInt8(offset) : view.getUint8(offset);
    case 2: return dtype.signed ? view.getInt16(offset, le) : view.getUint16(offset, le);
    case 4: return dtype.signed ? view.getInt32(offset, le) : view.getUint32(offset, le);
    case 8: return Number(dtype.signed ? view.getBigInt64(offset, le) : view.getBigUint64(offset, le));
  }
}

function fixedStrings(bytes: Uint8Array, size: number, count: number, charset: string): string[] {
  const decoder = new TextDecoder(charset === 'utf-8' ? 'utf-8' : 'latin1');
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let chunk = bytes.subarray(i * size, (i + 1) * size);
    const nul = chunk.indexOf(0);
    if (nul >= 0) chunk = chunk.subarray(0, nul);
    out.push(decoder.decode(chunk).replace(/ +$/, ''));
  }
  return out;
}

/** What decoding needs from the wasm module: the heap and its C-string reader. */
export interface Heap {
  HEAPU8: Uint8Array;
  UTF8ToString(ptr: number): string;
}

/**
 * Decodes `count` elements. `bytes` is the copied read buffer; vlen strings and sequences hold
 * pointers into `heap`, which must still be valid (decode before reclaiming vlen memory).
 */
export function decodeElements(bytes: Uint8Array, meta: RawMetadata, dtype: H5DType, count: number, heap: Heap): H5Value {
  switch (dtype.class) {
    case 'int':
    case 'float':
      return numeric(bytes, dtype, count, meta.littleEndian);
    case 'bool': {
      const codes = numeric(bytes, { class: 'int', bytes: meta.size as 1 | 2 | 4 | 8, signed: meta.signed }, count, meta.littleEndian);
      return Array.from(codes, (c) => c !== 0);
    }
    case 'enum':
      return numeric(bytes, dtype.base, count, meta.littleEndian);
    case 'string': {
      if (!dtype.vlen) return fixedStrings(bytes, meta.size, count, dtype.charset);
      const pointers = new Uint32Array(bytes.slice(0, count * 4).buffer);
      return Array.from(pointers, (p) => (p === 0 ? '' : heap.UTF8ToString(p)));
    }
    case 'vlen': {
      const base = meta.vlen_type;
      if (!base) return null;
      const pairs = new Uint32Array(bytes.slice(0, count * 8).buffer);
      const out: Array<H5NumericArray | string[] | boolean[]> = [];
      for (let i = 0; i < count; i++) {
        const length = pairs[2 * i];
        const pointer = pairs[2 * i + 1];
        const data = heap.HEAPU8.slice(pointer, pointer + length * base.size);
        const value = decodeElements(data, base, dtype.base, length, heap);
        out.push(Array.isArray(value) || ArrayBuffer.isView(value) ? (value as H5NumericArray | string[] | boolean[]) : new Float64Array(0));
      }
      return out;
    }
    case 'other':
      return null;
  }
}
