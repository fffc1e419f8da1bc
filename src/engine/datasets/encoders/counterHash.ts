/**
 * A counter-based random number: a pure function of (seed, sample, t, feature), so the same spike
 * train comes out on any machine, in any order, on the CPU here or later in a WGSL kernel.
 * Mixer: Chris Wellons' "lowbias32" (xor-shift / multiply, 32-bit unsigned), applied as a chain
 *   h = mix(seed ⊕ mix(sample ⊕ mix(t ⊕ mix(feature))))
 * Only u32 xor, shift and wrapping multiply (Math.imul): a WGSL port is line for line.
 * uniform01 takes the top 24 bits, so the float is exact in float32: k / 2²⁴, k ∈ [0, 2²⁴).
 */
export function lowbias32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

export function counterHash(seed: number, sample: number, t: number, feature: number): number {
  return lowbias32((seed ^ lowbias32((sample ^ lowbias32((t ^ lowbias32(feature >>> 0)) >>> 0)) >>> 0)) >>> 0);
}

export function uniform01(seed: number, sample: number, t: number, feature: number): number {
  return (counterHash(seed, sample, t, feature) >>> 8) / 16777216;
}
