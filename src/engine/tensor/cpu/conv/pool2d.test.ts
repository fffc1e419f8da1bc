/**
 * Conformance of the CPU path's pooling (./pool2dKernels.ts, op 'pool2d' on wasm and cpu) against
 * TF.js's tf.maxPool / tf.avgPool and their gradients on the cpu backend (sum pooling: avgPool·KH·KW):
 * binary spike maps (where max pooling ties, and the gradient goes to the first maximum), dense
 * values, overlapping windows and unequal strides; the SIMD module (channels a multiple of 4) and
 * the JS loops (./poolCompute.ts without an arena).
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../core/rng';
import { kernelFor } from '../../kernels/registry';
import { startNodeBackend } from '../../runtime/loaders.node';
import { expectClose } from './expectClose';
import { poolBackward, poolForward } from './poolCompute';
import { pool2dCpu } from './pool2dKernels';
import { poolGeometry, type PoolKind } from './poolLoops';

interface Case {
  kind: PoolKind;
  x: [number, number, number, number];
  kernel: [number, number];
  strides: [number, number];
  spikes: boolean;
}

const CASES: Case[] = [
  { kind: 'max', x: [3, 30, 30, 12], kernel: [2, 2], strides: [2, 2], spikes: true }, // workload B's first pool
  { kind: 'max', x: [2, 11, 11, 32], kernel: [2, 2], strides: [2, 2], spikes: true }, // its second (floor)
  { kind: 'max', x: [2, 9, 8, 5], kernel: [3, 3], strides: [2, 2], spikes: false },
  { kind: 'sum', x: [2, 16, 16, 8], kernel: [2, 2], strides: [2, 2], spikes: true }, // the template's SumPool
  { kind: 'avg', x: [2, 8, 8, 16], kernel: [2, 2], strides: [2, 2], spikes: true }, // its AvgPool
  { kind: 'avg', x: [2, 9, 7, 3], kernel: [3, 2], strides: [1, 2], spikes: false },
];

function values(shape: number[], seed: number, spikes: boolean): Float32Array {
  const r = mulberry32(seed);
  return Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => (spikes ? (r.uniform() < 0.2 ? 1 : 0) : r.uniform() * 2 - 1));
}

function reference(c: Case): (x: tf.Tensor4D) => tf.Tensor4D {
  if (c.kind === 'max') return (x) => tf.maxPool(x, c.kernel, c.strides, 'valid');
  const k = c.kind === 'sum' ? c.kernel[0] * c.kernel[1] : 1;
  return (x) => tf.mul(tf.avgPool(x, c.kernel, c.strides, 'valid'), k);
}

function run(c: Case, pool: (x: tf.Tensor4D) => tf.Tensor4D): { y: Float32Array; dx: Float32Array } {
  return tf.tidy(() => {
    const x = tf.tensor4d(values(c.x, 1, c.spikes), c.x);
    const y = pool(x);
    const w = tf.tensor(values(y.shape, 2, false), y.shape);
    const dx = tf.grad((a: tf.Tensor) => tf.sum(tf.mul(pool(a as tf.Tensor4D), w)))(x);
    return { y: y.dataSync() as Float32Array, dx: dx.dataSync() as Float32Array };
  });
}

const label = (c: Case) => `${c.kind} ${c.kernel.join('×')}/${c.strides.join('×')} of [${c.x.join(', ')}]${c.spikes ? ' spikes' : ''}`;

describe('pool2d on the CPU path against tf.maxPool / tf.avgPool', () => {
  const expected = new Map<Case, { y: Float32Array; dx: Float32Array }>();
  beforeAll(async () => {
    await startNodeBackend('cpu');
    for (const c of CASES) expected.set(c, run(c, reference(c)));
  });

  it('is op pool2d on wasm and on cpu', () => {
    expect(kernelFor('pool2d', 'wasm')).toBe(pool2dCpu);
    expect(kernelFor('pool2d', 'cpu')).toBe(pool2dCpu);
  });

  for (const backend of ['cpu', 'wasm'] as const) {
    it(`gives TF.js's y and ∂x on ${backend}`, async () => {
      await startNodeBackend(backend);
      for (const c of CASES) {
        const ours = run(c, pool2dCpu(c.kind, c.kernel, c.strides));
        const ref = expected.get(c)!;
        expectClose(ours.y, ref.y, `y, ${label(c)}`);
        expectClose(ours.dx, ref.dx, `∂x, ${label(c)}`);
      }
    });
  }

  it('gives the same in the JS loops as in the SIMD module', () => {
    for (const c of CASES) {
      const g = poolGeometry(c.x, c.kernel, c.strides);
      const ref = expected.get(c)!;
      const x = values(c.x, 1, c.spikes);
      const y = new Float32Array(ref.y.length).fill(NaN);
      const dx = new Float32Array(ref.dx.length).fill(NaN);
      const taps = c.kind === 'max' ? new Float32Array(y.length) : null;
      poolForward(g, c.kind, x, y, taps, null);
      poolBackward(g, c.kind, taps, values([g.N, g.OH, g.OW, g.C], 2, false), dx, null);
      expectClose(y, ref.y, `JS y, ${label(c)}`);
      expectClose(dx, ref.dx, `JS ∂x, ${label(c)}`);
    }
  });

  it('leaves no tensor behind (max pooling\'s taps output included)', async () => {
    await startNodeBackend('wasm');
    const c = CASES[0];
    const before = tf.memory().numTensors;
    run(c, pool2dCpu(c.kind, c.kernel, c.strides));
    tf.tidy(() => {
      pool2dCpu(c.kind, c.kernel, c.strides)(tf.zeros(c.x) as tf.Tensor4D);
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});
