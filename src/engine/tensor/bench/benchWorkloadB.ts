/**
 * Workload B (NMNIST-CSNN, ../shared/specs/bench.md §3) as a timed training step, channel
 * multiplier m, layer by layer over all T (convolutions fold time into the batch, each LIF is one
 * scan): Conv 5×5 VALID 2→12m, LIF, MaxPool 2, Conv 5×5 12m→32m, LIF, MaxPool 2, Flatten,
 * Linear 800m→10, LI; scalar learnable β (0.5) per layer, θ = 1, Spyx semantics, SuperSpike
 * k = 25, integral cross-entropy (0.3), Adam 2e-2. Runs NHWC (TF.js's layout), so the flatten
 * order is (h, w, c) rather than (c, h, w) and the conv weights are drawn HWIO: the same work,
 * not the same numbers. Data: synthetic [N, 2, 34, 34] spike frames at density 0.05, resident
 * bit-packed along T, unpacked on the device per batch.
 */
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32 } from '../../core/rng';
import { uploadDataset } from '../data/residentDataset';
import { neuronScanFor, type ScanPath } from '../scan/registry';
import type { ScanSpec } from '../scan/types';
import { lossValue } from '../train/losses';
import { createOptimizer } from '../train/optimizer';
import type { TrainingWorkload } from './benchTiming';
import { residentWorkload } from './residentWorkload';
import { conv2dWithWasmGradient } from '../program/conv2dWasm';

const SIDE = 34;
const F = 2 * SIDE * SIDE;

export function workloadB(o: { T: number; B: number; m: number; n: number; path: ScanPath }): TrainingWorkload & { scanPath: ScanPath } {
  // wasm has no Conv2DBackpropFilter kernel; the engine's variant computes that gradient there.
  const conv = tf.getBackend() === 'wasm' ? conv2dWithWasmGradient([1, 1])
    : (x: tf.Tensor4D, w: tf.Tensor4D) => tf.conv2d(x, w, 1, 'valid');
  const r = mulberry32(42);
  const weight = (shape: number[], fanIn: number) => {
    const a = 1.7321 / Math.sqrt(fanIn);
    return tf.variable(tf.tensor(Float32Array.from({ length: shape.reduce((x, y) => x * y, 1) }, () => (2 * r.uniform() - 1) * a), shape));
  };
  const c1 = 12 * o.m;
  const c2 = 32 * o.m;
  const Wc1 = weight([5, 5, 2, c1], 2 * 25);
  const Wc2 = weight([5, 5, c1, c2], c1 * 25);
  const W3 = tf.variable(tf.tensor2d(Float32Array.from({ length: 800 * o.m * 10 }, () => (2 * r.uniform() - 1) * (1.5235 / Math.sqrt(800 * o.m))), [800 * o.m, 10]));
  const betas = [0, 1, 2].map(() => tf.variable(tf.scalar(0.5)));
  const rd = mulberry32(11);
  const Tp = Math.ceil(o.T / 8);
  const packed = new Uint8Array(o.n * Tp * F);
  for (let i = 0; i < packed.length; i++) for (let k = 0; k < 8; k++) if (rd.uniform() < 0.05) packed[i] |= 1 << k;
  if (o.T % 8) for (let i = 0; i < packed.length; i++) if (Math.floor(i / F) % Tp === Tp - 1) packed[i] &= (0xff << (8 - (o.T % 8))) & 0xff;
  const dataset = uploadDataset({ packed, labels: Uint8Array.from({ length: o.n }, (_, i) => i % 10), N: o.n, T: o.T, F });
  const { scan, path } = neuronScanFor(tf.getBackend(), o.path);
  const lif: ScanSpec = { output: 'spikes', synaptic: false, spikeFrom: 'pre', reset: 'subtract', detachReset: false, adaptive: false, surrogate: { name: 'superspike', slope: 25 } };
  const layer = (current: tf.Tensor, beta: tf.Variable, spec: ScanSpec) => {
    const [T, B, N] = current.shape;
    const params = { beta: tf.broadcastTo(beta, [N]), gainIn: tf.ones([N]), bias: tf.zeros([N]), threshold: tf.ones([N]), vReset: tf.zeros([N]) };
    return tf.reshape(scan(current, params, spec).out, [T * B, N]);
  };
  const optimizer = createOptimizer('adam', 2e-2);
  const TB = o.T * o.B;
  const forward = (x: tf.Tensor) => {
    const frames = tf.transpose(tf.reshape(x, [TB, 2, SIDE, SIDE]), [0, 2, 3, 1]) as tf.Tensor4D;
    const a1 = conv(frames, Wc1 as tf.Tensor4D); // [TB, 30, 30, c1]
    const s1 = tf.reshape(layer(tf.reshape(a1, [o.T, o.B, 30 * 30 * c1]), betas[0], lif), [TB, 30, 30, c1]) as tf.Tensor4D;
    const a2 = conv(tf.maxPool(s1, 2, 2, 'valid'), Wc2 as tf.Tensor4D); // [TB, 11, 11, c2]
    const s2 = tf.reshape(layer(tf.reshape(a2, [o.T, o.B, 11 * 11 * c2]), betas[1], lif), [TB, 11, 11, c2]) as tf.Tensor4D;
    const flat = tf.reshape(tf.maxPool(s2, 2, 2, 'valid'), [TB, 800 * o.m]);
    const i3 = tf.reshape(tf.matMul(flat, W3), [o.T, o.B, 10]);
    return tf.reshape(layer(i3, betas[2], { ...lif, output: 'membrane' }), [o.T, o.B, 10]);
  };
  return residentWorkload({
    dataset, n: o.n, B: o.B, scanPath: path, optimizer, variables: [Wc1, Wc2, W3, ...betas],
    loss(x, y) {
      return lossValue(forward(x), y, 'integral_ce', { smoothing: 0.3 });
    },
    disposeModel: () => tf.dispose([Wc1, Wc2, W3, ...betas]),
  });
}
