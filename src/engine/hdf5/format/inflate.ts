/**
 * A synchronous zlib inflater (RFC 1950/1951) with a hard output cap, for HDF5's deflate filter.
 * HDF5's own filter (inside h5wasm) doubles its buffer until a stream ends, so one chunk of a
 * small dataset can inflate to gigabytes (a "chunk gzip bomb"): the reader inflates every chunk
 * here instead, into a buffer of exactly the chunk's size, and refuses the chunk as soon as the
 * stream would write one byte more. With `out` null it only counts (the check before a chunk goes
 * to h5wasm): nothing is allocated and the work is linear in the input, since every symbol costs
 * at least one input bit and the count stops at the cap.
 * Not the project's streamed gunzip (../../datasets/formats/gzip.ts): that one is asynchronous
 * (DecompressionStream / node:zlib) and allocates its output, where the HDF5 reader is synchronous
 * and needs a count without an allocation.
 */
import { adler32 } from './checksum';

/** The stream would inflate past the cap. */
export class InflateOverflow extends Error {
  constructor(readonly cap: number) {
    super(`inflates to more than ${cap} bytes`);
  }
}

/** The stream is not valid zlib/deflate data. */
export class InflateError extends Error {}

const LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CODE_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
const MAX_BITS = 15;
const FAST_BITS = 9;

/** A canonical Huffman code: a FAST_BITS lookup (symbol << 4 | length; 0 = longer or unused) and counts/symbols for the rest. */
interface Huffman {
  fast: Uint16Array;
  count: Uint16Array;
  symbol: Uint16Array;
}

function build(lengths: ArrayLike<number>, n: number): Huffman {
  const count = new Uint16Array(MAX_BITS + 1);
  for (let s = 0; s < n; s++) count[lengths[s]]++;
  count[0] = 0;
  let left = 1;
  for (let len = 1; len <= MAX_BITS; len++) {
    left = left * 2 - count[len];
    if (left < 0) throw new InflateError('an over-subscribed Huffman code');
  }
  const offsets = new Uint16Array(MAX_BITS + 2);
  for (let len = 1; len <= MAX_BITS; len++) offsets[len + 1] = offsets[len] + count[len];
  const symbol = new Uint16Array(n);
  for (let s = 0; s < n; s++) if (lengths[s] !== 0) symbol[offsets[lengths[s]]++] = s;
  const fast = new Uint16Array(1 << FAST_BITS);
  let code = 0;
  let index = 0;
  for (let len = 1; len <= FAST_BITS; len++) {
    for (let k = 0; k < count[len]; k++) {
      let reversed = 0;
      for (let b = 0; b < len; b++) reversed |= ((code >> b) & 1) << (len - 1 - b);
      const entry = (symbol[index + k] << 4) | len;
      for (let i = reversed; i < fast.length; i += 1 << len) fast[i] = entry;
      code++;
    }
    index += count[len];
    code <<= 1;
  }
  return { fast, count, symbol };
}

let fixedCodes: [Huffman, Huffman] | undefined;
function fixed(): [Huffman, Huffman] {
  if (!fixedCodes) {
    const lengths = new Uint8Array(288);
    lengths.fill(8, 0, 144);
    lengths.fill(9, 144, 256);
    lengths.fill(7, 256, 280);
    lengths.fill(8, 280, 288);
    fixedCodes = [build(lengths, 288), build(new Uint8Array(30).fill(5), 30)];
  }
  return fixedCodes;
}

class Inflater {
  private pos: number;
  private bitBuffer = 0;
  private bitCount = 0;
  written = 0;

  constructor(private readonly input: Uint8Array, from: number, private readonly end: number, private readonly out: Uint8Array | null, private readonly cap: number) {
    this.pos = from;
  }

  private need(n: number): void {
    while (this.bitCount < n) {
      if (this.pos >= this.end) throw new InflateError('the stream is cut short');
      this.bitBuffer |= this.input[this.pos++] << this.bitCount;
      this.bitCount += 8;
    }
  }

  bits(n: number): number {
    if (n === 0) return 0;
    this.need(n);
    const value = this.bitBuffer & ((1 << n) - 1);
    this.bitBuffer >>>= n;
    this.bitCount -= n;
    return value;
  }

  private decode(h: Huffman): number {
    // Peek FAST_BITS without failing at the very end of the input (short codes may end there).
    while (this.bitCount < FAST_BITS && this.pos < this.end) {
      this.bitBuffer |= this.input[this.pos++] << this.bitCount;
      this.bitCount += 8;
    }
    const entry = h.fast[this.bitBuffer & ((1 << FAST_BITS) - 1)];
    const len = entry & 15;
    if (len !== 0 && len <= this.bitCount) {
      this.bitBuffer >>>= len;
      this.bitCount -= len;
      return entry >> 4;
    }
    let code = 0;
    let first = 0;
    let index = 0;
    for (let l = 1; l <= MAX_BITS; l++) {
      code |= this.bits(1);
      const count = h.count[l];
      if (code - count < first) return h.symbol[index + (code - first)];
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw new InflateError('an invalid Huffman code');
  }

  private grow(n: number): void {
    if (this.written + n > this.cap) throw new InflateOverflow(this.cap);
  }

  private stored(): void {
    this.bitBuffer = 0;
    this.bitCount = 0; // to a byte boundary: what is left of the current byte is padding
    if (this.pos + 4 > this.end) throw new InflateError('the stream is cut short');
    const len = this.input[this.pos] | (this.input[this.pos + 1] << 8);
    const nlen = this.input[this.pos + 2] | (this.input[this.pos + 3] << 8);
    this.pos += 4;
    if ((len ^ 0xffff) !== nlen) throw new InflateError('a stored block with a damaged length');
    if (this.pos + len > this.end) throw new InflateError('the stream is cut short');
    this.grow(len);
    this.out?.set(this.input.subarray(this.pos, this.pos + len), this.written);
    this.pos += len;
    this.written += len;
  }

  private codes(lit: Huffman, dist: Huffman): void {
    const out = this.out;
    for (;;) {
      const symbol = this.decode(lit);
      if (symbol < 256) {
        this.grow(1);
        if (out) out[this.written] = symbol;
        this.written++;
        continue;
      }
      if (symbol === 256) return;
      const k = symbol - 257;
      if (k >= 29) throw new InflateError('an invalid length code');
      const length = LEN_BASE[k] + this.bits(LEN_EXTRA[k]);
      const d = this.decode(dist);
      if (d >= 30) throw new InflateError('an invalid distance code');
      const distance = DIST_BASE[d] + this.bits(DIST_EXTRA[d]);
      if (distance > this.written) throw new InflateError('a distance too far back');
      this.grow(length);
      if (out) {
        let from = this.written - distance;
        if (distance >= length) out.copyWithin(this.written, from, from + length);
        else for (let i = 0; i < length; i++) out[this.written + i] = out[from++];
      }
      this.written += length;
    }
  }

  private dynamic(): void {
    const nlen = this.bits(5) + 257;
    const ndist = this.bits(5) + 1;
    const ncode = this.bits(4) + 4;
    if (nlen > 286 || ndist > 30) throw new InflateError('too many length or distance codes');
    const codeLengths = new Uint8Array(19);
    for (let i = 0; i < ncode; i++) codeLengths[CODE_ORDER[i]] = this.bits(3);
    const lengthCode = build(codeLengths, 19);
    const lengths = new Uint8Array(nlen + ndist);
    for (let i = 0; i < nlen + ndist;) {
      const symbol = this.decode(lengthCode);
      if (symbol < 16) {
        lengths[i++] = symbol;
        continue;
      }
      let repeat: number;
      let value = 0;
      if (symbol === 16) {
        if (i === 0) throw new InflateError('a repeat with no previous length');
        value = lengths[i - 1];
        repeat = 3 + this.bits(2);
      } else if (symbol === 17) repeat = 3 + this.bits(3);
      else repeat = 11 + this.bits(7);
      if (i + repeat > nlen + ndist) throw new InflateError('too many code lengths');
      lengths.fill(value, i, i + repeat);
      i += repeat;
    }
    if (lengths[256] === 0) throw new InflateError('no end-of-block code');
    this.codes(build(lengths.subarray(0, nlen), nlen), build(lengths.subarray(nlen), ndist));
  }

  run(): number {
    for (let last = 0; !last;) {
      last = this.bits(1);
      const type = this.bits(2);
      if (type === 0) this.stored();
      else if (type === 1) this.codes(...fixed());
      else if (type === 2) this.dynamic();
      else throw new InflateError('an invalid block type');
    }
    return this.written;
  }

  /** Byte position after the last block (the unused bits of the current byte dropped). */
  get consumed(): number {
    return this.pos - Math.floor(this.bitCount / 8);
  }
}

/**
 * Inflates the zlib stream in `input[from, to)` into `out` (or only counts when `out` is null),
 * writing at most `cap` bytes; returns the number of bytes the stream holds. Throws
 * InflateOverflow past the cap, InflateError for damaged data (header, codes, Adler-32).
 */
export function inflateZlib(input: Uint8Array, from: number, to: number, out: Uint8Array | null, cap: number): number {
  if (to - from < 2) throw new InflateError('the stream is cut short');
  const cmf = input[from];
  const flg = input[from + 1];
  if ((cmf & 0x0f) !== 8 || cmf >> 4 > 7 || ((cmf << 8) | flg) % 31 !== 0) throw new InflateError('no zlib header');
  if (flg & 0x20) throw new InflateError('a preset dictionary, which HDF5 does not use');
  const inflater = new Inflater(input, from + 2, to, out, Math.min(cap, out ? out.length : cap));
  const written = inflater.run();
  if (out) {
    const at = inflater.consumed;
    if (at + 4 > to) throw new InflateError('the stream has no Adler-32 trailer');
    const stored = ((input[at] << 24) | (input[at + 1] << 16) | (input[at + 2] << 8) | input[at + 3]) >>> 0;
    if (stored !== adler32(out, 0, written)) throw new InflateError('the Adler-32 checksum does not match');
  }
  return written;
}
