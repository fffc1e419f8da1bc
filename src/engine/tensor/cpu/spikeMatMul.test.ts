/**
 * The sparse spike matmul against tf.matMul (y = x·Wᵀ, ∂W and ∂x of L = Σ y ⊙ r with a random r)
 * for binary and graded sparse inputs, its dense fallback, and the hook in Program: a W1-shaped
 * network (../../workloads/w1Graph.ts) gives the same loss and weight gradients on the fast and the plain path.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../core/rng';
import { startNodeBackend } from '../runtime/loaders.node';
import { maxError } from '../../../harness/conformance/maxError';
import { Program } from '../program/program';
import { lossValue } from '../train/losses';
import { simdKernels, simdModuleValid } from './simdKernels';
import { simdRowKernel, sparseRows, spikeMatMul, type SpikeMatMulTuning } from './spikeMatMul';
import { w1Graph } from '../../workloads/w1Graph';
import { w1Input } from '../../../harness/bench/cpu/w1Input';

function random(seed: number, n: number, f: (u: number) => number): Float32Array {
  const r = mulberry32(seed);
  return Float32Array.from({ length: n }, () => f(r.uniform()));
}

function compare(M: number, K: number, O: number, x: Float32Array, tuning: SpikeMatMulTuning = {}): void {
  const results = [true, false].map((sparse) => tf.tidy(() => {
    const xs = tf.tensor2d(x, [M, K]);
    const w = tf.tensor2d(random(3, O * K, (u) => u - 0.5), [O, K]);
    const r = tf.tensor2d(random(4, M * O, (u) => 2 * u - 1), [M, O]);
    const mm = (xi: tf.Tensor, wi: tf.Tensor) => (sparse
      ? spikeMatMul(xi as tf.Tensor2D, wi as tf.Tensor2D, { inputGrad: true, ...tuning })
      : tf.matMul(xi, wi, false, true));
    const y = mm(xs, w);
    const [dx, dw] = tf.grads((xi: tf.Tensor, wi: tf.Tensor) => tf.sum(tf.mul(mm(xi, wi), r)))([xs, w]);
    const dwOnly = tf.grad((wi: tf.Tensor) => tf.sum(tf.mul(sparse ? spikeMatMul(xs, wi as tf.Tensor2D, { inputGrad: false, ...tuning }) : mm(xs, wi), r)))(w);
    return [y, dx, dw, dwOnly].map((t) => t.dataSync() as Float32Array);
  }));
  const [got, want] = results;
  ['y', 'dx', 'dW', 'dW (no input gradient)'].forEach((name, i) => {
    const { err, scale } = maxError(got[i], want[i]);
    expect(err, `${name}: scale ${scale}`).toBeLessThanOrEqual(1e-5 * scale + 1e-6);
  });
}

describe('sparse spike matmul', () => {
  beforeAll(async () => {
    await startNodeBackend('cpu');
  });

  it('compresses rows exactly and gives up above the budget', () => {
    const x = Float32Array.from([0, 1, 0, 1, 0, 0, 0, 0, 0.5]);
    const rows = sparseRows(x, 3, 3, 9)!;
    expect(Array.from(rows.rowStart)).toEqual([0, 1, 2, 3]);
    expect(rows.nnz).toBe(3);
    expect(Array.from(rows.cols.subarray(0, 3))).toEqual([1, 0, 2]);
    expect(Array.from(rows.vals!.subarray(0, 3))).toEqual([1, 1, 0.5]);
    expect(sparseRows(x, 3, 3, 2)).toBeNull();
    expect(sparseRows(Float32Array.from([0, 1, 1, 0]), 2, 2, 4)!.vals).toBeNull();
  });

  for (const backend of ['cpu', 'wasm'] as const) {
    it(`matches tf.matMul on binary spikes (${backend})`, async () => {
      await startNodeBackend(backend);
      expect(simdModuleValid()).toBe(true);
      compare(64, 70, 12, random(1, 64 * 70, (u) => (u < 0.05 ? 1 : 0)));
      compare(64, 70, 12, random(1, 64 * 70, (u) => (u < 0.05 ? 1 : 0)), { simd: false });
      compare(30, 21, 6, random(6, 30 * 21, (u) => (u < 0.2 ? 1 : 0))); // O not a multiple of 4: JS sums
      compare(32, 64, 8, random(7, 32 * 64, (u) => (u < 0.05 ? 1 : 0)), { simdInputGrad: true }); // K a multiple of 4: ∂x in SIMD (cpu's registration)
      // O 72: two 32-float register chunks and two single vectors per row; rows with no spike write zeros
      compare(48, 50, 72, random(8, 48 * 50, (u) => (u < 0.03 ? 1 : 0)));
    });
    it(`sums rows in float32 in the order of their entries, empty rows as zeros (${backend})`, async () => {
      await startNodeBackend(backend);
      const k = simdKernels()!;
      const O = 40;
      const rows = sparseRows(Float32Array.from([0, 1, 1, 0, 0, 0, 1, 1, 1]), 3, 3, 9)!; // row 1 empty
      const wt = random(9, 3 * O, (u) => u - 0.5);
      const y = simdRowKernel(k, rows, O, false, wt).slice();
      const want = new Float32Array(3 * O); // float32 sums in the order of the entries: what the kernel must give exactly
      for (let m = 0; m < 3; m++) {
        for (let q = rows.rowStart[m]; q < rows.rowStart[m + 1]; q++) for (let o = 0; o < O; o++) want[m * O + o] = Math.fround(want[m * O + o] + wt[rows.cols[q] * O + o]);
      }
      expect(Array.from(y)).toEqual(Array.from(want));
      expect(y.subarray(O, 2 * O).every((v) => v === 0)).toBe(true);
    });
  }

  it('matches tf.matMul on graded sparse values and in the dense fallback', async () => {
    await startNodeBackend('cpu');
    compare(40, 33, 7, random(2, 40 * 33, (u) => (u < 0.1 ? 4 * u - 0.2 : 0)));
    compare(40, 33, 8, random(2, 40 * 33, (u) => (u < 0.1 ? 4 * u - 0.2 : 0)), { simd: false });
    compare(20, 30, 5, random(5, 600, (u) => u), { maxDensity: 0.1 });
  });

  for (const backend of ['cpu', 'wasm'] as const) {
    it(`gives W1 the same loss and gradients as the plain path (${backend})`, async () => {
      await startNodeBackend(backend);
      const shape = { T: 12, B: 8, H: 16 };
      const run = (path: 'fused' | 'plain') => {
        const program = new Program(w1Graph({ H: shape.H, seed: 1 }), { dt: 1, surrogate: { name: 'superspike', slope: 25 }, detachReset: true, path });
        const { x, labels } = w1Input({ ...shape, seed: 2, p: 0.1 });
        const { value, grads } = tf.variableGrads(() => lossValue(program.forward(x).output, labels, 'integral_ce', { smoothing: 0 }), Object.values(program.variables));
        const out = { loss: value.dataSync()[0], grads: Object.entries(program.variables).map(([k, v]) => [k, grads[v.name].dataSync() as Float32Array] as const) };
        tf.dispose([value, x, labels, ...Object.values(grads)]);
        expect(program.scanPath).toBe(path);
        expect([...program.spikeMatMuls.keys()]).toEqual(path === 'fused' ? ['fc1', 'fc2'] : []);
        program.dispose();
        return out;
      };
      const fast = run('fused');
      const plain = run('plain');
      expect(fast.loss).toBeCloseTo(plain.loss, 5);
      expect(fast.grads.map(([k]) => k)).toEqual(['fc1/weight', 'fc2/weight']);
      fast.grads.forEach(([k, g], i) => {
        const { err, scale } = maxError(g, plain.grads[i][1]);
        expect(scale, k).toBeGreaterThan(0);
        expect(err, k).toBeLessThanOrEqual(1e-4 * scale);
      });
    });
  }
});
