/**
 * Pre-flight check of HDF5 global heap collections ("GCOL", where variable-length strings and
 * sequences live) before the C library reads them.
 * Reason: HDF5 2.0's collection loader walks objects with `p = begin + need`, where need is the
 * object's aligned size, or for the free-space object (index 0) its raw size; a damaged index-0
 * object of size 0 makes that loop spin forever (found by fuzzing fixtures/nir/metadata.nir).
 * We walk each collection the same way and refuse any that does not advance, overruns its
 * declared size, or declares an object larger than the collection.
 * Layout (HDF5 format spec, "Global Heap"): "GCOL", version 1, 3 reserved, collection size (L bytes,
 * header included); then objects: index u16, reference count u16, 4 reserved, size (L), data padded to 8.
 */
import { SpikelabError } from '../core/errors';

const MIN_COLLECTION = 4096;

function readLength(bytes: Uint8Array, at: number, size: number): number {
  let value = 0;
  for (let i = size - 1; i >= 0; i--) value = value * 256 + bytes[at + i];
  return value;
}

function lengthSize(bytes: Uint8Array, superblock: number): number {
  const version = bytes[superblock + 8];
  const size = version <= 1 ? bytes[superblock + 14] : bytes[superblock + 10];
  return [2, 4, 8].includes(size) ? size : 8;
}

function damaged(offset: number, why: string): SpikelabError {
  return new SpikelabError('HDF5_CORRUPT', `The HDF5 global heap at byte ${offset} is damaged (${why}); its strings cannot be read.`, 'Download or export the file again.');
}

/** Throws HDF5_CORRUPT if a global heap collection in `bytes` would make HDF5 loop or overrun. */
export function checkGlobalHeaps(bytes: Uint8Array, superblock: number): void {
  const L = lengthSize(bytes, superblock);
  const header = 8 + L;
  const objectHeader = 8 + L;
  for (let at = bytes.indexOf(0x47); at >= 0 && at + header <= bytes.length; at = bytes.indexOf(0x47, at + 1)) {
    if (bytes[at + 1] !== 0x43 || bytes[at + 2] !== 0x4f || bytes[at + 3] !== 0x4c || bytes[at + 4] !== 1) continue;
    const size = readLength(bytes, at + 8, L);
    if (size < MIN_COLLECTION || at + size > bytes.length) continue; // not a collection (or cut off: HDF5 reports that itself)
    const end = at + size;
    let p = at + header;
    while (p < end) {
      if (p + objectHeader > end) break; // a tail too small for a header is free space
      const index = bytes[p] | (bytes[p + 1] << 8);
      const objectSize = readLength(bytes, p + 8, L);
      if (objectSize > size) throw damaged(at, `object ${index} declares ${objectSize} bytes in a ${size}-byte collection`);
      const need = index > 0 ? objectHeader + Math.ceil(objectSize / 8) * 8 : objectSize;
      if (need <= 0) throw damaged(at, 'an empty free-space record');
      p += need;
    }
    if (p > end) throw damaged(at, 'objects run past the end of the collection');
  }
}
