/**
 * The checksums of the HDF5 format, as the library computes them:
 *  - lookup3 (Bob Jenkins' hashlittle, initval 0): version-2 metadata (object headers, B-tree
 *    v2 nodes, fractal heap, fixed and extensible array blocks), stored little-endian;
 *  - Fletcher-32 of the fletcher32 filter (H5checksum.c: 16-bit big-endian words, sums
 *    reduced every 360 words), which also accepts the byte-swapped value files before 1.6.3 wrote;
 *  - Adler-32, the trailer of a zlib stream (RFC 1950).
 */

function rot(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

export function lookup3(k: Uint8Array, from: number, length: number, initval = 0): number {
  let a = (0xdeadbeef + length + initval) | 0;
  let b = a;
  let c = a;
  let i = from;
  let n = length;
  while (n > 12) {
    a = (a + (k[i] | (k[i + 1] << 8) | (k[i + 2] << 16) | (k[i + 3] << 24))) | 0;
    b = (b + (k[i + 4] | (k[i + 5] << 8) | (k[i + 6] << 16) | (k[i + 7] << 24))) | 0;
    c = (c + (k[i + 8] | (k[i + 9] << 8) | (k[i + 10] << 16) | (k[i + 11] << 24))) | 0;
    a = (a - c) | 0; a ^= rot(c, 4); c = (c + b) | 0;
    b = (b - a) | 0; b ^= rot(a, 6); a = (a + c) | 0;
    c = (c - b) | 0; c ^= rot(b, 8); b = (b + a) | 0;
    a = (a - c) | 0; a ^= rot(c, 16); c = (c + b) | 0;
    b = (b - a) | 0; b ^= rot(a, 19); a = (a + c) | 0;
    c = (c - b) | 0; c ^= rot(b, 4); b = (b + a) | 0;
    n -= 12;
    i += 12;
  }
  if (n === 0) return c >>> 0;
  // The last 1–12 bytes, added into a, b, c as hashlittle's switch does (little-endian words).
  for (let j = 0; j < n; j++) {
    const add = k[i + j] << ((j & 3) * 8);
    if (j < 4) a = (a + add) | 0;
    else if (j < 8) b = (b + add) | 0;
    else c = (c + add) | 0;
  }
  c ^= b; c = (c - rot(b, 14)) | 0;
  a ^= c; a = (a - rot(c, 11)) | 0;
  b ^= a; b = (b - rot(a, 25)) | 0;
  c ^= b; c = (c - rot(b, 16)) | 0;
  a ^= c; a = (a - rot(c, 4)) | 0;
  b ^= a; b = (b - rot(a, 14)) | 0;
  c ^= b; c = (c - rot(b, 24)) | 0;
  return c >>> 0;
}

export function fletcher32(data: Uint8Array, from: number, length: number): number {
  let sum1 = 0;
  let sum2 = 0;
  let i = from;
  let words = length >>> 1;
  while (words > 0) {
    let t = Math.min(words, 360);
    words -= t;
    do {
      sum1 += (data[i] << 8) | data[i + 1];
      i += 2;
      sum2 += sum1;
    } while (--t);
    sum1 = (sum1 & 0xffff) + (sum1 >>> 16);
    sum2 = (sum2 & 0xffff) + (sum2 >>> 16);
  }
  if (length % 2) {
    sum1 += data[i] << 8;
    sum2 += sum1;
    sum1 = (sum1 & 0xffff) + (sum1 >>> 16);
    sum2 = (sum2 & 0xffff) + (sum2 >>> 16);
  }
  sum1 = (sum1 & 0xffff) + (sum1 >>> 16);
  sum2 = (sum2 & 0xffff) + (sum2 >>> 16);
  return ((sum2 << 16) | sum1) >>> 0;
}

/** The same value with the bytes of each 16-bit half swapped (the pre-1.6.3 little-endian value). */
export function swappedHalves(value: number): number {
  return (((value & 0x00ff00ff) << 8) | ((value >>> 8) & 0x00ff00ff)) >>> 0;
}

export function adler32(data: Uint8Array, from: number, to: number): number {
  let a = 1;
  let b = 0;
  for (let i = from; i < to;) {
    const stop = Math.min(to, i + 3800);
    for (; i < stop; i++) {
      a += data[i];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}
