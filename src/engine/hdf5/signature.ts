/**
 * Checks the HDF5 superblock before handing bytes to the C library, so that empty, foreign and
 * truncated inputs get a precise error instead of an opaque "unable to open file".
 * The signature \x89HDF\r\n\x1a\n sits at offset 0, 512, 1024, 2048, … (a user block may precede it).
 * The superblock records the file's end-of-file address; fewer bytes than that means truncation.
 */
import { SpikelabError } from '../core/errors';

const SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

export function findSuperblock(bytes: Uint8Array): number {
  for (let offset = 0; offset + 8 <= bytes.length; offset = offset === 0 ? 512 : offset * 2) {
    if (SIGNATURE.every((b, i) => bytes[offset + i] === b)) return offset;
  }
  return -1;
}

function readAddress(bytes: Uint8Array, at: number, size: number): number | undefined {
  if (at + size > bytes.length || size < 1 || size > 8) return undefined;
  let value = 0;
  for (let i = size - 1; i >= 0; i--) value = value * 256 + bytes[at + i];
  return value;
}

/** End-of-file address the superblock declares (absolute), or undefined if it cannot be parsed. */
export function declaredEnd(bytes: Uint8Array, superblock: number): number | undefined {
  const version = bytes[superblock + 8];
  if (version === 0 || version === 1) {
    const offsets = bytes[superblock + 13];
    const fieldsAt = superblock + (version === 0 ? 24 : 28);
    const base = readAddress(bytes, fieldsAt, offsets);
    const end = readAddress(bytes, fieldsAt + 2 * offsets, offsets);
    return base === undefined || end === undefined ? undefined : base + end;
  }
  if (version === 2 || version === 3) {
    const offsets = bytes[superblock + 9];
    const base = readAddress(bytes, superblock + 12, offsets);
    const end = readAddress(bytes, superblock + 12 + 2 * offsets, offsets);
    return base === undefined || end === undefined ? undefined : base + end;
  }
  return undefined;
}

/** Throws HDF5_EMPTY, HDF5_NOT_HDF5 or HDF5_TRUNCATED; returns the superblock offset otherwise. */
export function checkSignature(bytes: Uint8Array, what = 'The file'): number {
  if (bytes.length === 0) throw new SpikelabError('HDF5_EMPTY', `${what} is empty (0 bytes).`, 'Choose the file again; it may not have finished downloading.');
  const superblock = findSuperblock(bytes);
  if (superblock < 0) {
    throw new SpikelabError('HDF5_NOT_HDF5', `${what} is not an HDF5 file (no HDF5 signature in its ${bytes.length} bytes).`, 'Choose an HDF5 file (.nir, .h5).');
  }
  const end = declaredEnd(bytes, superblock);
  if (end !== undefined && end > bytes.length) {
    throw new SpikelabError(
      'HDF5_TRUNCATED',
      `${what} is truncated: it declares ${end} bytes but only ${bytes.length} are present.`,
      'Download or copy the file again; the transfer was cut short.',
    );
  }
  return superblock;
}
