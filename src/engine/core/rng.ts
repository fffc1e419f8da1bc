/**
 * mulberry32: the portable 32-bit PRNG of docs/specs/bench.md §1.2, bit-identical to
 * reference/canon.py. A uniform draw is next_u32() / 2^32. Check values for seed 42:
 * 2581720956, 1925393290, 3661312704, 2876485805, 750819978.
 */
export interface Rng {
  nextU32(): number;
  /** Uniform in [0, 1), an exact multiple of 2^−32. */
  uniform(): number;
}

export function mulberry32(seed: number): Rng {
  let a = seed | 0;
  return {
    nextU32() {
      a = (a + 0x6d2b79f5) | 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t = (t + Math.imul(t ^ (t >>> 7), t | 61)) ^ t;
      return (t ^ (t >>> 14)) >>> 0;
    },
    uniform() {
      return this.nextU32() / 4294967296;
    },
  };
}

/** Fisher–Yates with mulberry32 (bench.md §1.9): for i = N−1 … 1, j = ⌊u·(i+1)⌋, swap(i, j). */
export function permutation(n: number, seed: number): Uint32Array {
  const rng = mulberry32(seed);
  const p = Uint32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i >= 1; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    const tmp = p[i];
    p[i] = p[j];
    p[j] = tmp;
  }
  return p;
}
