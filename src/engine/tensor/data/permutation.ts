/**
 * Epoch permutations (docs/specs/bench.md §1.9).
 *   devicePermutation: on the device, no host copy: the order of N uniform keys drawn by TF.js
 *     (top-k of the keys), for timing runs.
 *   fisherYates: the bit-exact cross-check order (Fisher–Yates, mulberry32(1000 + epoch)),
 *     uploaded once per epoch.
 */
import * as tf from '@tensorflow/tfjs-core';
import { permutation } from '../../core/rng';

export function devicePermutation(N: number, seed: number): tf.Tensor1D {
  return tf.tidy(() => tf.topk(tf.randomUniform([N], 0, 1, 'float32', seed), N, false).indices as tf.Tensor1D);
}

/** The bit-exact cross-check order as int32 (TF.js index dtype): ../../core/rng.ts permutation(N, 1000 + epoch). */
export function fisherYates(N: number, epoch: number): Int32Array {
  return Int32Array.from(permutation(N, 1000 + epoch));
}
