/**
 * Workload W1 (../shared/specs/webgpu.md, end: the CPU comparison network), time-major:
 *   I1 = x W1 (700 → H, hoisted over T) ; LIF β = 0.95 fixed, θ = 1, subtractive reset detached,
 *   fast sigmoid k = 25 ; I2 = s W2 (H → 20) ; LI β = 0.95 ; logits = Σ_t v ; cross-entropy ; Adam 1e-3.
 * x ~ Bernoulli(0.02) resident bit-packed; W1 ~ U(±2·√(3/700)), W2 ~ U(±0.02/√H) from mulberry32(42).
 * W1 fires s[t] = H(m[t] − θ) after m[t] = β·m[t−1] + I − θ·s[t−1]: that is the contract's 'pre'
 * scan (z_t = H(v_{t−1} − θ), v_t = β·v_{t−1} + u_t − θ·z_t) read one step later, the same work.
 */
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32 } from '../../core/rng';
import { uploadDataset } from '../data/residentDataset';
import { neuronScanFor, type ScanPath } from '../scan/registry';
import type { ScanParams, ScanSpec } from '../scan/types';
import { createOptimizer } from '../train/optimizer';
import type { TrainingWorkload } from './benchTiming';
import { residentWorkload } from './residentWorkload';

const IN = 700;
const OUT = 20;

function bernoulliPacked(n: number, T: number, F: number, p: number, seed: number): Uint8Array {
  const r = mulberry32(seed);
  const Tp = Math.ceil(T / 8);
  const out = new Uint8Array(n * Tp * F);
  for (let s = 0; s < n; s++) {
    for (let t = 0; t < T; t++) for (let f = 0; f < F; f++) if (r.uniform() < p) out[(s * Tp + (t >> 3)) * F + f] |= 0x80 >> (t & 7);
  }
  return out;
}

export function neuronConstants(N: number, beta: number): ScanParams {
  return { beta: tf.fill([N], beta), gainIn: tf.ones([N]), bias: tf.zeros([N]), threshold: tf.ones([N]), vReset: tf.zeros([N]) };
}

export function workloadW1(o: { T: number; B: number; H: number; n: number; path: ScanPath }): TrainingWorkload & { scanPath: ScanPath } {
  const r = mulberry32(42);
  const uniform = (count: number, a: number) => Float32Array.from({ length: count }, () => (2 * r.uniform() - 1) * a);
  const W1 = tf.variable(tf.tensor2d(uniform(IN * o.H, 2 * Math.sqrt(3 / IN)), [IN, o.H]));
  const W2 = tf.variable(tf.tensor2d(uniform(o.H * OUT, 0.02 / Math.sqrt(o.H)), [o.H, OUT]));
  const labels = Uint8Array.from({ length: o.n }, (_, i) => i % OUT);
  const dataset = uploadDataset({ packed: bernoulliPacked(o.n, o.T, IN, 0.02, 7), labels, N: o.n, T: o.T, F: IN });
  const { scan, path } = neuronScanFor(tf.getBackend(), o.path);
  const lif: ScanSpec = { output: 'spikes', synaptic: false, spikeFrom: 'pre', reset: 'subtract', detachReset: true, adaptive: false, surrogate: { name: 'superspike', slope: 25 } };
  const li: ScanSpec = { ...lif, output: 'membrane' };
  const hidden = neuronConstants(o.H, 0.95);
  const readout = neuronConstants(OUT, 0.95);
  const optimizer = createOptimizer('adam', 1e-3);
  return residentWorkload({
    dataset, n: o.n, B: o.B, scanPath: path, optimizer, variables: [W1, W2],
    loss(x, y) {
      const i1 = tf.reshape(tf.matMul(tf.reshape(x, [o.T * o.B, IN]), W1), [o.T, o.B, o.H]);
      const s = scan(i1, hidden, lif).out;
      const i2 = tf.reshape(tf.matMul(tf.reshape(s, [o.T * o.B, o.H]), W2), [o.T, o.B, OUT]);
      const logits = tf.sum(scan(i2, readout, li).out, 0);
      return tf.losses.softmaxCrossEntropy(tf.oneHot(y, OUT), logits) as tf.Scalar;
    },
    disposeModel: () => tf.dispose([W1, W2, ...Object.values(hidden), ...Object.values(readout)]),
  });
}
