/**
 * Optimisers as PyTorch and optax define them (docs/specs/bench.md §1.7): Adam with
 * β₁ 0.9, β₂ 0.999, ε = 1e-8 added outside the square root, bias-corrected, no weight decay
 * (TF.js's default ε differs by backend, so it is passed explicitly); plain SGD. Gradient
 * clipping by global norm: g ← g·min(1, c/‖g‖₂).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { OptimizerName } from '../../train/types';
import { HostAdam } from '../cpu/hostAdam';

export function createOptimizer(name: OptimizerName, lr: number): tf.Optimizer {
  if (name === 'sgd') return tf.train.sgd(lr);
  // The cpu backend's generic elementwise ops make TF.js's Adam slow there: the same update in loops.
  return tf.getBackend() === 'cpu' ? new HostAdam(lr, 0.9, 0.999, 1e-8) : tf.train.adam(lr, 0.9, 0.999, 1e-8);
}

export function clipByGlobalNorm(grads: tf.NamedTensorMap, maxNorm: number): tf.NamedTensorMap {
  return tf.tidy(() => {
    const squares = Object.values(grads).map((g) => tf.sum(tf.square(g)));
    const norm = tf.sqrt(tf.addN(squares));
    const factor = tf.minimum(1, tf.div(maxNorm, tf.maximum(norm, 1e-12)));
    const clipped: tf.NamedTensorMap = {};
    for (const [k, g] of Object.entries(grads)) clipped[k] = tf.mul(g, factor);
    return clipped;
  });
}
