import { dataError } from '../errors';

/**
 * Minimal safetensors reader and writer (the container of every shipped dataset file).
 * Layout: u64 little-endian header length n, n bytes of JSON header, then the raw little-endian
 * tensor bytes with no gaps. The header maps a tensor name to `{dtype, shape, data_offsets}`
 * (offsets relative to the end of the header) and may hold `__metadata__`, a string→string map.
 * The writer pads the header with spaces to a multiple of 8 so the first tensor is 8-byte aligned.
 * Python opens these files with `safetensors.numpy.load_file`.
 */
export type SafetensorsDtype = 'U8' | 'U16' | 'U32' | 'I32' | 'F32';

const BYTES_PER_ELEMENT: Record<SafetensorsDtype, number> = { U8: 1, U16: 2, U32: 4, I32: 4, F32: 4 };

export interface SafetensorsTensor {
  dtype: SafetensorsDtype;
  shape: number[];
  /** The tensor's bytes: a view into the file, little-endian. */
  bytes: Uint8Array;
}

export interface SafetensorsFile {
  tensors: Map<string, SafetensorsTensor>;
  metadata: Record<string, string>;
}

const MAX_HEADER_BYTES = 100_000_000;

function notSafetensors(what: string, where?: string): never {
  throw dataError('DATA_NOT_SAFETENSORS', `This is not a safetensors file: ${what}.`,
    'Choose a Spikelab dataset file (.safetensors or .safetensors.gz), or convert your data with scripts/datasets.', where);
}

export function readSafetensors(bytes: Uint8Array, where?: string): SafetensorsFile {
  if (bytes.length < 8) notSafetensors(`it has only ${bytes.length} bytes`, where);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = Number(view.getBigUint64(0, true));
  if (headerLength > MAX_HEADER_BYTES || 8 + headerLength > bytes.length) {
    notSafetensors(`its header length field (${headerLength}) does not fit in ${bytes.length} bytes`, where);
  }
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Record<string, unknown>;
  } catch {
    notSafetensors('its header is not JSON', where);
  }
  if (header === null || typeof header !== 'object' || Array.isArray(header)) notSafetensors('its header is not a JSON object', where);
  const dataStart = 8 + headerLength;
  const tensors = new Map<string, SafetensorsTensor>();
  let metadata: Record<string, string> = {};
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') {
      if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) notSafetensors('its __metadata__ is not an object of strings', where);
      metadata = Object.assign(Object.create(null) as Record<string, string>, entry);
      continue;
    }
    if (entry === null || typeof entry !== 'object') notSafetensors(`tensor "${name}" is not described by an object`, where);
    const e = entry as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    const dtype = e.dtype as SafetensorsDtype;
    if (!(typeof dtype === 'string' && dtype in BYTES_PER_ELEMENT)) notSafetensors(`tensor "${name}" has dtype ${String(e.dtype)}`, where);
    const shape = e.shape as number[];
    const offsets = e.data_offsets as number[];
    if (!Array.isArray(shape) || !Array.isArray(offsets) || offsets.length !== 2) notSafetensors(`tensor "${name}" lacks shape or offsets`, where);
    const count = shape.reduce((a, b) => a * b, 1);
    const [begin, end] = offsets;
    if (end - begin !== count * BYTES_PER_ELEMENT[dtype] || dataStart + end > bytes.length || begin < 0) {
      notSafetensors(`tensor "${name}" (${dtype} [${shape.join(', ')}]) does not fit its byte range ${begin}..${end}`, where);
    }
    tensors.set(name, { dtype, shape, bytes: bytes.subarray(dataStart + begin, dataStart + end) });
  }
  return { tensors, metadata };
}

export interface TensorToWrite {
  name: string;
  dtype: SafetensorsDtype;
  shape: number[];
  bytes: Uint8Array;
}

/** Writes tensors in the given order (put the big one first) with string metadata. */
export function writeSafetensors(tensors: TensorToWrite[], metadata: Record<string, string>): Uint8Array {
  const header: Record<string, unknown> = { __metadata__: metadata };
  let offset = 0;
  for (const t of tensors) {
    const count = t.shape.reduce((a, b) => a * b, 1);
    if (count * BYTES_PER_ELEMENT[t.dtype] !== t.bytes.length) {
      throw new RangeError(`tensor ${t.name}: ${t.bytes.length} bytes for ${t.dtype} [${t.shape.join(', ')}]`);
    }
    header[t.name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + t.bytes.length] };
    offset += t.bytes.length;
  }
  let json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil(json.length / 8) * 8;
  if (padded !== json.length) {
    const withSpaces = new Uint8Array(padded).fill(0x20);
    withSpaces.set(json);
    json = withSpaces;
  }
  const out = new Uint8Array(8 + json.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  let at = 8 + json.length;
  for (const t of tensors) {
    out.set(t.bytes, at);
    at += t.bytes.length;
  }
  return out;
}
