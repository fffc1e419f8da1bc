/**
 * For the conv and pool conformance tests: `actual` equals `expected` to float32 tolerance,
 * |a − e| ≤ 1e-5 · max|e| + 1e-6 for every element, with the worst difference in the message.
 */
import { expect } from 'vitest';

export function expectClose(actual: Float32Array, expected: Float32Array, what: string): void {
  expect(actual.length, what).toBe(expected.length);
  const scale = expected.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  let worst = 0;
  actual.forEach((v, i) => { worst = Math.max(worst, Math.abs(v - expected[i])); });
  expect(worst, `${what}: max |Δ| against a scale of ${scale}`).toBeLessThanOrEqual(1e-5 * scale + 1e-6);
}
