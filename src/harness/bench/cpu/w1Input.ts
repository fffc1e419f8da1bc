/** A W1 batch (../../../engine/workloads/w1Graph.ts): x ~ Bernoulli(p) [T, B, 700] and labels b mod 20. */
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32 } from '../../../engine/core/rng';
import { W1_CLASSES, W1_INPUTS } from '../../../engine/workloads/w1Graph';

export function w1Input({ T, B, seed = 7, p = 0.02 }: { T: number; B: number; seed?: number; p?: number }): { x: tf.Tensor3D; labels: tf.Tensor1D } {
  const r = mulberry32(seed);
  const x = Float32Array.from({ length: T * B * W1_INPUTS }, () => (r.uniform() < p ? 1 : 0));
  return { x: tf.tensor3d(x, [T, B, W1_INPUTS]), labels: tf.tensor1d(Int32Array.from({ length: B }, (_, b) => b % W1_CLASSES), 'int32') };
}
