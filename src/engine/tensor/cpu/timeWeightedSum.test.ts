/**
 * Op 'timeWeightedSum' (./timeWeightedSum.ts) against TF.js (Σ_t c_t·x_t by tf.mul and tf.sum, and
 * its gradient, as a loop and as a broadcast multiply), on wasm and cpu: from x's values (graded x
 * with zeros) and from spike rows handed over for it (./spikeMatMul.ts rememberRows), which must
 * give the same sums.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../core/rng';
import { maxError } from '../../../harness/conformance/maxError';
import { startNodeBackend } from '../runtime/loaders.node';
import { rememberRows, sparseRows } from './spikeMatMul';
import { timeWeightedSumCpu } from './timeWeightedSum';

const [T, B, H] = [7, 3, 10];

describe('time-weighted sum over the steps', () => {
  beforeAll(async () => {
    await startNodeBackend('wasm');
    await startNodeBackend('cpu');
  });

  for (const backend of ['wasm', 'cpu'] as const) {
    it(`gives TF.js's sum and gradient, from values and from spike rows (${backend})`, async () => {
      await tf.setBackend(backend);
      const r = mulberry32(3);
      const c = Float32Array.from({ length: T }, (_, t) => 1 + 0.9 * (T - 1 - t));
      const dy = tf.tensor2d(Float32Array.from({ length: B * H }, () => r.uniform() - 0.5), [B, H]);
      const graded = Float32Array.from({ length: T * B * H }, () => (r.uniform() < 0.3 ? r.uniform() : 0));
      const binary = graded.map((v) => (v > 0 ? 1 : 0));
      for (const values of [graded, binary]) {
        const x = tf.tensor3d(values, [T, B, H]);
        if (values === binary) rememberRows(x, sparseRows(values, T * B, H, T * B * H)!);
        const weights = tf.tensor3d(c, [T, 1, 1]);
        const want = tf.sum(tf.mul(x, weights), 0).dataSync() as Float32Array;
        const got = timeWeightedSumCpu(x, c).dataSync() as Float32Array;
        expect(maxError(got, want).err).toBeLessThanOrEqual(1e-6 * maxError(got, want).scale);
        const gradWant = tf.grad((xi: tf.Tensor) => tf.sum(tf.mul(tf.sum(tf.mul(xi, weights), 0), dy)))(x).dataSync() as Float32Array;
        for (const broadcastGrad of [false, true]) {
          const gradGot = tf.grad((xi: tf.Tensor) => tf.sum(tf.mul(timeWeightedSumCpu(xi, c, { broadcastGrad }), dy)))(x).dataSync() as Float32Array;
          expect(maxError(gradGot, gradWant).scale).toBeGreaterThan(0);
          expect(maxError(gradGot, gradWant).err).toBeLessThanOrEqual(1e-6 * maxError(gradGot, gradWant).scale);
        }
        tf.dispose([x, weights]);
      }
      dy.dispose();
    });
  }
});
