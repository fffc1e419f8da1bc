/**
 * Old-style groups (format spec §III.B–C, §IV.A.2.r): a symbol table message names a v1 B-tree
 * of symbol nodes ("SNOD") and a local heap ("HEAP") holding the link names. Each entry is a hard
 * link (an object header address) or, with cache type 2, a soft link whose value is in the heap.
 */
import { groupSymbolNodes } from './btree1';
import type { Link } from './links';
import { corrupt, Cursor, type FileView, UNDEFINED } from './view';

const MAX_SYMBOLS = 65536;

interface LocalHeap {
  start: number;
  end: number;
}

function localHeap(file: FileView, address: number): LocalHeap {
  file.expectSignature(address, 'HEAP', 'a local heap');
  const c = new Cursor(file, address + 8, address + 8 + 2 * file.lengthSize + file.offsetSize, 'a local heap');
  const size = c.length();
  c.length(); // free list
  const start = c.address();
  if (start === UNDEFINED) throw corrupt(`the local heap at byte ${address} has no data`);
  file.need(start, size, 'the data of a local heap');
  return { start, end: start + size };
}

function heapName(file: FileView, heap: LocalHeap, offset: number): Uint8Array {
  const at = heap.start + offset;
  if (offset < 0 || at >= heap.end) throw corrupt(`a link name lies outside its local heap (offset ${offset})`);
  let stop = at;
  while (stop < heap.end && file.bytes[stop] !== 0) stop++;
  if (stop >= heap.end) throw corrupt('a link name in a local heap has no terminating NUL');
  return file.bytes.subarray(at, stop);
}

export function symbolTableLinks(file: FileView, at: number, size: number): Link[] {
  const c = new Cursor(file, at, at + size, 'a symbol table message');
  const tree = c.address();
  const heap = localHeap(file, c.address());
  const links: Link[] = [];
  const O = file.offsetSize;
  const entrySize = 2 * O + 24;
  for (const node of groupSymbolNodes(file, tree)) {
    file.expectSignature(node, 'SNOD', 'a symbol table node');
    if (file.u8(node + 4) !== 1) throw corrupt(`the symbol table node at byte ${node} has version ${file.u8(node + 4)}`);
    const count = file.u16(node + 6);
    if (count > MAX_SYMBOLS) throw corrupt(`the symbol table node at byte ${node} declares ${count} entries`);
    file.need(node + 8, count * entrySize, 'a symbol table node');
    for (let i = 0; i < count; i++) {
      const e = node + 8 + i * entrySize;
      const name = heapName(file, heap, file.uint(e, O, 'a link name offset'));
      const cacheType = file.u32(e + 2 * O);
      if (cacheType === 2) links.push({ name, kind: 'soft', target: new TextDecoder().decode(heapName(file, heap, file.u32(e + 2 * O + 8))) });
      else {
        const address = file.address(e + O, 'an object header address');
        if (address === UNDEFINED) throw corrupt(`the group entry "${new TextDecoder().decode(name)}" has no object header`);
        links.push({ name, kind: 'hard', address });
      }
    }
  }
  return links;
}
