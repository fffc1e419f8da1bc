/**
 * The superblock (format spec §II.A): sizes of offsets and lengths, and where the root group's
 * object header is. Versions 0 and 1 hold the root group's symbol table entry; versions 2 and 3
 * hold its object header address and a lookup3 checksum. As the HDF5 library does, addresses
 * count from the superblock's own position (a user block may precede it).
 */
import { lookup3 } from './checksum';
import { corrupt, type FileView, UNDEFINED } from './view';

export interface Superblock {
  version: number;
  /** Absolute address of the root group's object header. */
  root: number;
  /** Absolute address of the superblock extension (versions 2+), or UNDEFINED. */
  extension: number;
}

export function readSuperblock(file: FileView, at: number): Superblock {
  const version = file.u8(at + 8);
  if (version > 3) throw corrupt(`the superblock has version ${version}, which no HDF5 library writes`);
  const offsets = version <= 1 ? file.u8(at + 13) : file.u8(at + 9);
  const lengths = version <= 1 ? file.u8(at + 14) : file.u8(at + 10);
  if (![2, 4, 8].includes(offsets) || ![2, 4, 8].includes(lengths)) throw corrupt(`the superblock declares ${offsets}-byte offsets and ${lengths}-byte lengths`);
  file.offsetSize = offsets;
  file.lengthSize = lengths;
  file.base = at;
  if (version <= 1) {
    const fields = at + (version === 0 ? 24 : 28);
    // base, free-space info, end of file, driver info; then the root symbol table entry:
    // link name offset, object header address, cache type, reserved, scratch.
    const entry = fields + 4 * offsets;
    const root = file.address(entry + offsets, 'the root group address');
    if (root === UNDEFINED) throw corrupt('the superblock has no root group');
    return { version, root, extension: UNDEFINED };
  }
  const size = 12 + 4 * offsets;
  file.need(at, size + 4, 'the superblock');
  if (lookup3(file.bytes, at, size) !== file.u32(at + size)) throw corrupt('the superblock checksum does not match');
  const root = file.address(at + 12 + 3 * offsets, 'the root group address');
  if (root === UNDEFINED) throw corrupt('the superblock has no root group');
  return { version, root, extension: file.address(at + 12 + offsets, 'the superblock extension address') };
}
