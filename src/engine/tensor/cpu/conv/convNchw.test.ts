/**
 * Conformance of the CPU path's channel-first conv and pooling (ops 'conv2dNchw' and 'pool2dNchw':
 * ./convNchwKernels.ts, ./poolNchwKernels.ts, on wasm and cpu) against TF.js's own ops on the cpu
 * backend (the reference: transposes to NHWC, tf.pad, tf.conv2d / tf.avgPool, the bias added):
 * y and the gradients of x, weight and bias, with symmetric and one-sided padding, strides, channel
 * counts that are no multiple of 4, more images than one scratch chunk, with and without bias;
 * dense values and sparse spikes / event counts (the scatter skips zeros).
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Pads2d } from '../../kernels/conv2dNchw';
import { kernelFor } from '../../kernels/registry';
import { startNodeBackend } from '../../runtime/loaders.node';
import { expectClose } from './expectClose';
import { values, type Input } from './testInputs';

interface ConvCase {
  x: [number, number, number, number];
  w: [number, number, number, number];
  strides: [number, number];
  pads: Pads2d;
  bias: boolean;
  input: Input;
  density?: number;
}

const CONV_CASES: ConvCase[] = [
  { x: [3, 2, 34, 34], w: [8, 2, 5, 5], strides: [2, 2], pads: [1, 1, 1, 1], bias: true, input: 'counts', density: 0.03 }, // the template's conv1
  { x: [3, 8, 8, 8], w: [16, 8, 3, 3], strides: [1, 1], pads: [1, 1, 1, 1], bias: true, input: 'spikes', density: 0.2 }, // its conv2
  { x: [2, 3, 7, 6], w: [5, 3, 2, 3], strides: [1, 1], pads: [0, 1, 1, 1], bias: true, input: 'dense' }, // 'same' for an even kernel: one-sided
  { x: [2, 5, 9, 8], w: [6, 5, 3, 2], strides: [2, 1], pads: [2, 2, 0, 0], bias: false, input: 'dense' },
  { x: [40, 2, 12, 11], w: [12, 2, 5, 5], strides: [1, 1], pads: [0, 0, 0, 0], bias: false, input: 'spikes', density: 0.05 }, // several chunks
  { x: [2, 36, 6, 7], w: [5, 36, 3, 3], strides: [1, 2], pads: [1, 1, 2, 2], bias: true, input: 'spikes', density: 0.3 }, // ∂x in two register blocks
];

interface PoolCase {
  kind: 'avg' | 'sum';
  x: [number, number, number, number];
  kernel: [number, number];
  strides: [number, number];
  pads: [number, number];
}

const POOL_CASES: PoolCase[] = [
  { kind: 'sum', x: [3, 8, 16, 16], kernel: [2, 2], strides: [2, 2], pads: [0, 0] }, // the template's SumPool
  { kind: 'avg', x: [3, 16, 8, 8], kernel: [2, 2], strides: [2, 2], pads: [0, 0] }, // its AvgPool
  { kind: 'avg', x: [2, 3, 9, 7], kernel: [3, 2], strides: [1, 2], pads: [1, 1] }, // overlapping, padded (zeros counted)
  { kind: 'sum', x: [2, 5, 6, 9], kernel: [3, 3], strides: [2, 3], pads: [1, 0] },
  { kind: 'avg', x: [2, 3, 7, 9], kernel: [2, 2], strides: [2, 2], pads: [0, 0] }, // 2×2 halving, a row and a column left out
];

const nhwc = (x: tf.Tensor4D) => tf.transpose(x, [0, 2, 3, 1]);
const nchw = (x: tf.Tensor4D) => tf.transpose(x, [0, 3, 1, 2]);

/** TF.js's own ops: the reference. */
function referenceConv(c: ConvCase) {
  const [pt, pb, pl, pr] = c.pads;
  return (x: tf.Tensor4D, w: tf.Tensor4D, b?: tf.Tensor1D) => {
    const y = tf.conv2d(tf.pad(nhwc(x), [[0, 0], [pt, pb], [pl, pr], [0, 0]]), tf.transpose(w, [2, 3, 1, 0]) as tf.Tensor4D, c.strides, 'valid');
    return nchw(b ? tf.add(y, b) : y);
  };
}

function referencePool(c: PoolCase) {
  const [ph, pw] = c.pads;
  return (x: tf.Tensor4D) => {
    const y = tf.avgPool(tf.pad(nhwc(x), [[0, 0], [ph, ph], [pw, pw], [0, 0]]), c.kernel, c.strides, 'valid');
    return nchw(c.kind === 'sum' ? tf.mul(y, c.kernel[0] * c.kernel[1]) : y);
  };
}

type Conv = (x: tf.Tensor4D, w: tf.Tensor4D, b?: tf.Tensor1D) => tf.Tensor4D;

/** y and the gradients of L = Σ y·u through `conv` (u random) on the active backend. */
function runConv(c: ConvCase, conv: Conv): Float32Array[] {
  return tf.tidy(() => {
    const x = tf.tensor4d(values(c.x, 1, c.input, c.density), c.x);
    const w = tf.tensor4d(values(c.w, 2, 'dense'), c.w);
    const b = tf.tensor1d(values([c.w[0]], 4, 'dense'));
    const inputs = c.bias ? [x, w, b] : [x, w];
    const y = conv(x, w, c.bias ? b : undefined);
    const u = tf.tensor(values(y.shape, 3, 'dense'), y.shape);
    const grads = tf.grads((...t: tf.Tensor[]) => tf.sum(tf.mul(conv(t[0] as tf.Tensor4D, t[1] as tf.Tensor4D, t[2] as tf.Tensor1D | undefined), u)))(inputs);
    return [y, ...grads].map((t) => t.dataSync() as Float32Array);
  });
}

function runPool(c: PoolCase, pool: (x: tf.Tensor4D) => tf.Tensor4D): Float32Array[] {
  return tf.tidy(() => {
    const x = tf.tensor4d(values(c.x, 1, 'spikes', 0.2), c.x);
    const y = pool(x);
    const u = tf.tensor(values(y.shape, 2, 'dense'), y.shape);
    const dx = tf.grad((a: tf.Tensor) => tf.sum(tf.mul(pool(a as tf.Tensor4D), u)))(x);
    return [y, dx].map((t) => t.dataSync() as Float32Array);
  });
}

const convLabel = (c: ConvCase) => `x [${c.x.join(', ')}], w [${c.w.join(', ')}], strides ${c.strides.join('×')}, pads ${c.pads.join(',')}${c.bias ? ', bias' : ''}, ${c.input}`;
const poolLabel = (c: PoolCase) => `${c.kind} ${c.kernel.join('×')}/${c.strides.join('×')} pads ${c.pads.join(',')} of [${c.x.join(', ')}]`;

describe('channel-first conv2d and pooling on the CPU path against TF.js', () => {
  const convRef = new Map<ConvCase, Float32Array[]>();
  const poolRef = new Map<PoolCase, Float32Array[]>();
  beforeAll(async () => {
    await startNodeBackend('cpu');
    for (const c of CONV_CASES) convRef.set(c, runConv(c, referenceConv(c)));
    for (const c of POOL_CASES) poolRef.set(c, runPool(c, referencePool(c)));
  });

  for (const backend of ['cpu', 'wasm'] as const) {
    it(`gives TF.js's y, ∂x, ∂w and ∂b of the conv on ${backend}`, async () => {
      await startNodeBackend(backend);
      const op = kernelFor('conv2dNchw', backend)!;
      for (const c of CONV_CASES) {
        const ours = runConv(c, op({ strides: c.strides, pads: c.pads }));
        const ref = convRef.get(c)!;
        ['y', '∂x', '∂w', '∂b'].slice(0, ref.length).forEach((what, i) => expectClose(ours[i], ref[i], `${what}, ${convLabel(c)}`));
      }
    });

    it(`gives TF.js's y and ∂x of sum and average pooling on ${backend}`, async () => {
      await startNodeBackend(backend);
      const op = kernelFor('pool2dNchw', backend)!;
      for (const c of POOL_CASES) {
        const ours = runPool(c, op(c.kind, c.kernel, c.strides, c.pads));
        const ref = poolRef.get(c)!;
        expectClose(ours[0], ref[0], `y, ${poolLabel(c)}`);
        expectClose(ours[1], ref[1], `∂x, ${poolLabel(c)}`);
      }
    });
  }

  it('runs no ∂x kernel for a first layer, and leaves no tensor behind', async () => {
    await startNodeBackend('wasm');
    const c = CONV_CASES[0];
    const conv = kernelFor('conv2dNchw')!({ strides: c.strides, pads: c.pads });
    const before = tf.memory().numTensors;
    const { kernelNames } = await tf.profile(() => {
      tf.tidy(() => {
        const x = tf.tensor4d(values(c.x, 1, c.input, c.density), c.x);
        const w = tf.tensor4d(values(c.w, 2, 'dense'), c.w);
        const b = tf.zeros([c.w[0]]) as tf.Tensor1D;
        tf.grads((wi: tf.Tensor, bi: tf.Tensor) => tf.sum(conv(x, wi as tf.Tensor4D, bi as tf.Tensor1D)))([w, b]);
      });
      return [];
    });
    expect(kernelNames).toContain('SpikelabConv2DNchwBackpropFilter');
    expect(kernelNames).not.toContain('SpikelabConv2DNchwBackpropInput');
    expect(kernelNames).not.toContain('Transpose');
    expect(tf.memory().numTensors).toBe(before);
  });
});
