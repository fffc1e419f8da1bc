/**
 * Stored elements (in the file's encoding) → the values of ../tree.ts, decoded as the h5wasm
 * path decodes them (../decode.ts does the numbers, booleans, enums and fixed strings): a vlen
 * element is a 4-byte length and a global heap ID (collection address, object index), read
 * from ./globalHeapObjects.ts. `charge` is called with the bytes the vlen payloads will take
 * (from the declared lengths) before any of them is decoded, so a budget refuses them first.
 */
import { decodeElements, type RawMetadata } from '../decode';
import type { H5NumericArray, H5Value } from '../tree';
import type { FileType } from './datatype';
import type { GlobalHeaps } from './globalHeapObjects';
import { corrupt, type FileView, UNDEFINED, Unsupported, utf8 } from './view';

const NO_HEAP = { HEAPU8: new Uint8Array(0), UTF8ToString: () => '' };

function metaOf(type: FileType): RawMetadata {
  return { type: type.cls, size: type.size, signed: type.signed, littleEndian: type.littleEndian, vlen: false, shape: [], total_size: 0 };
}

interface VlenRef {
  length: number;
  address: number;
  index: number;
}

function vlenRefs(file: FileView, raw: Uint8Array, count: number, size: number): VlenRef[] {
  const O = file.offsetSize;
  if (size < 8 + O) throw corrupt(`a variable-length element takes ${size} bytes, fewer than its length and heap ID`);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const refs: VlenRef[] = [];
  for (let i = 0; i < count; i++) {
    const at = i * size;
    let allSet = true;
    let address = 0;
    for (let b = O - 1; b >= 0; b--) {
      const byte = raw[at + 4 + b];
      if (byte !== 0xff) allSet = false;
      address = address * 256 + byte;
    }
    refs.push({ length: view.getUint32(at, true), address: allSet || address === 0 ? UNDEFINED : file.base + address, index: view.getUint32(at + 4 + O, true) });
  }
  return refs;
}

/** Bytes the vlen payloads of `raw` declare (length × base element size, summed). */
export function vlenPayload(file: FileView, type: FileType, raw: Uint8Array, count: number): number {
  if (!type.vlen) return 0;
  const unit = type.vlen === 'string' ? 1 : type.base?.memSize ?? 1;
  let total = 0;
  for (const ref of vlenRefs(file, raw, count, type.size)) total += ref.length * unit;
  return total;
}

export function decodeValue(file: FileView, heaps: GlobalHeaps, type: FileType, raw: Uint8Array, count: number, charge: (bytes: number) => void): H5Value {
  const dtype = type.dtype;
  switch (dtype.class) {
    case 'other':
      return null;
    case 'int':
    case 'float':
    case 'bool':
    case 'enum':
      return decodeElements(raw, metaOf(type.cls === 8 ? { ...type, cls: 0 } : type), dtype, count, NO_HEAP);
    case 'string':
      if (!dtype.vlen) return decodeElements(raw, metaOf(type), dtype, count, NO_HEAP);
      break;
    case 'vlen':
      break;
  }
  const refs = vlenRefs(file, raw, count, type.size);
  const base = type.base!;
  const unit = type.vlen === 'string' ? 1 : base.size;
  if (type.vlen === 'sequence' && !['int', 'float', 'bool', 'enum'].includes(base.dtype.class)) throw new Unsupported(`a vlen sequence of ${base.dtype.class}`);
  charge(refs.reduce((n, r) => n + r.length * (type.vlen === 'string' ? 1 : base.memSize), 0));
  const payload = (ref: VlenRef): Uint8Array => {
    if (ref.length === 0) return new Uint8Array(0);
    if (ref.address === UNDEFINED) throw corrupt(`a variable-length element of ${ref.length} items has no heap object`);
    const object = heaps.object(ref.address, ref.index);
    if (ref.length * unit > object.length) throw corrupt(`a variable-length element declares ${ref.length * unit} bytes but its heap object holds ${object.length}`);
    return object.subarray(0, ref.length * unit);
  };
  if (type.vlen === 'string') {
    return refs.map((ref) => {
      const bytes = payload(ref);
      const nul = bytes.indexOf(0);
      return utf8(nul >= 0 ? bytes.subarray(0, nul) : bytes);
    });
  }
  const meta = metaOf(base.cls === 8 ? { ...base, cls: 0 } : base);
  return refs.map((ref) => {
    const value = decodeElements(payload(ref).slice(), meta, base.dtype, ref.length, NO_HEAP);
    return (Array.isArray(value) || ArrayBuffer.isView(value) ? value : new Float64Array(0)) as H5NumericArray | string[] | boolean[];
  });
}
