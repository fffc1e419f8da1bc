/**
 * Objects of global heap collections ("GCOL", format spec §III.E), where variable-length strings
 * and sequences keep their bytes. Each collection is indexed once (object index → bytes) and
 * kept; the walk advances by at least one object header per object and stops at the free-space
 * object (index 0) or the collection's end, so no collection can make it loop.
 */
import { corrupt, type FileView } from './view';

export class GlobalHeaps {
  private readonly collections = new Map<number, Map<number, [number, number]>>();

  constructor(private readonly file: FileView) {}

  /** The bytes of object `index` of the collection at `address`. */
  object(address: number, index: number): Uint8Array {
    let objects = this.collections.get(address);
    if (!objects) {
      objects = this.index(address);
      this.collections.set(address, objects);
    }
    const found = objects.get(index);
    if (!found) throw corrupt(`global heap collection at byte ${address} has no object ${index}`);
    return this.file.bytes.subarray(found[0], found[0] + found[1]);
  }

  private index(address: number): Map<number, [number, number]> {
    const file = this.file;
    const L = file.lengthSize;
    file.expectSignature(address, 'GCOL', 'a global heap collection');
    if (file.u8(address + 4) !== 1) throw corrupt(`the global heap collection at byte ${address} has version ${file.u8(address + 4)}`);
    const size = file.lengthAt(address + 8, 'a global heap collection size');
    file.need(address, size, 'a global heap collection');
    const end = address + size;
    const objects = new Map<number, [number, number]>();
    for (let p = address + 8 + L; p + 8 + L <= end;) {
      const index = file.u16(p);
      if (index === 0) break; // free space: the rest of the collection
      const length = file.lengthAt(p + 8, 'a global heap object size');
      const data = p + 8 + L;
      if (data + length > end) throw corrupt(`an object of the global heap collection at byte ${address} runs past its end`);
      objects.set(index, [data, length]);
      p = data + Math.ceil(length / 8) * 8;
    }
    return objects;
  }
}
