/**
 * The members of a group (format spec §IV.A.2.g, §IV.A.2.c and the symbol table of
 * ./symbolTable.ts): link messages in the object header (compact storage), or, when the link
 * info message names a fractal heap, link messages stored there and indexed by a v2 B-tree of
 * name hashes (dense storage). Members come back in HDF5's iteration order: by creation order
 * when the group indexes it, else by name (byte-wise, as strcmp).
 */
import { btree2Records } from './btree2';
import { FractalHeap } from './fractalHeap';
import { MSG, type ObjectHeader } from './objectHeader';
import { symbolTableLinks } from './symbolTable';
import { compareNames, corrupt, Cursor, type FileView, UNDEFINED, utf8 } from './view';

export type Link = { name: Uint8Array; order?: number } & (
  | { kind: 'hard'; address: number }
  | { kind: 'soft'; target: string }
  | { kind: 'external'; file: string; path: string }
  | { kind: 'other'; type: number });

/** Parses one link message (in an object header or a fractal heap object). Hard links, by far
 * the most common, are read without intermediate objects (a 100,000-node file has 500,000). */
export function readLink(file: FileView, at: number, end: number): Link {
  const bytes = file.bytes;
  if (!(at >= 0 && at + 3 <= end && end <= bytes.length)) throw corrupt(`the link message at byte ${at} is cut short`);
  if (bytes[at] !== 1) throw corrupt(`the link message at byte ${at} has an unknown version`);
  const flags = bytes[at + 1];
  let p = at + 2;
  const type = flags & 0x08 ? bytes[p++] : 0;
  let order: number | undefined;
  if (flags & 0x04) {
    order = file.uint(p, 8, 'a link creation order');
    p += 8;
  }
  if (flags & 0x10) p++; // name charset
  const lengthSize = 1 << (flags & 3);
  const nameLength = p + lengthSize <= end ? file.uint(p, lengthSize, 'a link name length') : 0;
  p += lengthSize;
  if (nameLength < 1 || p + nameLength > end) throw corrupt(`the link message at byte ${at} has no valid name`);
  const name = bytes.subarray(p, p + nameLength);
  p += nameLength;
  if (type === 0) {
    if (p + file.offsetSize > end) throw corrupt(`the link message at byte ${at} is cut short`);
    const address = file.address(p);
    if (address === UNDEFINED) throw corrupt(`the link "${utf8(name)}" has no object header`);
    return order === undefined ? { name, kind: 'hard', address } : { name, order, kind: 'hard', address };
  }
  const c = new Cursor(file, p, end, 'a link message');
  const base = order === undefined ? { name } : { name, order };
  if (type === 1) return { ...base, kind: 'soft', target: utf8(c.bytes(c.u16())) };
  if (type === 64) {
    const length = c.u16();
    const info = new Cursor(file, c.pos, c.pos + length, 'an external link');
    info.u8(); // version and flags
    const target = info.cString();
    return { ...base, kind: 'external', file: target, path: info.left > 0 ? info.cString() : '' };
  }
  return { ...base, kind: 'other', type };
}

/** Dense links: every record of the name index, resolved in the fractal heap. */
function denseLinks(file: FileView, heapAddress: number, nameIndex: number): Link[] {
  const heap = new FractalHeap(file, heapAddress);
  const tree = btree2Records(file, nameIndex, [5]);
  return tree.records.map((at) => {
    const object = heap.object(file.bytes.subarray(at + 4, at + tree.recordSize));
    const start = object.byteOffset - file.bytes.byteOffset;
    return readLink(file, start, start + object.length);
  });
}

/** A group's links, or undefined when `header` is not a group's. */
export function groupLinks(file: FileView, header: ObjectHeader): Link[] | undefined {
  let links: Link[] | undefined;
  let byOrder = false;
  for (const m of header.messages) {
    if (m.type === MSG.SYMBOL_TABLE) return sortByName(symbolTableLinks(file, m.at, m.size));
    if (m.type !== MSG.LINK_INFO) continue;
    const c = new Cursor(file, m.at, m.at + m.size, 'a link info message');
    if (c.u8() !== 0) throw corrupt(`the link info message at byte ${m.at} has an unknown version`);
    const flags = c.u8();
    if (flags & 1) c.skip(8);
    const heap = c.address();
    const nameIndex = c.address();
    byOrder = (flags & 2) !== 0;
    if (heap !== UNDEFINED) links = denseLinks(file, heap, nameIndex);
  }
  if (!links) {
    if (!header.messages.some((m) => m.type === MSG.LINK_INFO)) return undefined; // HDF5: a group has a symbol table or link info
    links = header.messages.filter((m) => m.type === MSG.LINK).map((m) => readLink(file, m.at, m.at + m.size));
  }
  return byOrder ? links.sort((a, b) => (a.order ?? 0) - (b.order ?? 0)) : sortByName(links);
}

function sortByName(links: Link[]): Link[] {
  return links.sort((a, b) => compareNames(a.name, b.name));
}
