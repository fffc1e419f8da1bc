/**
 * The dataspace message (format spec §IV.A.2.b): a dataset's or attribute's shape. Version 1
 * (rank 0 is a scalar) and version 2 (scalar, simple or null). `shape` is null for a null
 * dataspace (no elements, no value); unlimited maximum sizes are Infinity.
 */
import { corrupt, Cursor, type FileView } from './view';

export interface Dataspace {
  shape: number[] | null;
  maxshape: number[] | null;
}

/** Ranks above this are refused (HDF5's own H5S_MAX_RANK). */
const MAX_RANK = 32;

export function readDataspace(file: FileView, at: number, size: number): Dataspace {
  const c = new Cursor(file, at, at + size, 'a dataspace message');
  const version = c.u8();
  const rank = c.u8();
  const flags = c.u8();
  if (version !== 1 && version !== 2) throw corrupt(`a dataspace message has version ${version}`);
  if (rank > MAX_RANK) throw corrupt(`a dataspace declares ${rank} dimensions`);
  let kind = rank === 0 ? 0 : 1;
  if (version === 1) c.skip(5);
  else kind = c.u8();
  if (kind === 2) return { shape: null, maxshape: null };
  if (kind === 0) return { shape: [], maxshape: [] };
  if (kind !== 1) throw corrupt(`a dataspace has type ${kind}`);
  const shape: number[] = [];
  for (let i = 0; i < rank; i++) shape.push(unlimitedOr(file, c));
  let maxshape: number[] | null = null;
  if (flags & 1) {
    maxshape = [];
    for (let i = 0; i < rank; i++) maxshape.push(unlimitedOr(file, c));
  }
  if (shape.some((d) => d === Infinity)) throw corrupt('a dataspace has an unlimited current size');
  return { shape, maxshape };
}

function unlimitedOr(file: FileView, c: Cursor): number {
  const at = c.pos;
  const bytes = file.bytes;
  let allSet = true;
  for (let i = 0; i < file.lengthSize; i++) if (bytes[at + i] !== 0xff) allSet = false;
  if (!allSet) return c.uint(file.lengthSize, 'a dataspace size');
  c.skip(file.lengthSize);
  return Infinity;
}
