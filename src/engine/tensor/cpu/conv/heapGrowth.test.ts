/**
 * The wasm backend's conv kernels run in TF.js's own heap, whose malloc may grow the memory in the
 * middle of a kernel, detaching every view taken before (./simdArena.ts). A kernel must then work
 * from byte offsets and lengths it kept (./simdOperand.ts): the NIR paper CNN's first layer on a
 * training batch (T·B = 1,000 frames of 2×34×34, 16 maps of 5×5, padding 1) grows a fresh heap
 * while it runs, and must still give TF.js's y and ∂w, and the exact ∂b. Its own file, so the heap is fresh.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../core/rng';
import { kernelFor } from '../../kernels/registry';
import { plainConv2dNchw } from '../../kernels/plain/conv2dNchw';
import { startNodeBackend } from '../../runtime/loaders.node';
import { expectClose } from './expectClose';

const heapBytes = () => (tf.backend() as BackendWasm).wasm.HEAPU8.length;

describe('the channel-first conv when the wasm heap grows inside the kernel', () => {
  beforeAll(async () => {
    await startNodeBackend('wasm');
  });

  it('gives TF.js\'s y and ∂w, and the exact ∂b', () => {
    const draw = mulberry32(5);
    const [N, Ci, H, Co, K] = [1000, 2, 34, 16, 5];
    const x = tf.tensor4d(Float32Array.from({ length: N * Ci * H * H }, () => (draw.uniform() < 0.03 ? 1 : 0)), [N, Ci, H, H]);
    const w = tf.tensor4d(Float32Array.from({ length: Co * Ci * K * K }, () => draw.uniform() * 2 - 1), [Co, Ci, K, K]);
    const b = tf.tensor1d(Float32Array.from({ length: Co }, () => draw.uniform() - 0.5));
    const spec = { strides: [1, 1] as [number, number], pads: [1, 1, 1, 1] as [number, number, number, number] };
    const fused = kernelFor('conv2dNchw', 'wasm')!(spec);
    const plain = (xi: tf.Tensor4D, wi: tf.Tensor4D, bi: tf.Tensor1D) => plainConv2dNchw(xi, wi, bi, { ...spec, dilations: [1, 1], groups: 1 });
    const run = (conv: typeof plain) => {
      const loss = (wi: tf.Tensor, bi: tf.Tensor) => tf.sum(tf.mul(conv(x, wi as tf.Tensor4D, bi as tf.Tensor1D), 0.01));
      const y = conv(x, w, b);
      const grads = tf.grads(loss)([w, b]);
      return [y, ...grads].map((t) => t.dataSync() as Float32Array);
    };
    const before = heapBytes();
    const ours = run(fused);
    expect(heapBytes()).toBeGreaterThan(before); // the case this file is about
    const reference = run(plain);
    expectClose(ours[0], reference[0], 'y');
    expectClose(ours[1], reference[1], '∂w');
    // ∂b = Σ over the 1,000 · 32 · 32 outputs of dy = 0.01: exact in float64, where TF.js's float32
    // sum of a million terms drifts by about 1 %.
    const exact = Math.fround(0.01) * N * 32 * 32;
    ours[2].forEach((v) => expect(Math.abs(v - exact) / exact).toBeLessThan(1e-5));
    tf.dispose([x, w, b]);
  });
});
