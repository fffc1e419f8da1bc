/**
 * The array chunk indexes of layout version 4 (format spec §III.H–I): a fixed array ("FAHD",
 * "FADB", optionally paged) for datasets without unlimited dimensions, an extensible array
 * ("EAHD", "EAIB", "EASB", "EADB") for one unlimited dimension. Both list chunk entries by linear
 * chunk index; `visit(index, entryAt)` is called for each stored entry. Every block is inside the
 * file (checked) and carries a lookup3 checksum, so the work is bounded by the file's size.
 */
import { lookup3 } from './checksum';
import { corrupt, Cursor, type FileView, UNDEFINED } from './view';

type Visit = (index: number, entryAt: number) => void;

function verified(file: FileView, from: number, to: number, what: string): void {
  file.need(from, to - from + 4, what);
  if (lookup3(file.bytes, from, to - from) !== file.u32(to)) throw corrupt(`the checksum of ${what} at byte ${from} does not match`);
}

/** Entries of a fixed array; returns the entry size. */
export function fixedArrayEntries(file: FileView, header: number, visit: Visit): number {
  const O = file.offsetSize;
  file.expectSignature(header, 'FAHD', 'a fixed array header');
  const c = new Cursor(file, header + 4, header + 8 + file.lengthSize + O, 'a fixed array header');
  c.u8(); // version
  c.u8(); // client
  const entrySize = c.u8();
  const pageBits = c.u8();
  const count = c.length();
  const block = c.address();
  verified(file, header, c.pos, 'a fixed array header');
  if (entrySize < O || pageBits > 32) throw corrupt(`the fixed array at byte ${header} has ${entrySize}-byte entries and ${pageBits} page bits`);
  if (block === UNDEFINED || count === 0) return entrySize;
  file.expectSignature(block, 'FADB', 'a fixed array data block');
  const prefix = block + 6 + O;
  const pageSize = 2 ** pageBits;
  if (count <= pageSize) {
    verified(file, block, prefix + count * entrySize, 'a fixed array data block');
    for (let i = 0; i < count; i++) visit(i, prefix + i * entrySize);
    return entrySize;
  }
  const pages = Math.ceil(count / pageSize);
  const bitmap = prefix;
  const bitmapBytes = Math.ceil(pages / 8);
  verified(file, block, bitmap + bitmapBytes, 'a fixed array data block');
  const first = bitmap + bitmapBytes + 4;
  for (let page = 0; page < pages; page++) {
    if (!(file.u8(bitmap + (page >> 3)) & (0x80 >> (page & 7)))) continue; // an uninitialised page holds no chunks
    const entries = Math.min(pageSize, count - page * pageSize);
    const start = first + page * (pageSize * entrySize + 4); // every page but the last is full, so positions are fixed
    verified(file, start, start + entries * entrySize, 'a fixed array page');
    for (let i = 0; i < entries; i++) visit(page * pageSize + i, start + i * entrySize);
  }
  return entrySize;
}

interface SuperBlock {
  blocks: number;
  elements: number;
  startIndex: number;
  startBlock: number;
}

function log2(n: number): number {
  let bits = 0;
  for (let v = n; v >= 2; v = Math.floor(v / 2)) bits++;
  return bits;
}

/** Entries of an extensible array; returns the entry size. */
export function extensibleArrayEntries(file: FileView, header: number, visit: Visit): number {
  const O = file.offsetSize;
  const L = file.lengthSize;
  file.expectSignature(header, 'EAHD', 'an extensible array header');
  const c = new Cursor(file, header + 4, header + 12 + 6 * L + O, 'an extensible array header');
  c.u8(); // version
  c.u8(); // client
  const entrySize = c.u8();
  const maxBits = c.u8();
  const indexEntries = c.u8();
  const minElements = c.u8();
  const minPointers = c.u8();
  const pageBits = c.u8();
  for (let i = 0; i < 4; i++) c.length(); // super / data block counts and sizes
  const maxIndexSet = c.length();
  c.length(); // elements realised
  const indexBlock = c.address();
  verified(file, header, c.pos, 'an extensible array header');
  const pow2 = (n: number) => n > 0 && (n & (n - 1)) === 0;
  if (entrySize < O || maxBits < 1 || maxBits > 64 || !pow2(minElements) || !pow2(minPointers) || pageBits > 32) {
    throw corrupt(`the extensible array at byte ${header} has impossible parameters`);
  }
  if (indexBlock === UNDEFINED || maxIndexSet === 0) return entrySize;
  const superBlocks: SuperBlock[] = [];
  const count = 1 + maxBits - log2(minElements);
  for (let u = 0, startIndex = 0, startBlock = 0; u < count; u++) {
    const blocks = 2 ** Math.floor(u / 2);
    const elements = 2 ** Math.floor((u + 1) / 2) * minElements;
    superBlocks.push({ blocks, elements, startIndex, startBlock });
    startIndex += blocks * elements;
    startBlock += blocks;
  }
  const directBlocks = 2 * (minPointers - 1);
  const directSupers = 2 * log2(minPointers);
  const secondaryCount = Math.max(0, count - directSupers);
  file.expectSignature(indexBlock, 'EAIB', 'an extensible array index block');
  const entriesAt = indexBlock + 6 + O;
  const blocksAt = entriesAt + indexEntries * entrySize;
  const secondaryAt = blocksAt + directBlocks * O;
  verified(file, indexBlock, secondaryAt + secondaryCount * O, 'an extensible array index block');
  const limit = Math.min(maxIndexSet, indexEntries);
  for (let i = 0; i < limit; i++) visit(i, entriesAt + i * entrySize);
  const offsetBytes = Math.ceil(maxBits / 8);
  const pageSize = 2 ** pageBits;
  const dataBlock = (address: number, s: SuperBlock, first: number, pageInit?: (page: number) => boolean) => {
    if (address === UNDEFINED || first >= maxIndexSet) return;
    file.expectSignature(address, 'EADB', 'an extensible array data block');
    const prefix = address + 6 + O + offsetBytes;
    const n = Math.min(s.elements, maxIndexSet - first);
    if (s.elements <= pageSize) {
      verified(file, address, prefix + s.elements * entrySize, 'an extensible array data block');
      for (let i = 0; i < n; i++) visit(first + i, prefix + i * entrySize);
      return;
    }
    if (!pageInit) throw corrupt(`the extensible array data block at byte ${address} is paged but has no page bitmap`);
    verified(file, address, prefix, 'an extensible array data block');
    for (let page = 0; page * pageSize < n; page++) {
      if (!pageInit(page)) continue;
      const start = prefix + 4 + page * (pageSize * entrySize + 4);
      const entries = Math.min(pageSize, n - page * pageSize);
      verified(file, start, start + pageSize * entrySize, 'an extensible array page');
      for (let i = 0; i < entries; i++) visit(first + page * pageSize + i, start + i * entrySize);
    }
  };
  for (let u = 0; u < count; u++) {
    const s = superBlocks[u];
    const base = indexEntries + s.startIndex;
    if (base >= maxIndexSet) break;
    if (u < directSupers) {
      for (let b = 0; b < s.blocks; b++) dataBlock(file.address(blocksAt + (s.startBlock + b) * O), s, base + b * s.elements);
      continue;
    }
    const secondary = file.address(secondaryAt + (u - directSupers) * O);
    if (secondary === UNDEFINED) continue;
    file.expectSignature(secondary, 'EASB', 'an extensible array secondary block');
    const pages = s.elements > pageSize ? s.elements / pageSize : 0;
    // The "page initialised" bits run on from block to block (bit b × pages + page), in a bitmap
    // of ⌈pages / 8⌉ bytes per block (H5EA: dblk_page_init_size × ndblks).
    const bitmapAt = secondary + 6 + O + offsetBytes;
    const perBlock = Math.ceil(pages / 8);
    const addressesAt = bitmapAt + perBlock * s.blocks;
    verified(file, secondary, addressesAt + s.blocks * O, 'an extensible array secondary block');
    for (let b = 0; b < s.blocks; b++) {
      const bit = (page: number) => {
        const k = b * pages + page;
        return (file.u8(bitmapAt + (k >> 3)) & (0x80 >> (k & 7))) !== 0;
      };
      dataBlock(file.address(addressesAt + b * O), s, base + b * s.elements, pages > 0 ? bit : undefined);
    }
  }
  return entrySize;
}
