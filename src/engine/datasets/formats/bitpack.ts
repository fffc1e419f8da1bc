/**
 * Bit packing along time, in NumPy's `np.packbits(axis=time)` order (bitorder "big", as Spyx):
 * time step t of feature f lives in byte `⌊t/8⌋` at bit `7 − (t mod 8)`; the tail of the last
 * byte is zero. A packed sample is `[Tp = ⌈T/8⌉, F]` bytes, row-major, so byte index
 * `i = (s·Tp + ⌊t/8⌋)·F + f` for sample s of a `[N, Tp, F]` block (the WGSL formula of
 * docs/specs/bench.md §1.8 reads the same bytes).
 */
export function packedSteps(T: number): number {
  return Math.ceil(T / 8);
}

/**
 * A `[N, Tp, F]` block whose bytes come from `byte()` in index order, with the tail bits past T
 * zeroed as np.packbits leaves them (random data for tests and benchmarks).
 */
export function packedFrom(N: number, T: number, F: number, byte: () => number): Uint8Array {
  const Tp = packedSteps(T);
  const packed = Uint8Array.from({ length: N * Tp * F }, byte);
  if (T % 8 === 0) return packed;
  const kept = (0xff << (8 - (T % 8))) & 0xff; // the bits of steps t < T in each sample's last byte row
  for (let row = (Tp - 1) * F; row < packed.length; row += Tp * F) {
    for (let f = 0; f < F; f++) packed[row + f] &= kept;
  }
  return packed;
}

/** Packs a 0/1 raster `[T, F]` (any non-zero counts as a spike) into `out[offset …]` as `[Tp, F]`. */
export function packRasterInto(raster: ArrayLike<number>, T: number, F: number, out: Uint8Array, offset = 0): void {
  const Tp = packedSteps(T);
  out.fill(0, offset, offset + Tp * F);
  for (let t = 0; t < T; t++) {
    const bit = 0x80 >> (t & 7);
    const row = offset + (t >> 3) * F;
    const src = t * F;
    for (let f = 0; f < F; f++) if (raster[src + f] !== 0) out[row + f] |= bit;
  }
}

/** Sets spike (t, f) in a packed sample that starts at `offset` (idempotent: spikes are binary). */
export function setSpike(out: Uint8Array, offset: number, F: number, t: number, f: number): void {
  out[offset + (t >> 3) * F + f] |= 0x80 >> (t & 7);
}

/** Reads spike (t, f) of a packed sample that starts at `offset`: 0 or 1. */
export function spikeAt(packed: Uint8Array, offset: number, F: number, t: number, f: number): number {
  return (packed[offset + (t >> 3) * F + f] >> (7 - (t & 7))) & 1;
}

/**
 * Unpacks sample s of a `[N, Tp, F]` block into `out` at `out[t·stride + base + f]`, for t < T.
 * With stride = F and base = 0 this is a `[T, F]` sample; with stride = B·F and base = b·F it is
 * column b of a time-major `[T, B, F]` batch.
 */
export function unpackSampleInto(
  packed: Uint8Array, s: number, T: number, F: number, out: Float32Array, stride: number, base: number,
): void {
  const Tp = packedSteps(T);
  const start = s * Tp * F;
  for (let t = 0; t < T; t++) {
    const shift = 7 - (t & 7);
    const row = start + (t >> 3) * F;
    const dst = t * stride + base;
    for (let f = 0; f < F; f++) out[dst + f] = (packed[row + f] >> shift) & 1;
  }
}

/** Number of set bits among the first T steps of a packed block (tail padding bits are never set). */
export function countSpikes(packed: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < packed.length; i++) {
    let b = packed[i];
    while (b) {
      b &= b - 1;
      n++;
    }
  }
  return n;
}
