/**
 * The SIMD y ← a·x (+ y) of ./scaledRows.ts against a float32 loop: both forms, a row of 4 floats
 * and a longer one, and the floats outside the row left alone.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../core/rng';
import { scaledRowsOver } from './scaledRows';

describe('scaledRow (y ← a·x + y in WebAssembly SIMD)', () => {
  it('writes a·x or adds it to y, in float32, over exactly n floats', () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const kernel = scaledRowsOver(memory);
    expect(kernel).not.toBeNull();
    const f32 = new Float32Array(memory.buffer);
    const r = mulberry32(7);
    for (const n of [4, 132]) {
      for (const add of [0, 1]) {
        const [x, a, y] = [0, 4 * 256, 4 * 260]; // byte offsets: x [n], a, y [n] and a guard float after it
        const xs = Float32Array.from({ length: n }, () => r.uniform() * 4 - 2);
        const ys = Float32Array.from({ length: n + 1 }, () => r.uniform() - 0.5);
        const scale = Math.fround(r.uniform() * 3 - 1);
        f32.set(xs, x / 4);
        f32[a / 4] = scale;
        f32.set(ys, y / 4);
        kernel!.scaledRow(x, a, y, n, add);
        const want = new Float32Array(n).map((_, i) => (add ? Math.fround(Math.fround(scale * xs[i]) + ys[i]) : Math.fround(scale * xs[i])));
        expect(Array.from(f32.subarray(y / 4, y / 4 + n)), `n ${n}, add ${add}`).toEqual(Array.from(want));
        expect(f32[y / 4 + n], `n ${n}, add ${add}: the float after the row`).toBe(ys[n]);
      }
    }
  });
});
