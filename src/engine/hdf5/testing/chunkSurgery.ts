/**
 * Hostile chunks for tests and the fuzz corpus (issue 16): a zlib stream of zeros of any size
 * (`zeroDeflate`: 1 GiB in ~1 MB, the 1032:1 ratio of deflate's longest match at 2 bits), put in
 * place of a dataset's stored chunk (`replaceChunk`), and chunk dimensions rewritten in a
 * dataset's layout message (`setChunkDims`); `contiguousAddress` finds a dataset's elements (to
 * rewrite a vlen length). HDF5's own deflate filter would inflate such a
 * chunk to its full size; the reader must refuse it first. Paths are found with the reader's
 * own format parser (../format/).
 */
import { lookup3 } from '../format/checksum';
import { listChunks, type ChunkEntry } from '../format/chunks';
import { datasetInfo } from '../format/dataset';
import { groupLinks } from '../format/links';
import { findMessage, MSG, readObjectHeader, type ObjectHeader } from '../format/objectHeader';
import { readSuperblock } from '../format/superblock';
import { FileView, utf8 } from '../format/view';
import { findSuperblock } from '../signature';

class BitWriter {
  bytes: Uint8Array;
  bit = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }

  /** `n` bits of `value`, least significant first (deflate's header fields and extra bits). */
  put(value: number, n: number): void {
    for (let i = 0; i < n; i++, this.bit++) if ((value >> i) & 1) this.bytes[this.bit >> 3] |= 1 << (this.bit & 7);
  }

  /** A Huffman code of `length` bits, most significant first. */
  code(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--, this.bit++) if ((code >> i) & 1) this.bytes[this.bit >> 3] |= 1 << (this.bit & 7);
  }

  zeros(n: number): void {
    this.bit += n;
  }
}

/**
 * A zlib stream (header, one dynamic-Huffman block, Adler-32) that inflates to `size` zero bytes:
 * literal 0, then (length 258, distance 1) pairs of one 1-bit code each, then literals for the rest.
 */
export function zeroDeflate(size: number): Uint8Array {
  if (size < 1) throw new Error('zeroDeflate needs at least one byte');
  const pairs = Math.floor((size - 1) / 258);
  const rest = size - 1 - pairs * 258;
  const w = new BitWriter(Math.ceil((2 * pairs + 2 * rest + 400) / 8) + 16);
  w.put(0x78, 8);
  w.put(0xda, 8);
  w.put(1, 1); // final block
  w.put(2, 2); // dynamic Huffman
  w.put(29, 5); // 286 literal/length codes
  w.put(0, 5); // 1 distance code
  w.put(14, 4); // 18 code length codes
  // Code length code: 18 → "0", 1 → "10", 2 → "11", in the order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1.
  for (const length of [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2]) w.put(length, 3);
  const cl = { 18: [0, 1], 1: [2, 2], 2: [3, 2] } as const;
  const emit = (symbol: 1 | 2 | 18, extra?: number) => {
    w.code(cl[symbol][0], cl[symbol][1]);
    if (symbol === 18) w.put(extra! - 11, 7);
  };
  // Literal/length lengths: 0 → 2, 1–255 → 0, 256 → 2, 257–284 → 0, 285 → 1; distance 0 → 1.
  emit(2);
  emit(18, 138);
  emit(18, 117);
  emit(2);
  emit(18, 28);
  emit(1);
  emit(1);
  // Codes: 285 → "0", literal 0 → "10", end of block → "11"; distance 0 → "0".
  w.code(2, 2);
  w.zeros(2 * pairs);
  for (let i = 0; i < rest; i++) w.code(2, 2);
  w.code(3, 2);
  const end = Math.ceil(w.bit / 8);
  const adler = (((size % 65521) << 16) | 1) >>> 0;
  const out = w.bytes.slice(0, end + 4);
  new DataView(out.buffer).setUint32(end, adler, false);
  return out;
}

function datasetHeader(file: FileView, path: string): ObjectHeader {
  let header = readObjectHeader(file, readSuperblock(file, findSuperblock(file.bytes)).root);
  for (const part of path.split('/').filter(Boolean)) {
    const link = groupLinks(file, header)?.find((l) => utf8(l.name) === part);
    if (!link || link.kind !== 'hard') throw new Error(`no object ${part} in ${path}`);
    header = readObjectHeader(file, link.address);
  }
  return header;
}

/** The stored chunks of the dataset at `path`. */
export function storedChunks(bytes: Uint8Array, path: string): ChunkEntry[] {
  const file = new FileView(bytes);
  const info = datasetInfo(file, datasetHeader(file, path));
  if (info.layout.kind !== 'chunked') throw new Error(`${path} is not chunked`);
  return listChunks(file, info.layout, info.space.shape ?? [], info.space.maxshape);
}

/** Where the elements of the contiguous dataset at `path` start. */
export function contiguousAddress(bytes: Uint8Array, path: string): number {
  const file = new FileView(bytes);
  const info = datasetInfo(file, datasetHeader(file, path));
  if (info.layout.kind !== 'contiguous') throw new Error(`${path} is not contiguous`);
  return info.layout.address;
}

/** A copy of `bytes` with the first stored chunk of `path` overwritten by `stream` (which must fit in it). */
export function replaceChunk(bytes: Uint8Array, path: string, stream: Uint8Array): Uint8Array {
  const [chunk] = storedChunks(bytes, path);
  if (!chunk || stream.length > chunk.size) throw new Error(`${path}: a ${stream.length}-byte stream does not fit its ${chunk?.size ?? 0}-byte chunk`);
  const out = bytes.slice();
  out.set(stream, chunk.address);
  return out;
}

/** A copy of `bytes` whose layout message for `path` declares chunk dimensions `dims` (element size kept). */
export function setChunkDims(bytes: Uint8Array, path: string, dims: number[]): Uint8Array {
  const out = bytes.slice();
  const file = new FileView(out);
  const header = datasetHeader(file, path);
  const layout = findMessage(header, MSG.LAYOUT);
  if (!layout) throw new Error(`${path} has no layout message`);
  const view = new DataView(out.buffer);
  const version = out[layout.at];
  if (version === 3 && out[layout.at + 1] === 2) {
    const first = layout.at + 3 + file.offsetSize;
    dims.forEach((d, i) => view.setUint32(first + 4 * i, d, true));
  } else if (version === 4 && out[layout.at + 1] === 2) {
    const width = out[layout.at + 4];
    dims.forEach((d, i) => {
      for (let b = 0; b < width; b++) out[layout.at + 5 + i * width + b] = Math.floor(d / 256 ** b) & 0xff;
    });
  } else throw new Error(`${path}: layout version ${version} is not a chunked layout this helper rewrites`);
  for (const [from, to] of header.checksummed) view.setUint32(to, lookup3(out, from, to - from), true); // version-2 headers: keep them valid
  return out;
}
