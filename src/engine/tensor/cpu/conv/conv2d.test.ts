/**
 * Conformance of the CPU path's conv2d (./conv2dKernels.ts, op 'conv2d' on wasm and cpu) against
 * TF.js's own tf.conv2d and its gradients on the cpu backend (the reference): y, ∂x and ∂filter at
 * several shapes, strides and channel counts (multiples of 4 and not, more than one register block
 * of ∂x), for dense random inputs, sparse binary spikes and sparse event counts; the SIMD module and
 * the JS loops (./convCompute.ts without an arena); and the first-layer case, where the tape asks for
 * ∂filter only and the dense ∂x kernel never runs.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { kernelFor } from '../../kernels/registry';
import { startNodeBackend } from '../../runtime/loaders.node';
import { convFilterGrad, convForward, convInputGrad } from './convCompute';
import { convGeometry } from './convGeometry';
import { conv2dCpu } from './conv2dKernels';
import { expectClose } from './expectClose';
import { values, type Input } from './testInputs';

interface Case {
  x: [number, number, number, number];
  f: [number, number, number, number];
  strides: [number, number];
  input: Input;
  density?: number;
}

const CASES: Case[] = [
  { x: [2, 7, 6, 3], f: [3, 2, 3, 4], strides: [1, 1], input: 'dense' },
  { x: [2, 7, 6, 3], f: [3, 2, 3, 4], strides: [2, 2], input: 'dense' },
  { x: [3, 12, 11, 2], f: [5, 5, 2, 12], strides: [1, 1], input: 'spikes', density: 0.05 }, // workload B's first layer
  { x: [2, 15, 15, 12], f: [5, 5, 12, 32], strides: [1, 1], input: 'spikes', density: 0.1 }, // workload B's second layer
  { x: [2, 36, 36, 2], f: [5, 5, 2, 8], strides: [2, 2], input: 'counts', density: 0.03 }, // the template's first layer, padded
  { x: [2, 10, 10, 8], f: [3, 3, 8, 16], strides: [1, 1], input: 'spikes', density: 0.2 }, // the template's second layer, padded
  { x: [2, 9, 8, 5], f: [2, 3, 5, 6], strides: [2, 1], input: 'dense' }, // channels padded to 4 lanes
  { x: [1, 6, 7, 36], f: [3, 3, 36, 5], strides: [1, 2], input: 'spikes', density: 0.3 }, // ∂x in two register blocks
];

const label = (c: Case) => `x [${c.x.join(', ')}], filter [${c.f.join(', ')}], strides ${c.strides.join('×')}, ${c.input}`;

interface Result {
  y: Float32Array;
  dx: Float32Array;
  df: Float32Array;
}

/** y, ∂x and ∂filter of L = Σ y·w through `conv` on the active backend. */
function run(c: Case, conv: (x: tf.Tensor4D, f: tf.Tensor4D) => tf.Tensor4D): Result {
  return tf.tidy(() => {
    const x = tf.tensor4d(values(c.x, 1, c.input, c.density), c.x);
    const f = tf.tensor4d(values(c.f, 2, 'dense'), c.f);
    const y = conv(x, f);
    const w = tf.tensor(values(y.shape, 3, 'dense'), y.shape);
    const [dx, df] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(conv(a as tf.Tensor4D, b as tf.Tensor4D), w)))([x, f]);
    return { y: y.dataSync() as Float32Array, dx: dx.dataSync() as Float32Array, df: df.dataSync() as Float32Array };
  });
}

describe('conv2d on the CPU path against tf.conv2d', () => {
  const reference = new Map<Case, Result>();
  beforeAll(async () => {
    await startNodeBackend('cpu');
    for (const c of CASES) reference.set(c, run(c, (x, f) => tf.conv2d(x, f, c.strides, 'valid', 'NHWC')));
  });

  it('is op conv2d on wasm and on cpu', () => {
    expect(kernelFor('conv2d', 'wasm')).toBe(conv2dCpu);
    expect(kernelFor('conv2d', 'cpu')).toBe(conv2dCpu);
  });

  for (const backend of ['cpu', 'wasm'] as const) {
    it(`gives TF.js's y, ∂x and ∂filter on ${backend}`, async () => {
      await startNodeBackend(backend);
      for (const c of CASES) {
        const ours = run(c, conv2dCpu(c.strides));
        const ref = reference.get(c)!;
        expectClose(ours.y, ref.y, `y, ${label(c)}`);
        expectClose(ours.dx, ref.dx, `∂x, ${label(c)}`);
        expectClose(ours.df, ref.df, `∂filter, ${label(c)}`);
      }
    });
  }

  it('gives the same in the JS loops as in the SIMD module', async () => {
    await startNodeBackend('cpu');
    for (const c of CASES) {
      const g = convGeometry(c.x, c.f, c.strides);
      const x = values(c.x, 1, c.input, c.density);
      const f = values(c.f, 2, 'dense');
      const dy = values([g.N, g.OH, g.OW, g.Co], 3, 'dense');
      const ref = reference.get(c)!;
      const y = new Float32Array(ref.y.length).fill(NaN);
      const dx = new Float32Array(ref.dx.length).fill(NaN);
      const df = new Float32Array(ref.df.length).fill(NaN);
      convForward(g, x, f, y, null);
      convInputGrad(g, dy, f, dx, null);
      convFilterGrad(g, x, dy, df, null);
      expectClose(y, ref.y, `JS y, ${label(c)}`);
      expectClose(dx, ref.dx, `JS ∂x, ${label(c)}`);
      expectClose(df, ref.df, `JS ∂filter, ${label(c)}`);
    }
  });

  it('runs no ∂x kernel when x needs no gradient (a first layer)', async () => {
    await startNodeBackend('wasm');
    const c = CASES[2];
    const conv = conv2dCpu(c.strides);
    const kernelsOf = async (both: boolean) => (await tf.profile(() => tf.tidy(() => {
      const x = tf.tensor4d(values(c.x, 1, c.input, c.density), c.x);
      const f = tf.tensor4d(values(c.f, 2, 'dense'), c.f);
      const loss = (a: tf.Tensor, b: tf.Tensor) => tf.sum(conv(a as tf.Tensor4D, b as tf.Tensor4D));
      return both ? tf.grads(loss)([x, f]) : tf.grad((b: tf.Tensor) => loss(x, b))(f);
    }))).kernelNames;
    expect(await kernelsOf(false)).toContain('SpikelabConv2DBackpropFilter');
    expect(await kernelsOf(false)).not.toContain('SpikelabConv2DBackpropInput');
    expect(await kernelsOf(true)).toContain('SpikelabConv2DBackpropInput');
  });
});
