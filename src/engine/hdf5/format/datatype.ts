/**
 * The datatype message (format spec §IV.A.2.d) → the element type as stored in the file, and the
 * H5DType the engine sees (the same as ../decode.ts's dtypeOf makes from h5wasm's metadata, so
 * both readers agree): integers and IEEE floats of 1/2/4/8 bytes, fixed and variable-length
 * strings, enums (h5py's booleans are {FALSE: 0, TRUE: 1}), variable-length sequences; time,
 * bitfield, opaque, compound, reference and array types are 'other' (their values are not read).
 * `memSize` is what one element takes in h5wasm's read buffer (a vlen string is a 4-byte
 * pointer, a vlen sequence an 8-byte {length, pointer}), so byte budgets charge the same.
 */
import type { H5DType } from '../tree';
import { corrupt, Cursor, Unsupported } from './view';

export interface FileType {
  /** HDF5 class: 0 integer, 1 float, 2 time, 3 string, 4 bitfield, 5 opaque, 6 compound, 7 reference, 8 enum, 9 vlen, 10 array. */
  cls: number;
  /** Bytes of one element in the file (a vlen element: 4-byte length + global heap ID). */
  size: number;
  memSize: number;
  littleEndian: boolean;
  signed: boolean;
  dtype: H5DType;
  /** vlen: whether it is a string or a sequence of `base`. */
  vlen?: 'string' | 'sequence';
  /** The base type of an enum, vlen or array. */
  base?: FileType;
}

const CLASS_NAMES: Record<number, string> = { 2: 'time', 4: 'bitfield', 5: 'opaque', 6: 'compound', 7: 'reference', 10: 'array' };
const MAX_NESTING = 32;
const MAX_ENUM_MEMBERS = 65536;

export function readDatatype(c: Cursor, depth = 0): FileType {
  if (depth > MAX_NESTING) throw corrupt('a datatype nests more than 32 levels deep');
  const head = c.u8();
  const version = head >> 4;
  const cls = head & 0x0f;
  const bits = c.u8() | (c.u8() << 8) | (c.u8() << 16);
  const size = c.u32();
  if (version < 1 || version > 5) throw corrupt(`a datatype has version ${version}`);
  const littleEndian = (bits & 1) === 0 && (cls !== 1 || (bits & 0x40) === 0);
  const type: FileType = { cls, size, memSize: size, littleEndian, signed: false, dtype: other(cls, size) };
  switch (cls) {
    case 0:
      c.skip(4); // bit offset, bit precision
      type.signed = (bits & 0x08) !== 0;
      if ([1, 2, 4, 8].includes(size)) type.dtype = { class: 'int', bytes: size as 1 | 2 | 4 | 8, signed: type.signed };
      return type;
    case 1:
      c.skip(12); // bit offset, precision, exponent and mantissa layout, exponent bias
      if ([2, 4, 8].includes(size)) type.dtype = { class: 'float', bytes: size as 2 | 4 | 8 };
      return type;
    case 2:
      c.skip(2);
      return type;
    case 3:
      type.dtype = { class: 'string', vlen: false, bytes: size, charset: ((bits >> 4) & 0x0f) === 1 ? 'utf-8' : 'ascii' };
      return type;
    case 4:
      c.skip(4);
      return type;
    case 5:
      c.skip(Math.ceil((bits & 0xff) / 8) * 8);
      return type;
    case 6:
    case 7:
      return type; // members / reference details are never needed: the value is not read, and nothing follows it in a message we parse
    case 8:
      return enumType(c, type, bits, version, depth);
    case 9: {
      const base = readDatatype(c, depth + 1);
      type.base = base;
      if ((bits & 0x0f) === 1) {
        type.vlen = 'string';
        type.memSize = 4;
        type.dtype = { class: 'string', vlen: true, bytes: 4, charset: ((bits >> 8) & 0x0f) === 1 ? 'utf-8' : 'ascii' };
      } else {
        type.vlen = 'sequence';
        type.memSize = 8;
        type.dtype = { class: 'vlen', base: base.dtype };
      }
      return type;
    }
    case 10:
      return type; // dims then base: its value is never read
    default:
      throw corrupt(`a datatype has class ${cls}`);
  }
}

function other(cls: number, size: number): H5DType {
  return { class: 'other', description: `${CLASS_NAMES[cls] ?? `class ${cls}`} (${size} bytes)` };
}

function enumType(c: Cursor, type: FileType, bits: number, version: number, depth: number): FileType {
  const count = bits & 0xffff;
  if (count > MAX_ENUM_MEMBERS) throw corrupt(`an enum declares ${count} members`);
  const base = readDatatype(c, depth + 1);
  if (base.cls !== 0) throw new Unsupported(`an enum over ${base.dtype.class === 'other' ? base.dtype.description : base.dtype.class}`);
  type.base = base;
  type.signed = base.signed;
  type.littleEndian = base.littleEndian;
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const start = c.pos;
    names.push(c.cString());
    if (version < 3) c.skip((8 - ((c.pos - start) % 8)) % 8);
  }
  const members: Record<string, number> = {};
  for (const name of names) members[name] = memberValue(c.bytes(base.size), base);
  if (names.length === 2 && members.FALSE === 0 && members.TRUE === 1) type.dtype = { class: 'bool' };
  else if ([1, 2, 4, 8].includes(type.size)) type.dtype = { class: 'enum', members: { ...members }, base: { class: 'int', bytes: type.size as 1 | 2 | 4 | 8, signed: base.signed } };
  return type;
}

/** An enum value converted to a native int, as h5wasm's H5Tconvert to NATIVE_INT does (saturating). */
function memberValue(bytes: Uint8Array, base: FileType): number {
  let value = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[base.littleEndian ? bytes.length - 1 - i : i];
    value = value * 256 + b;
  }
  if (base.signed && bytes.length > 0 && bytes[base.littleEndian ? bytes.length - 1 : 0] & 0x80) value -= 2 ** (8 * bytes.length);
  return Math.max(-(2 ** 31), Math.min(2 ** 31 - 1, value));
}
