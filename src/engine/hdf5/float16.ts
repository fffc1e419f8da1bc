/**
 * IEEE 754 half precision → number. h5wasm 0.10.3 has no 2-byte float accessor ("Float16 not
 * supported"), and SHD/SSC store spike times as float16, so we decode the bits ourselves:
 * sign (1 bit), exponent e (5 bits, bias 15), mantissa m (10 bits);
 * e = 0: subnormal (−1)^s · m/1024 · 2^−14; e = 31: ±Infinity (m = 0) or NaN; else (−1)^s · (1 + m/1024) · 2^(e−15).
 */
export function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 31) return mantissa === 0 ? sign * Infinity : NaN;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

/** Decodes `count` half floats from `bytes` (little- or big-endian) into a Float32Array. */
export function decodeFloat16(bytes: Uint8Array, count: number, littleEndian: boolean): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = halfToNumber(view.getUint16(2 * i, littleEndian));
  return out;
}
