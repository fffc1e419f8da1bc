/**
 * Where a dataset's elements are and how they are encoded (format spec §IV.A.2): the data layout
 * message (versions 1–4: compact, contiguous, chunked with its chunk index, virtual), the filter
 * pipeline message (versions 1 and 2) and the fill value messages (old and new, versions 1–3).
 */
import { corrupt, Cursor, type FileView, UNDEFINED, Unsupported } from './view';

export type ChunkIndex =
  | { type: 'btree1' }
  | { type: 'single'; filteredSize?: number; filterMask?: number }
  | { type: 'implicit' }
  | { type: 'fixedArray'; pageBits: number }
  | { type: 'extensibleArray'; maxBits: number; indexElements: number; minPointers: number; minElements: number; pageBits: number }
  | { type: 'btree2' };

export type Layout =
  | { kind: 'compact'; at: number; size: number }
  | { kind: 'contiguous'; address: number; size?: number }
  | { kind: 'chunked'; version: number; address: number; index: ChunkIndex; chunk: number[]; elementSize: number; dontFilterPartial: boolean }
  | { kind: 'virtual' };

export function readLayout(file: FileView, at: number, size: number): Layout {
  const c = new Cursor(file, at, at + size, 'a data layout message');
  const version = c.u8();
  if (version < 1 || version > 4) throw new Unsupported(`data layout version ${version}`);
  if (version < 3) {
    const ndims = c.u8();
    const cls = c.u8();
    c.skip(5);
    if (cls === 0) {
      c.skip(4 * ndims);
      const bytes = c.u32();
      const start = c.pos;
      c.skip(bytes);
      return { kind: 'compact', at: start, size: bytes };
    }
    const address = c.address();
    const dims: number[] = [];
    for (let i = 0; i < ndims; i++) dims.push(c.u32());
    if (cls === 1) return { kind: 'contiguous', address };
    if (cls !== 2 || ndims < 2) throw corrupt(`a data layout message has class ${cls} with ${ndims} dimensions`);
    return chunked(version, address, { type: 'btree1' }, dims, 0);
  }
  const cls = c.u8();
  switch (cls) {
    case 0: {
      const bytes = c.u16();
      const start = c.pos;
      c.skip(bytes);
      return { kind: 'compact', at: start, size: bytes };
    }
    case 1: {
      const address = c.address();
      return { kind: 'contiguous', address, size: c.length() };
    }
    case 2:
      return version === 3 ? chunked3(c) : chunked4(c);
    case 3:
      return { kind: 'virtual' };
    default:
      throw corrupt(`a data layout message has class ${cls}`);
  }
}

function chunked(version: number, address: number, index: ChunkIndex, dims: number[], flags: number): Layout {
  if (dims.length < 2 || dims.some((d) => d < 1)) throw corrupt(`a chunked layout has chunk dimensions [${dims.join(', ')}]`);
  return { kind: 'chunked', version, address, index, chunk: dims.slice(0, -1), elementSize: dims[dims.length - 1], dontFilterPartial: (flags & 1) !== 0 };
}

function chunked3(c: Cursor): Layout {
  const ndims = c.u8();
  const address = c.address();
  const dims: number[] = [];
  for (let i = 0; i < ndims; i++) dims.push(c.u32());
  return chunked(3, address, { type: 'btree1' }, dims, 0);
}

function chunked4(c: Cursor): Layout {
  const flags = c.u8();
  const ndims = c.u8();
  const width = c.u8();
  if (width < 1 || width > 8) throw corrupt(`a chunked layout encodes its dimensions in ${width} bytes`);
  const dims: number[] = [];
  for (let i = 0; i < ndims; i++) dims.push(c.uint(width, 'a chunk dimension'));
  const type = c.u8();
  let index: ChunkIndex;
  switch (type) {
    case 1:
      index = flags & 2 ? { type: 'single', filteredSize: c.length(), filterMask: c.u32() } : { type: 'single' };
      break;
    case 2:
      index = { type: 'implicit' };
      break;
    case 3:
      index = { type: 'fixedArray', pageBits: c.u8() };
      break;
    case 4:
      index = { type: 'extensibleArray', maxBits: c.u8(), indexElements: c.u8(), minPointers: c.u8(), minElements: c.u8(), pageBits: c.u8() };
      break;
    case 5:
      c.skip(6); // node size, split and merge percent: the B-tree header repeats them
      index = { type: 'btree2' };
      break;
    default:
      throw corrupt(`a chunked layout has chunk index type ${type}`);
  }
  return chunked(4, c.address(), index, dims, flags);
}

export interface Filter {
  id: number;
  name: string;
  optional: boolean;
  values: number[];
}

/** Names HDF5 reports for its registered filters when the file stores none (h5wasm registers LZF as "lzf"). */
const REGISTERED: Record<number, string> = { 1: 'deflate', 2: 'shuffle', 3: 'fletcher32', 4: 'szip', 5: 'nbit', 6: 'scaleoffset', 32000: 'lzf' };
const MAX_FILTERS = 32;

export function readPipeline(file: FileView, at: number, size: number): Filter[] {
  const c = new Cursor(file, at, at + size, 'a filter pipeline message');
  const version = c.u8();
  const count = c.u8();
  if (version !== 1 && version !== 2) throw corrupt(`a filter pipeline message has version ${version}`);
  if (count > MAX_FILTERS) throw corrupt(`a filter pipeline declares ${count} filters`);
  if (version === 1) c.skip(6);
  const filters: Filter[] = [];
  for (let i = 0; i < count; i++) {
    const id = c.u16();
    const nameLength = version === 1 || id >= 256 ? c.u16() : 0;
    const flags = c.u16();
    const nvalues = c.u16();
    let name = '';
    if (nameLength > 0) {
      const raw = c.bytes(version === 1 ? Math.ceil(nameLength / 8) * 8 : nameLength);
      const nul = raw.indexOf(0);
      name = new TextDecoder('latin1').decode(nul >= 0 ? raw.subarray(0, nul) : raw);
    }
    const values: number[] = [];
    for (let k = 0; k < nvalues; k++) values.push(c.u32());
    if (version === 1 && nvalues % 2 === 1) c.skip(4);
    filters.push({ id, name: name || REGISTERED[id] || '', optional: (flags & 1) !== 0, values });
  }
  return filters;
}

/** What unallocated storage reads as: the fill value's bytes (one element), or undefined for zeros. */
export function readFill(file: FileView, type: number, at: number, size: number): Uint8Array | undefined {
  const c = new Cursor(file, at, at + size, 'a fill value message');
  if (type === 0x04) {
    const n = c.u32();
    return n > 0 ? c.bytes(n) : undefined;
  }
  const version = c.u8();
  if (version === 1 || version === 2) {
    c.skip(1);
    const writeTime = c.u8();
    const defined = c.u8();
    if (!defined || writeTime === 2) return undefined;
    const n = c.u32();
    return n > 0 && n !== UNDEFINED ? c.bytes(n) : undefined;
  }
  if (version !== 3) throw corrupt(`a fill value message has version ${version}`);
  const flags = c.u8();
  if (flags & 0x10 || !(flags & 0x20) || ((flags >> 2) & 3) === 2) return undefined;
  const n = c.u32();
  return n > 0 ? c.bytes(n) : undefined;
}
