/**
 * The first-layer matmul on bit-packed spikes for the WebGPU backend (contract in
 * ../kernels/bitMatMul.ts): y = x·Wᵀ for binary x [M, F] as words int32 [M, ⌈F/32⌉] and
 * W [O, F] float32, one autodiff op with the gradient to W only.
 *
 *   forward   Wᵀ = tf.transpose(W) [F, O];  y[m, o] = Σ_{f : x[m,f] = 1} Wᵀ[f, o]     (BitMatMulProgram)
 *   backward  ∂W[o, f] = Σ_c Σ_{m in chunk c : x[m,f] = 1} dy[m, o]                  (BitWeightGradProgram, then tf.sum over c)
 *
 * Programs in ./programs/bitMatMulProgram.ts. The words are saved for the backward (a kept reference, no
 * copy), so the float batch is never materialised; nothing is read back to the CPU.
 */
import * as tf from '@tensorflow/tfjs-core';
import { SpikelabError } from '../../core/errors';
import type { BitMatMul } from '../kernels/bitMatMul';
import { customOp } from '../runtime/tfTyping';
import { BitMatMulProgram, BitWeightGradProgram } from './programs/bitMatMulProgram';
import { asTensor, webgpuBackend } from './webgpuBackend';

/** Rows summed by one invocation of the weight gradient (M = 25,600 gives 25 partial sums). */
export const GRAD_CHUNK_ROWS = 1024;

export const bitMatMulWebgpu: BitMatMul = (words, F, weight) => {
  const backend = webgpuBackend();
  const [M, W] = words.shape;
  const [O, Fw] = weight.shape;
  if (Fw !== F || W !== Math.ceil(F / 32) || words.dtype !== 'int32') {
    throw new SpikelabError('INTERNAL', `Bit matmul of words ${words.dtype} [${M}, ${W}] (F = ${F}) with W [${O}, ${Fw}]: needs int32 words [M, ⌈F/32⌉] and W [O, F].`,
      'This is a bug in the program runner.');
  }
  const sizes = [M, W, F, O].map((v) => ({ type: 'int32', data: [v] }));
  const fn = customOp((save, wIn: tf.Tensor2D) => {
    const wt = tf.transpose(wIn);
    const y = asTensor(backend.runWebGPUProgram(new BitMatMulProgram(M, O), [words, wt], 'float32', sizes)) as tf.Tensor2D;
    save([words]);
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const chunks = Math.max(1, Math.ceil(M / GRAD_CHUNK_ROWS));
      const uniforms = [...sizes, { type: 'int32', data: [GRAD_CHUNK_ROWS] }];
      const partial = asTensor(backend.runWebGPUProgram(new BitWeightGradProgram(chunks, O, F), [saved[0], dy], 'float32', uniforms));
      return [chunks === 1 ? tf.reshape(partial, [O, F]) : tf.sum(partial, 0)];
    };
    return { value: y, gradFunc };
  });
  return fn(weight);
};
