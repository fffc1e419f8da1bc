/**
 * LZF decompression (liblzf's lzf_d.c, as h5py's filter 32000 stores chunks: raw LZF, no
 * header) with an output cap, or only counting when `out` is null. h5py's filter grows its
 * buffer while the output does not fit; here a chunk may not pass its declared size.
 */
import { InflateError, InflateOverflow } from './inflate';

export function lzfDecompress(input: Uint8Array, from: number, to: number, out: Uint8Array | null, cap: number): number {
  let ip = from;
  let op = 0;
  while (ip < to) {
    const ctrl = input[ip++];
    if (ctrl < 32) {
      const n = ctrl + 1;
      if (op + n > cap) throw new InflateOverflow(cap);
      if (ip + n > to) throw new InflateError('an LZF literal run past the end of the chunk');
      out?.set(input.subarray(ip, ip + n), op);
      ip += n;
      op += n;
      continue;
    }
    let len = ctrl >> 5;
    if (ip >= to) throw new InflateError('an LZF back-reference cut short');
    if (len === 7) {
      len += input[ip++];
      if (ip >= to) throw new InflateError('an LZF back-reference cut short');
    }
    const distance = ((ctrl & 0x1f) << 8) + input[ip++] + 1;
    len += 2;
    if (op + len > cap) throw new InflateOverflow(cap);
    if (distance > op) throw new InflateError('an LZF back-reference before the start');
    if (out) for (let i = 0; i < len; i++, op++) out[op] = out[op - distance];
    else op += len;
  }
  return op;
}
