/**
 * Fractal heaps (format spec §III.G: "FRHP" header, "FHIB" indirect and "FHDB" direct blocks),
 * where new-style groups keep their links and objects their attributes once there are many.
 * `object(id)` returns the bytes a heap ID names: managed objects (located through the doubling
 * table of indirect blocks, iteratively), tiny objects (inside the ID) and unfiltered huge
 * objects (by address in the ID, or through the heap's v2 B-tree of huge objects).
 */
import { btree2Records, encodedSize } from './btree2';
import { lookup3 } from './checksum';
import { corrupt, Cursor, type FileView, UNDEFINED, Unsupported } from './view';

function log2(n: number): number {
  let bits = 0;
  for (let v = n; v >= 2; v = Math.floor(v / 2)) bits++;
  return bits;
}

export class FractalHeap {
  private readonly idLength: number;
  private readonly filtered: boolean;
  private readonly checksummed: boolean;
  private readonly maxManaged: number;
  private readonly hugeTree: number;
  private readonly width: number;
  private readonly start: number;
  private readonly maxDirect: number;
  private readonly offsetBytes: number;
  private readonly lengthBytes: number;
  private readonly root: number;
  private readonly rootRows: number;
  private readonly maxDirectRows: number;
  private readonly firstRowBits: number;
  private huge?: Map<number, [number, number]>;

  constructor(private readonly file: FileView, private readonly address: number) {
    file.expectSignature(address, 'FRHP', 'a fractal heap header');
    const c = new Cursor(file, address + 4, file.length, 'a fractal heap header');
    if (c.u8() !== 0) throw corrupt(`the fractal heap at byte ${address} has an unknown version`);
    this.idLength = c.u16();
    const filterLength = c.u16();
    const flags = c.u8();
    this.maxManaged = c.u32();
    c.length(); // next huge object ID
    this.hugeTree = c.address();
    c.length(); // free space
    c.address(); // free-space manager
    for (let i = 0; i < 8; i++) c.length(); // managed space, allocated, iterator, managed / huge / tiny counts and sizes
    this.width = c.u16();
    this.start = c.length();
    this.maxDirect = c.length();
    const maxHeapBits = c.u16();
    c.u16(); // starting rows of the root indirect block
    this.root = c.address();
    this.rootRows = c.u16();
    if (filterLength > 0) {
      c.length();
      c.u32();
      c.skip(filterLength);
    }
    const end = c.pos;
    if (lookup3(file.bytes, address, end - address) !== file.u32(end)) throw corrupt(`the checksum of the fractal heap header at byte ${address} does not match`);
    const pow2 = (n: number) => n > 0 && (n & (n - 1)) === 0;
    if (!pow2(this.width) || !pow2(this.start) || !pow2(this.maxDirect) || this.maxDirect < this.start || maxHeapBits < 1 || maxHeapBits > 64) {
      throw corrupt(`the fractal heap at byte ${address} has an impossible doubling table`);
    }
    this.filtered = filterLength > 0;
    this.checksummed = (flags & 2) !== 0;
    this.offsetBytes = Math.ceil(maxHeapBits / 8);
    this.lengthBytes = Math.min(Math.floor((log2(this.maxDirect) + 7) / 8), encodedSize(this.maxManaged));
    this.maxDirectRows = log2(this.maxDirect) - log2(this.start) + 2;
    this.firstRowBits = log2(this.start) + log2(this.width);
  }

  /** The bytes of the object with heap ID `id` (a view into the file). */
  object(id: Uint8Array): Uint8Array {
    if (id.length < 1) throw corrupt('an empty fractal heap ID');
    const kind = (id[0] >> 4) & 3;
    if (id[0] >> 6 !== 0) throw corrupt(`a fractal heap ID has version ${id[0] >> 6}`);
    if (kind === 2) return this.tiny(id);
    if (kind === 1) return this.hugeObject(id);
    if (kind !== 0) throw corrupt('a fractal heap ID has an unknown type');
    if (this.filtered) throw new Unsupported('a filtered fractal heap');
    let offset = 0;
    for (let i = this.offsetBytes; i >= 1; i--) offset = offset * 256 + (id[i] ?? 0);
    let length = 0;
    for (let i = this.offsetBytes + this.lengthBytes; i > this.offsetBytes; i--) length = length * 256 + (id[i] ?? 0);
    if (1 + this.offsetBytes + this.lengthBytes > id.length) throw corrupt('a fractal heap ID is too short');
    return this.managed(offset, length);
  }

  private tiny(id: Uint8Array): Uint8Array {
    const extended = this.idLength - 1 > 16;
    const length = (extended ? ((id[0] & 0x0f) << 8) | (id[1] ?? 0) : id[0] & 0x0f) + 1;
    const from = extended ? 2 : 1;
    if (from + length > id.length) throw corrupt('a tiny fractal heap object is longer than its ID');
    return id.subarray(from, from + length);
  }

  private hugeObject(id: Uint8Array): Uint8Array {
    if (this.filtered) throw new Unsupported('a filtered fractal heap');
    const O = this.file.offsetSize;
    const L = this.file.lengthSize;
    let address: number;
    let length: number;
    if (O + L <= this.idLength - 1) {
      if (1 + O + L > id.length) throw corrupt('a huge fractal heap ID is too short');
      address = this.file.base + readUint(id, 1, O);
      length = readUint(id, 1 + O, L);
    } else {
      const key = readUint(id, 1, Math.min(this.idLength - 1, 8));
      this.huge ??= this.hugeObjects();
      const found = this.huge.get(key);
      if (!found) throw corrupt(`the fractal heap at byte ${this.address} has no huge object ${key}`);
      [address, length] = found;
    }
    this.file.need(address, length, 'a huge heap object');
    return this.file.bytes.subarray(address, address + length);
  }

  private hugeObjects(): Map<number, [number, number]> {
    const map = new Map<number, [number, number]>();
    if (this.hugeTree === UNDEFINED) return map;
    const O = this.file.offsetSize;
    const L = this.file.lengthSize;
    const tree = btree2Records(this.file, this.hugeTree, [1]);
    for (const at of tree.records) map.set(this.file.uint(at + O + L, Math.min(tree.recordSize - O - L, 8), 'a huge object ID'), [this.file.address(at), this.file.lengthAt(at + O)]);
    return map;
  }

  private managed(offset: number, length: number): Uint8Array {
    const file = this.file;
    let block = this.root;
    let blockOffset = 0;
    let rows = this.rootRows;
    let size = this.start;
    for (let depth = 0; rows > 0; depth++) {
      if (depth > 64) throw corrupt(`the fractal heap at byte ${this.address} nests its blocks too deep`);
      file.expectSignature(block, 'FHIB', 'a fractal heap indirect block');
      const rel = offset - blockOffset;
      const [row, col] = this.lookup(rel);
      if (row >= rows || col >= this.width) throw corrupt(`fractal heap offset ${offset} lies outside its indirect block`);
      const entries = block + 5 + file.offsetSize + this.offsetBytes;
      const direct = Math.min(rows, this.maxDirectRows);
      const entry = row < direct ? entries + (row * this.width + col) * file.offsetSize
        : entries + direct * this.width * file.offsetSize + ((row - direct) * this.width + col) * file.offsetSize;
      const child = file.address(entry, 'a fractal heap block address');
      if (child === UNDEFINED) throw corrupt(`fractal heap offset ${offset} lies in an unallocated block`);
      blockOffset += this.rowOffset(row) + col * this.rowSize(row);
      size = this.rowSize(row);
      block = child;
      rows = row < this.maxDirectRows ? 0 : log2(size) - this.firstRowBits + 1;
    }
    file.expectSignature(block, 'FHDB', 'a fractal heap direct block');
    const prefix = 5 + file.offsetSize + this.offsetBytes + (this.checksummed ? 4 : 0);
    const within = offset - blockOffset;
    if (within < prefix || within + length > size) throw corrupt(`a fractal heap object (offset ${offset}, ${length} bytes) does not fit its direct block`);
    file.need(block, size, 'a fractal heap direct block');
    return file.bytes.subarray(block + within, block + within + length);
  }

  private rowSize(row: number): number {
    return row === 0 ? this.start : this.start * 2 ** (row - 1);
  }

  private rowOffset(row: number): number {
    return row === 0 ? 0 : this.start * this.width * 2 ** (row - 1);
  }

  private lookup(offset: number): [number, number] {
    if (offset < this.start * this.width) return [0, Math.floor(offset / this.start)];
    const high = log2(offset);
    const row = high - this.firstRowBits + 1;
    return [row, Math.floor((offset - 2 ** high) / this.rowSize(row))];
  }
}

function readUint(bytes: Uint8Array, from: number, size: number): number {
  let value = 0;
  for (let i = from + size - 1; i >= from; i--) value = value * 256 + (bytes[i] ?? 0);
  return value;
}
