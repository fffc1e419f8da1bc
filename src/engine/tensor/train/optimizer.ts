/**
 * Optimisers as PyTorch and optax define them (docs/specs/bench.md §1.7): Adam with
 * β₁ 0.9, β₂ 0.999, ε = 1e-8 added outside the square root, bias-corrected, no weight decay
 * (TF.js's default ε differs by backend, so it is passed explicitly); plain SGD. Gradient
 * clipping by global norm: g ← g·min(1, c/‖g‖₂).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { OptimizerName } from '../../train/types';
import { kernelFor } from '../kernels/registry';

export function createOptimizer(name: OptimizerName, lr: number): tf.Optimizer {
  if (name === 'sgd') return tf.train.sgd(lr);
  // A backend where TF.js's Adam is slow (cpu: generic elementwise ops) registers the same update in loops.
  const adam = kernelFor('adam') ?? tf.train.adam;
  return adam(lr, 0.9, 0.999, 1e-8);
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
