/**
 * How the conformance suites and tests measure a result a against its reference b:
 * err = max_i |a_i − b_i| and scale = max_i |b_i|. A NaN in either makes err (or scale) NaN, so a
 * check written as `err <= tolerance` fails on it.
 */
export function maxError(a: ArrayLike<number>, b: ArrayLike<number>): { err: number; scale: number } {
  let err = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    err = Math.max(err, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return { err, scale };
}

/** err / scale (Infinity where the lengths differ). */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const { err, scale } = maxError(a, b);
  return a.length === b.length ? err / Math.max(scale, 1e-30) : Infinity;
}
