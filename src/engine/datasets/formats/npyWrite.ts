/**
 * Writes `.npy` and `.npz` bytes as NumPy does (np.save, np.savez, np.savez_compressed), for tests
 * and the browser journeys to make fixtures without Python: any supported dtype in either byte
 * order, C or Fortran order, header versions 1.0–3.0; zip entries stored or deflated
 * (CompressionStream), with NumPy's ZIP64 extra field in the local header when asked.
 */
import { crc32 } from './crc32';

export interface NpyWriteOptions {
  /** Lay the data out in Fortran (column-major) order; `values` are always given in C order. */
  fortran?: boolean;
  version?: 1 | 2 | 3;
}

function floatToHalf(v: number): number {
  const f = new Float32Array([v]);
  const x = new Uint32Array(f.buffer)[0];
  const sign = (x >>> 16) & 0x8000;
  const exponent = ((x >>> 23) & 0xff) - 127 + 15;
  const mantissa = x & 0x7fffff;
  if (((x >>> 23) & 0xff) === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0);
  if (exponent >= 31) return sign | 0x7c00;
  if (exponent <= 0) return exponent < -10 ? sign : sign | ((mantissa | 0x800000) >> (14 - exponent));
  return sign | (exponent << 10) | (mantissa >> 13);
}

/** C-order index → Fortran-order position, for an array of `shape`. */
function fortranPosition(k: number, shape: readonly number[]): number {
  const index = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    index[d] = k % shape[d];
    k = Math.floor(k / shape[d]);
  }
  let position = 0;
  for (let d = shape.length - 1; d >= 0; d--) position = position * shape[d] + index[d];
  return position;
}

function encode(view: DataView, at: number, descr: string, v: number | string): void {
  const little = descr[0] !== '>';
  const type = descr.slice(1);
  if (type.startsWith('U')) {
    const s = String(v);
    const width = Number(type.slice(1));
    for (let c = 0; c < width; c++) view.setUint32(at + 4 * c, c < s.length ? s.codePointAt(c)! : 0, little);
    return;
  }
  if (type.startsWith('S')) {
    const s = String(v);
    for (let c = 0; c < Number(type.slice(1)); c++) view.setUint8(at + c, c < s.length ? s.charCodeAt(c) : 0);
    return;
  }
  const x = Number(v);
  switch (type) {
    case 'b1': case 'u1': return view.setUint8(at, x);
    case 'i1': return view.setInt8(at, x);
    case 'u2': return view.setUint16(at, x, little);
    case 'i2': return view.setInt16(at, x, little);
    case 'u4': return view.setUint32(at, x, little);
    case 'i4': return view.setInt32(at, x, little);
    case 'u8': return view.setBigUint64(at, BigInt(x), little);
    case 'i8': return view.setBigInt64(at, BigInt(x), little);
    case 'f2': return view.setUint16(at, floatToHalf(x), little);
    case 'f4': return view.setFloat32(at, x, little);
    case 'f8': return view.setFloat64(at, x, little);
    default: throw new RangeError(`npyBytes: dtype ${descr} is not written`);
  }
}

function itemSize(descr: string): number {
  const type = descr.slice(1);
  const width = Number(type.slice(1));
  return type[0] === 'U' ? 4 * width : width;
}

/** The .npy file of `values` (C order, as many as the shape holds) with dtype `descr` ("<f4", "|b1", ">i2", "<U5"…). */
export function npyBytes(descr: string, shape: readonly number[], values: ArrayLike<number | string>, options: NpyWriteOptions = {}): Uint8Array<ArrayBuffer> {
  const count = shape.reduce((a, b) => a * b, 1);
  if (values.length !== count) throw new RangeError(`npyBytes: ${values.length} values for shape [${shape.join(', ')}]`);
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  const dict = `{'descr': '${descr}', 'fortran_order': ${options.fortran ? 'True' : 'False'}, 'shape': ${shapeText}, }`;
  const version = options.version ?? 1;
  const preamble = version === 1 ? 10 : 12;
  const text = new TextEncoder().encode(dict);
  const padded = Math.ceil((preamble + text.length + 1) / 64) * 64;
  const size = itemSize(descr);
  const out = new Uint8Array(padded + count * size);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const view = new DataView(out.buffer);
  if (version === 1) view.setUint16(8, padded - preamble, true);
  else view.setUint32(8, padded - preamble, true);
  out.fill(0x20, preamble, padded - 1);
  out.set(text, preamble);
  out[padded - 1] = 0x0a;
  for (let k = 0; k < count; k++) {
    const position = options.fortran ? fortranPosition(k, shape) : k;
    encode(view, padded + position * size, descr, values[k]);
  }
  return out;
}

async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export interface ZipWriteOptions {
  /** Deflate the entries (np.savez_compressed); default stored (np.savez). */
  deflate?: boolean;
  /** Put NumPy's ZIP64 extra field (sizes as u64) in each local header, as np.savez does. */
  zip64Extra?: boolean;
}

/** A zip archive of `entries` (e.g. "spikes.npy" → npyBytes(…)): np.savez's layout. */
export async function zipBytes(entries: { name: string; bytes: Uint8Array }[], options: ZipWriteOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name);
    const data = options.deflate ? await deflateRaw(entry.bytes) : entry.bytes;
    const crc = crc32(entry.bytes);
    const extra = options.zip64Extra ? new Uint8Array(20) : new Uint8Array(0);
    if (options.zip64Extra) {
      const e = new DataView(extra.buffer);
      e.setUint16(0, 1, true);
      e.setUint16(2, 16, true);
      e.setBigUint64(4, BigInt(entry.bytes.length), true);
      e.setBigUint64(12, BigInt(data.length), true);
    }
    const local = new Uint8Array(30 + name.length + extra.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, options.zip64Extra ? 45 : 20, true);
    l.setUint16(8, options.deflate ? 8 : 0, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, data.length, true);
    l.setUint32(22, entry.bytes.length, true);
    l.setUint16(26, name.length, true);
    l.setUint16(28, extra.length, true);
    local.set(name, 30);
    local.set(extra, 30 + name.length);
    const dir = new Uint8Array(46 + name.length);
    const c = new DataView(dir.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(10, options.deflate ? 8 : 0, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, data.length, true);
    c.setUint32(24, entry.bytes.length, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    dir.set(name, 46);
    parts.push(local, data);
    central.push(dir);
    offset += local.length + data.length;
  }
  const dirSize = central.reduce((a, d) => a + d.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, dirSize, true);
  e.setUint32(16, offset, true);
  const all = [...parts, ...central, end];
  const out = new Uint8Array(all.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** An .npz of named arrays: `{ spikes: npyBytes(…), labels: npyBytes(…) }`. */
export function npzBytes(arrays: Record<string, Uint8Array>, options: ZipWriteOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  return zipBytes(Object.entries(arrays).map(([name, bytes]) => ({ name: `${name}.npy`, bytes })), options);
}
