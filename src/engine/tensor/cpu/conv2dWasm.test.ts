import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../core/rng';
import { startNodeBackend } from '../runtime/loaders.node';
import { knownGap } from '../../../harness/conformance/knownGaps';
import { kernelFor } from '../kernels/registry';
import { conv2dWithWasmGradient } from './conv2dWasm';

function random(shape: number[], seed: number): tf.Tensor {
  const r = mulberry32(seed);
  return tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => r.uniform() * 2 - 1), shape);
}

async function gradients(backend: 'wasm' | 'cpu', strides: [number, number]): Promise<Float32Array[]> {
  await startNodeBackend(backend);
  const x = random([2, 7, 6, 3], 1) as tf.Tensor4D;
  const f = random([3, 2, 3, 4], 2) as tf.Tensor4D;
  const w = random([2, strides[0] === 1 ? 5 : 3, strides[1] === 1 ? 5 : 3, 4], 3);
  // The gap list says where TF.js's own conv2d gradient is missing and the registered kernel runs instead.
  const conv = knownGap(backend, 'conv2dGradient')?.then === 'kernel' ? kernelFor('conv2d', backend)!(strides)
    : (a: tf.Tensor4D, b: tf.Tensor4D) => tf.conv2d(a, b, strides, 'valid', 'NHWC');
  const grads = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(conv(a as tf.Tensor4D, b as tf.Tensor4D), w)))([x, f]);
  return Promise.all(grads.map(async (g) => (await g.data()) as Float32Array));
}

describe('conv2d gradient on wasm (no Conv2DBackpropFilter kernel there)', () => {
  it('is the conv2d kernel registered for wasm, and for no other backend', async () => {
    await startNodeBackend('cpu');
    expect(kernelFor('conv2d', 'wasm')).toBe(conv2dWithWasmGradient);
    expect(kernelFor('conv2d', 'cpu')).toBeUndefined();
  });

  for (const strides of [[1, 1], [2, 2]] as Array<[number, number]>) {
    it(`matches TF.js's own conv2d gradient on cpu, stride ${strides.join('×')}`, async () => {
      const [dxCpu, dfCpu] = await gradients('cpu', strides);
      const [dxWasm, dfWasm] = await gradients('wasm', strides);
      dxCpu.forEach((v, i) => expect(dxWasm[i], `dx[${i}]`).toBeCloseTo(v, 4));
      dfCpu.forEach((v, i) => expect(dfWasm[i], `dfilter[${i}]`).toBeCloseTo(v, 4));
    });
  }
});
