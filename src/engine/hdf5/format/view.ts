/**
 * Bounds-checked little-endian access to the bytes of one HDF5 file (docs: the HDF5 File Format
 * Specification, version 3; "O" is the superblock's size of offsets, "L" its size of lengths).
 * Every read checks its range first, so damaged or hostile bytes end in HDF5_CORRUPT naming what
 * was being read, never in an out-of-range read or a number past 2^53.
 * Addresses are stored relative to the base address (the superblock's position, as the HDF5
 * library reads it); `address()` returns absolute byte positions, or UNDEFINED (all bits set).
 */
import { SpikelabError } from '../../core/errors';

export const UNDEFINED = -1;

/** HDF5_CORRUPT for a structure that cannot be what the file claims. */
export function corrupt(what: string, where?: string): SpikelabError {
  return new SpikelabError('HDF5_CORRUPT', `The HDF5 file is damaged: ${what}.`, 'Download or export the file again.', where);
}

/** Not an error of the file: a well-formed structure the JavaScript reader does not parse (../jsRead.ts then asks h5wasm). */
export class Unsupported extends Error {
  constructor(readonly what: string) {
    super(`not read by the JavaScript HDF5 reader: ${what}`);
  }
}

export class FileView {
  readonly view: DataView;
  offsetSize = 8;
  lengthSize = 8;
  base = 0;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.bytes.length;
  }

  need(at: number, n: number, what: string): void {
    if (!(Number.isSafeInteger(at) && at >= 0 && n >= 0 && at + n <= this.bytes.length)) {
      throw corrupt(`${what} (${n} bytes at byte ${at}) lies outside the file's ${this.bytes.length} bytes`);
    }
  }

  u8(at: number): number {
    this.need(at, 1, 'a byte');
    return this.bytes[at];
  }

  u16(at: number): number {
    this.need(at, 2, 'a 2-byte field');
    return this.view.getUint16(at, true);
  }

  u32(at: number): number {
    this.need(at, 4, 'a 4-byte field');
    return this.view.getUint32(at, true);
  }

  /** An unsigned integer of `size` bytes (1–8); beyond 2^53 is damage. */
  uint(at: number, size: number, what = 'a number'): number {
    this.need(at, size, what);
    let value = 0;
    for (let i = size - 1; i >= 0; i--) value = value * 256 + this.bytes[at + i];
    if (!Number.isSafeInteger(value)) throw corrupt(`${what} at byte ${at} is larger than 2^53`);
    return value;
  }

  /** An absolute address (base + stored), or UNDEFINED when all its bits are set. */
  address(at: number, what = 'an address'): number {
    this.need(at, this.offsetSize, what);
    let allSet = true;
    for (let i = 0; i < this.offsetSize; i++) if (this.bytes[at + i] !== 0xff) allSet = false;
    if (allSet) return UNDEFINED;
    return this.base + this.uint(at, this.offsetSize, what);
  }

  lengthAt(at: number, what = 'a length'): number {
    return this.uint(at, this.lengthSize, what);
  }

  /** True when the 4 bytes at `at` are `signature` (e.g. "TREE"). */
  isSignature(at: number, signature: string): boolean {
    if (at < 0 || at + 4 > this.bytes.length) return false;
    for (let i = 0; i < 4; i++) if (this.bytes[at + i] !== signature.charCodeAt(i)) return false;
    return true;
  }

  expectSignature(at: number, signature: string, what: string): void {
    if (!this.isSignature(at, signature)) throw corrupt(`${what} at byte ${at} does not start with "${signature}"`);
  }
}

/** Sequential reads inside [pos, end) of a FileView: a message or a block, never past its end. */
export class Cursor {
  constructor(readonly file: FileView, public pos: number, readonly end: number, readonly what: string) {
    if (end > file.length) throw corrupt(`${what} (ending at byte ${end}) runs past the end of the file`);
  }

  private take(n: number): number {
    if (!(n >= 0 && this.pos + n <= this.end)) throw corrupt(`${this.what} is shorter than its fields (needs ${n} bytes at byte ${this.pos}, ends at ${this.end})`);
    const at = this.pos;
    this.pos += n;
    return at;
  }

  get left(): number {
    return this.end - this.pos;
  }

  u8(): number {
    return this.file.bytes[this.take(1)];
  }

  u16(): number {
    return this.file.view.getUint16(this.take(2), true);
  }

  u32(): number {
    return this.file.view.getUint32(this.take(4), true);
  }

  uint(size: number, what = this.what): number {
    return this.file.uint(this.take(size), size, what);
  }

  address(): number {
    return this.file.address(this.take(this.file.offsetSize), this.what);
  }

  length(): number {
    return this.file.lengthAt(this.take(this.file.lengthSize), this.what);
  }

  skip(n: number): void {
    this.take(n);
  }

  /** A view (no copy) of the next `n` bytes. */
  bytes(n: number): Uint8Array {
    const at = this.take(n);
    return this.file.bytes.subarray(at, at + n);
  }

  /** A NUL-terminated string (the NUL is consumed), at most up to `end`. */
  cString(): string {
    const bytes = this.file.bytes;
    let stop = this.pos;
    while (stop < this.end && bytes[stop] !== 0) stop++;
    if (stop >= this.end) throw corrupt(`${this.what} holds a string without its terminating NUL`);
    const text = utf8(bytes.subarray(this.pos, stop));
    this.pos = stop + 1;
    return text;
  }
}

const decoder = new TextDecoder('utf-8');

export function utf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** Byte-wise comparison of UTF-8 names, as HDF5's strcmp orders links and attributes. */
export function compareNames(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
