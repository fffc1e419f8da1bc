/**
 * An object's attributes (format spec §IV.A.2.m and .v): attribute messages in the object header
 * (compact storage) or, when the attribute info message names a fractal heap, attribute messages
 * stored there and indexed by a v2 B-tree (dense storage). Returned in HDF5's iteration order
 * (by creation order when the object indexes it, else by name). The value stays raw here
 * (elements as stored); ./values.ts decodes it.
 */
import { btree2Records } from './btree2';
import { readDataspace, type Dataspace } from './dataspace';
import type { FileType } from './datatype';
import { FractalHeap } from './fractalHeap';
import { MSG, SHARED, type ObjectHeader } from './objectHeader';
import { datatypeAt } from './shared';
import { compareNames, corrupt, Cursor, type FileView, UNDEFINED, Unsupported } from './view';

export interface RawAttribute {
  name: Uint8Array;
  type: FileType;
  space: Dataspace;
  /** Absolute position and size of the stored elements. */
  dataAt: number;
  dataSize: number;
  order?: number;
}

const pad8 = (n: number) => Math.ceil(n / 8) * 8;

export function readAttributeMessage(file: FileView, at: number, end: number, order?: number): RawAttribute {
  const c = new Cursor(file, at, end, 'an attribute message');
  const version = c.u8();
  if (version < 1 || version > 3) throw corrupt(`an attribute message at byte ${at} has version ${version}`);
  const flags = c.u8();
  const nameSize = c.u16();
  const typeSize = c.u16();
  const spaceSize = c.u16();
  if (version === 3) c.u8(); // name charset
  const padded = (n: number) => (version === 1 ? pad8(n) : n);
  const nameBytes = c.bytes(padded(nameSize));
  const nul = nameBytes.subarray(0, nameSize).indexOf(0);
  const name = nameBytes.subarray(0, nul >= 0 ? nul : nameSize);
  const typeAt = c.pos;
  c.skip(padded(typeSize));
  const spaceAt = c.pos;
  c.skip(padded(spaceSize));
  if (version >= 2 && flags & 0x02) throw new Unsupported('an attribute with a shared dataspace');
  const type = datatypeAt(file, typeAt, typeSize, version >= 2 && (flags & 0x01) !== 0);
  const space = readDataspace(file, spaceAt, spaceSize);
  const attribute: RawAttribute = { name, type, space, dataAt: c.pos, dataSize: c.left };
  if (order !== undefined) attribute.order = order;
  return attribute;
}

function denseAttributes(file: FileView, heapAddress: number, nameIndex: number): RawAttribute[] {
  const heap = new FractalHeap(file, heapAddress);
  const tree = btree2Records(file, nameIndex, [8]);
  return tree.records.map((at) => {
    if (file.u8(at + 8) & SHARED) throw new Unsupported('a shared attribute message');
    const object = heap.object(file.bytes.subarray(at, at + 8));
    const start = object.byteOffset - file.bytes.byteOffset;
    return readAttributeMessage(file, start, start + object.length, file.u32(at + 9));
  });
}

export function objectAttributes(file: FileView, header: ObjectHeader): RawAttribute[] {
  const list: RawAttribute[] = [];
  for (const m of header.messages) {
    if (m.type === MSG.ATTRIBUTE) {
      if (m.flags & SHARED) throw new Unsupported('a shared attribute message');
      list.push(readAttributeMessage(file, m.at, m.at + m.size, m.order));
    } else if (m.type === MSG.ATTRIBUTE_INFO) {
      const c = new Cursor(file, m.at, m.at + m.size, 'an attribute info message');
      if (c.u8() !== 0) throw corrupt(`the attribute info message at byte ${m.at} has an unknown version`);
      const flags = c.u8();
      if (flags & 1) c.skip(2);
      const heap = c.address();
      const nameIndex = c.address();
      if (heap !== UNDEFINED) list.push(...denseAttributes(file, heap, nameIndex));
    }
  }
  const byOrder = header.version === 2 && (header.flags & 0x08) !== 0;
  return byOrder ? list.sort((a, b) => (a.order ?? 0) - (b.order ?? 0)) : list.sort((a, b) => compareNames(a.name, b.name));
}
