/**
 * One step of each optimiser with decoupled weight decay against the formula (./optimizer.ts):
 *   Adam (first step: m̂ = g, v̂ = g²):  w₁ = w₀·(1 − lr·λ) − lr·g/(|g| + ε)
 *   SGD:                               w₁ = w₀·(1 − lr·λ) − lr·g
 * on wasm and cpu (HostAdam, registered as op 'adam' on both), with a learning rate set
 * after construction (the schedule's); biases ("…/bias") take no decay.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { OptimizerName } from '../../train/types';
import { startNodeBackend } from '../runtime/loaders.node';
import { createOptimizer, decayWeights } from './optimizer';

const w0 = [0.5, -1.5, 2, 0.25];
const g = [0.1, -0.3, 0.02, -0.5];
const lr = 0.05;
const lambda = 0.2;

function oneStep(name: OptimizerName, scope: string): { weight: Float32Array; bias: Float32Array } {
  const variables = {
    'fc/weight': tf.variable(tf.tensor1d(w0), true, `${scope}/fc/weight`),
    'fc/bias': tf.variable(tf.tensor1d(w0), true, `${scope}/fc/bias`),
  };
  const optimizer = createOptimizer(name, 1); // the schedule's rate replaces the configured one
  optimizer.setLearningRate(lr);
  decayWeights(variables, lr, lambda);
  const grads = tf.tidy(() => ({ [variables['fc/weight'].name]: tf.tensor1d(g), [variables['fc/bias'].name]: tf.tensor1d(g) }));
  optimizer.applyGradients(grads);
  tf.dispose(Object.values(grads));
  const out = { weight: variables['fc/weight'].dataSync().slice() as Float32Array, bias: variables['fc/bias'].dataSync().slice() as Float32Array };
  optimizer.dispose();
  tf.dispose(Object.values(variables));
  return out;
}

describe('decoupled weight decay and a settable learning rate', () => {
  afterAll(() => startNodeBackend('wasm'));

  for (const backend of ['wasm', 'cpu'] as const) {
    it(`takes one AdamW step and one SGD step as the formula says (${backend})`, async () => {
      await startNodeBackend(backend);
      const adam = oneStep('adam', `${backend}-adam`);
      adam.weight.forEach((w, i) => expect(w).toBeCloseTo(w0[i] * (1 - lr * lambda) - (lr * g[i]) / (Math.abs(g[i]) + 1e-8), 5));
      adam.bias.forEach((w, i) => expect(w).toBeCloseTo(w0[i] - (lr * g[i]) / (Math.abs(g[i]) + 1e-8), 5));
      const sgd = oneStep('sgd', `${backend}-sgd`);
      sgd.weight.forEach((w, i) => expect(w).toBeCloseTo(w0[i] * (1 - lr * lambda) - lr * g[i], 6));
      sgd.bias.forEach((w, i) => expect(w).toBeCloseTo(w0[i] - lr * g[i], 6));
    });
  }
});
