/**
 * Optimisers as PyTorch and optax define them (docs/specs/bench.md §1.7): Adam with
 * β₁ 0.9, β₂ 0.999, ε = 1e-8 added outside the square root, bias-corrected (TF.js's default ε
 * differs by backend, so it is passed explicitly); plain SGD. Both take a new learning rate before
 * any update (the schedule's, ../../train/schedule.ts). Decoupled weight decay (Loshchilov &
 * Hutter's AdamW; torch.optim.AdamW / SGD with decoupled decay), per weight w with rate lr_s:
 *   w ← w·(1 − lr_s·λ), then the optimiser's update from the gradient (which does not see λ),
 * applied to the layers' weights (variables "…/weight"), not to biases or learned decays.
 * Gradient clipping by global norm: g ← g·min(1, c/‖g‖₂).
 */
import * as tf from '@tensorflow/tfjs-core';
import { SpikelabError } from '../../core/errors';
import type { OptimizerName } from '../../train/types';
import { kernelFor } from '../kernels/registry';

/** An optimiser whose learning rate can change between updates. */
export type ScheduledOptimizer = tf.Optimizer & { setLearningRate(lr: number): void };

/** TF.js's Adam with its (protected) learning rate settable, as its SGD already has. */
class ScheduledAdam extends tf.AdamOptimizer {
  setLearningRate(lr: number): void {
    this.learningRate = lr;
  }
}

function scheduled(optimizer: tf.Optimizer): ScheduledOptimizer {
  if (typeof (optimizer as Partial<ScheduledOptimizer>).setLearningRate !== 'function') {
    throw new SpikelabError('INTERNAL', 'The backend\'s Adam has no setLearningRate.', 'Give the registered optimiser a setLearningRate(lr) method.');
  }
  return optimizer as ScheduledOptimizer;
}

export function createOptimizer(name: OptimizerName, lr: number): ScheduledOptimizer {
  if (name === 'sgd') return tf.train.sgd(lr);
  // A backend where TF.js's Adam is slow (cpu: generic elementwise ops) registers the same update in loops.
  const adam = kernelFor('adam');
  return adam ? scheduled(adam(lr, 0.9, 0.999, 1e-8)) : new ScheduledAdam(lr, 0.9, 0.999, 1e-8);
}

/** Whether a program variable ("node/param") takes weight decay: the layers' weights only. */
export function isDecayed(key: string): boolean {
  return key.endsWith('/weight');
}

/** w ← w·(1 − lr·λ) for the decayed variables (before the optimiser's update). */
export function decayWeights(variables: Record<string, tf.Variable>, lr: number, weightDecay: number): void {
  if (!(weightDecay > 0)) return;
  const keep = 1 - lr * weightDecay;
  tf.tidy(() => {
    for (const [key, v] of Object.entries(variables)) if (v.trainable && isDecayed(key)) v.assign(tf.mul(v, keep));
  });
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
