/**
 * A dataset's messages gathered (dataspace, datatype, layout, filter pipeline, fill value) and
 * its stored elements assembled in row-major order, for the whole dataset or a range of rows
 * along dimension 0: compact data from the header, contiguous data from its address, chunked data
 * chunk by chunk (only the chunks the rows touch), each decoded by ./unfilter.ts with its size
 * capped, unallocated parts read as the fill value. The elements stay in the file's encoding;
 * ./values.ts turns them into values.
 */
import { listChunks, chunkBytes, type ChunkEntry } from './chunks';
import { readDataspace, type Dataspace } from './dataspace';
import type { FileType } from './datatype';
import { readFill, readLayout, readPipeline, type Filter, type Layout } from './layout';
import { MSG, SHARED, type ObjectHeader } from './objectHeader';
import { datatypeAt } from './shared';
import { decodeChunk } from './unfilter';
import { corrupt, type FileView, UNDEFINED, Unsupported } from './view';

export interface DatasetInfo {
  space: Dataspace;
  type: FileType;
  layout: Layout;
  filters: Filter[];
  /** One element of fill value, or undefined for zeros. */
  fill?: Uint8Array;
  /** The data lives in external files (an external data files message). */
  external: boolean;
}

export interface Rows {
  start: number;
  count: number;
}

/** Messages a dataset needs that the shared-message heap could hold (a datatype may also be committed). */
const SHAREABLE = new Set<number>([MSG.DATASPACE, MSG.LAYOUT, MSG.PIPELINE, MSG.FILL, MSG.FILL_OLD]);

export function datasetInfo(file: FileView, header: ObjectHeader): DatasetInfo {
  let space: Dataspace | undefined;
  let type: FileType | undefined;
  let layout: Layout | undefined;
  let filters: Filter[] = [];
  let fill: Uint8Array | undefined;
  let newFill = false;
  let external = false;
  for (const m of header.messages) {
    const shared = (m.flags & SHARED) !== 0;
    if (shared && m.type !== MSG.DATATYPE && SHAREABLE.has(m.type)) throw new Unsupported('a shared dataset message');
    if (m.type === MSG.DATASPACE) space ??= readDataspace(file, m.at, m.size);
    else if (m.type === MSG.DATATYPE) type ??= datatypeAt(file, m.at, m.size, shared);
    else if (m.type === MSG.LAYOUT) layout ??= readLayout(file, m.at, m.size);
    else if (m.type === MSG.PIPELINE) filters = readPipeline(file, m.at, m.size);
    else if (m.type === MSG.FILL) {
      fill = readFill(file, m.type, m.at, m.size);
      newFill = true;
    } else if (m.type === MSG.FILL_OLD && !newFill) fill = readFill(file, m.type, m.at, m.size);
    else if (m.type === MSG.EXTERNAL) external = true;
  }
  if (!space || !type || !layout) throw corrupt(`the dataset at byte ${header.address} lacks its ${!space ? 'dataspace' : !type ? 'datatype' : 'layout'}`);
  return { space, type, layout, filters: layout.kind === 'chunked' ? filters : [], fill, external };
}

function product(dims: readonly number[]): number {
  return dims.reduce((a, b) => a * b, 1);
}

function filled(count: number, size: number, fill: Uint8Array | undefined): Uint8Array {
  const out = new Uint8Array(count * size);
  if (fill && fill.length === size && fill.some((b) => b !== 0)) {
    out.set(fill, 0);
    for (let n = size; n < out.length; n *= 2) out.copyWithin(n, 0, Math.min(n, out.length - n));
  }
  return out;
}

/**
 * The stored elements of `info` (all of them, or `rows` along dimension 0), `type.size` bytes
 * each. `where` names the dataset in errors.
 */
export function rawElements(file: FileView, info: DatasetInfo, where: string, rows?: Rows): Uint8Array {
  const shape = info.space.shape ?? [];
  const size = info.type.size;
  const outShape = rows ? [rows.count, ...shape.slice(1)] : shape;
  const origin = rows ? rows.start : 0;
  const count = product(outShape);
  const rowBytes = product(shape.slice(1)) * size;
  const layout = info.layout;
  if (info.external) throw new Unsupported('data in external files');
  if ((info.fill && info.fill.length !== size) || (info.fill && info.type.vlen)) throw new Unsupported('a fill value of another size or of a vlen type');
  switch (layout.kind) {
    case 'virtual':
      throw corrupt(`${where} is a virtual dataset`, where);
    case 'compact': {
      const total = product(shape) * size;
      if (layout.size !== total) throw corrupt(`the compact dataset ${where} stores ${layout.size} bytes for ${total}`, where);
      return file.bytes.slice(layout.at + origin * rowBytes, layout.at + origin * rowBytes + count * size);
    }
    case 'contiguous': {
      if (layout.address === UNDEFINED) return filled(count, size, info.fill);
      const total = product(shape) * size;
      if (layout.size !== undefined && layout.size < total) throw corrupt(`the contiguous dataset ${where} stores ${layout.size} bytes for ${total}`, where);
      file.need(layout.address, total, `the data of ${where}`);
      const from = layout.address + origin * rowBytes;
      return file.bytes.slice(from, from + count * size);
    }
    case 'chunked':
      return chunkedElements(file, info, layout, shape, outShape, origin, where);
  }
}

function chunkedElements(file: FileView, info: DatasetInfo, layout: Extract<Layout, { kind: 'chunked' }>, shape: number[], outShape: number[], origin: number, where: string): Uint8Array {
  const size = info.type.size;
  if (layout.elementSize !== size) throw corrupt(`the chunks of ${where} hold ${layout.elementSize}-byte elements for a ${size}-byte type`, where);
  const rank = shape.length;
  if (rank === 0) throw corrupt(`the scalar dataset ${where} has a chunked layout`, where);
  const chunk = layout.chunk;
  const bytes = chunkBytes(layout);
  const lo = shape.map((_, d) => (d === 0 ? origin : 0));
  const hi = outShape.map((n, d) => lo[d] + n);
  const all = listChunks(file, layout, shape, info.space.maxshape);
  const touching = all.length === 1 && rank === 1 && lo[0] === 0 ? all : all.filter((c) => c.offset.every((o, d) => o < hi[d] && o + chunk[d] > lo[d]));
  for (const c of touching) if (c.offset.some((o, d) => o % chunk[d] !== 0)) throw corrupt(`a chunk of ${where} starts at [${c.offset.join(', ')}], not on the chunk grid`, where);
  const needed = product(hi.map((h, d) => Math.ceil(h / chunk[d]) - Math.floor(lo[d] / chunk[d])));
  const total = product(outShape) * size;
  // One chunk holding exactly the dataset (how h5py and writeH5 store small arrays): its bytes are the value.
  if (touching.length === 1 && needed === 1 && chunk.every((c, d) => c === shape[d] && c === outShape[d])) {
    const c = touching[0];
    file.need(c.address, c.size, `a chunk of ${where}`);
    const data = decoded(file, info, layout, c, bytes, size, shape, where);
    return data.length === total && data.byteOffset === 0 && data.buffer.byteLength === total ? data : data.slice(0, total);
  }
  const out = touching.length < needed ? filled(product(outShape), size, info.fill) : new Uint8Array(total);
  const outStrides = strides(outShape, size);
  const chunkStrides = strides(chunk, size);
  for (const c of touching) {
    file.need(c.address, c.size, `a chunk of ${where}`);
    const data = decoded(file, info, layout, c, bytes, size, shape, where);
    // Copy the part of the chunk inside [lo, hi), one run along the last dimension at a time.
    const from = c.offset.map((o, d) => Math.max(o, lo[d]));
    const to = c.offset.map((o, d) => Math.min(o + chunk[d], hi[d], shape[d]));
    if (from.some((f, d) => f >= to[d])) continue;
    const run = (to[rank - 1] - from[rank - 1]) * size;
    const index = from.slice();
    for (;;) {
      let src = 0;
      let dst = 0;
      for (let d = 0; d < rank; d++) {
        src += (index[d] - c.offset[d]) * chunkStrides[d];
        dst += (index[d] - lo[d]) * outStrides[d];
      }
      out.set(data.subarray(src, src + run), dst);
      let d = rank - 2;
      for (; d >= 0; d--) {
        index[d]++;
        if (index[d] < to[d]) break;
        index[d] = from[d];
      }
      if (d < 0) break;
    }
  }
  return out;
}

/** One chunk's bytes through its filters (none for a partial edge chunk when the layout says so). */
function decoded(file: FileView, info: DatasetInfo, layout: Extract<Layout, { kind: 'chunked' }>, c: ChunkEntry, bytes: number, size: number, shape: number[], where: string): Uint8Array {
  const partial = c.offset.some((o, d) => o + layout.chunk[d] > shape[d]);
  const mask = layout.dontFilterPartial && partial ? 0xffffffff : c.filterMask;
  const raw = file.bytes.subarray(c.address, c.address + c.size);
  const data = info.filters.length === 0 || mask === 0xffffffff ? raw : decodeChunk(raw, info.filters, mask, bytes, size, where)!;
  if (data.length < bytes) throw corrupt(`a chunk of ${where} stores ${data.length} bytes for ${bytes}`, where);
  return data;
}

function strides(dims: number[], size: number): number[] {
  const out = new Array<number>(dims.length);
  let stride = size;
  for (let d = dims.length - 1; d >= 0; d--) {
    out[d] = stride;
    stride *= dims[d];
  }
  return out;
}

/** Checks every stored chunk of a filtered dataset without keeping its output (before h5wasm decodes it). */
export function checkChunks(file: FileView, info: DatasetInfo, where: string, rows?: Rows): void {
  const layout = info.layout;
  if (layout.kind !== 'chunked' || info.filters.length === 0) return;
  const shape = info.space.shape ?? [];
  const bytes = chunkBytes(layout);
  const lo = rows ? rows.start : 0;
  const hi = rows ? rows.start + rows.count : Infinity;
  for (const c of listChunks(file, layout, shape, info.space.maxshape)) {
    if (c.offset[0] >= hi || c.offset[0] + layout.chunk[0] <= lo) continue;
    file.need(c.address, c.size, `a chunk of ${where}`);
    const partial = c.offset.some((o, d) => o + layout.chunk[d] > shape[d]);
    if (layout.dontFilterPartial && partial) continue;
    decodeChunk(file.bytes.subarray(c.address, c.address + c.size), info.filters, c.filterMask, bytes, info.type.size, where, false);
  }
}
