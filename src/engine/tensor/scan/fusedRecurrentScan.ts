/**
 * The fused recurrent scan for the WebGPU backend (contract in ./recurrentTypes.ts): one forward
 * dispatch over all T steps (../kernels/recurrentForwardProgram.ts) saving the state slots of
 * ../kernels/recurrentLayout.ts (spikes, membranes, c, a: the recurrent sum needs the spikes of
 * the whole row, so nothing is recomputed), one reverse-time backward dispatch (../kernels/recurrentBackwardProgram.ts) giving
 * δ = ∂L/∂x, ∂β and ∂α, and ∂W = Σ_{t ≥ 1, b} δ_tᵀ z_{t−1} as one tf.matMul over [(T−1)·B, N].
 * Saved for the backward: the state buffer, the packed parameters and W. The bias is added to x
 * with TF.js ops first (autodiff gives its gradient). The recorded membrane carries no gradient.
 * N is limited by workgroup memory (RECURRENT_MAX_NEURONS); larger stages run step by step.
 */
import * as tf from '@tensorflow/tfjs-core';
import { RecurrentBackwardProgram } from '../kernels/recurrentBackwardProgram';
import { RecurrentForwardProgram } from '../kernels/recurrentForwardProgram';
import { recurrentSlots } from '../kernels/recurrentLayout';
import { asTensor, webgpuBackend } from '../kernels/webgpuBackend';
import { withRecurrentBias, type RecurrentScan } from './recurrentTypes';
import { packedParams } from './packedParams';
import type { ScanResult } from './types';

type Uniform = { type: string; data: number[] };

export const fusedRecurrentScan: RecurrentScan = (x, recurrent, params, spec, options = {}) => {
  const backend = webgpuBackend();
  const [T, B, N] = x.shape;
  const lanes = B * N;
  const layout = recurrentSlots(spec);
  const sizes: Uniform[] = [{ type: 'int32', data: [T] }, { type: 'int32', data: [lanes] }, { type: 'int32', data: [N] }];
  let membrane: tf.Tensor | undefined;

  const run = (xIn: tf.Tensor, wIn: tf.Tensor, beta: tf.Tensor, alpha: tf.Tensor | null, save: tf.GradSaveFunc) => {
    const packed = packedParams(spec, params, beta, alpha, N);
    const wt = tf.reshape(tf.transpose(wIn), [N * N]);
    const state = asTensor(backend.runWebGPUProgram(new RecurrentForwardProgram(spec, T, B, N),
      [tf.reshape(xIn, [T * lanes]), wt, packed], 'float32', sizes));
    const value = tf.reshape(tf.slice(state, [0], [T * lanes]), [T, B, N]);
    if (options.recordMembrane) membrane = tf.keep(tf.reshape(tf.slice(state, [layout.m * T * lanes], [T * lanes]), [T, B, N]));
    save([state, packed, wIn]);
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [savedState, savedParams, savedW] = saved;
      const uniforms = [...sizes, { type: 'float32', data: [spec.surrogate.slope] }];
      const grads = asTensor(backend.runWebGPUProgram(new RecurrentBackwardProgram(spec, T, B, N),
        [tf.reshape(dy, [T * lanes]), savedState, tf.reshape(savedW, [N * N]), savedParams], 'float32', uniforms));
      const dx = tf.reshape(tf.slice(grads, [0], [T * lanes]), [T, B, N]);
      const dW = T > 1
        ? tf.matMul(tf.reshape(tf.slice(grads, [lanes], [(T - 1) * lanes]), [(T - 1) * B, N]),
          tf.reshape(tf.slice(savedState, [0], [(T - 1) * lanes]), [(T - 1) * B, N]), true, false)
        : tf.zeros([N, N]);
      const partial = (k: number) => tf.sum(tf.reshape(tf.slice(grads, [(T + k) * lanes], [lanes]), [B, N]), 0);
      const dBeta = tf.reshape(partial(0), beta.shape);
      const head = [dx, tf.reshape(dW, wIn.shape), dBeta];
      return alpha ? [...head, tf.reshape(partial(1), alpha.shape)] : head;
    };
    return { value, gradFunc };
  };

  const alpha = spec.synaptic ? params.alpha ?? tf.zeros([N]) : null;
  const fn = tf.customGrad(((...args: unknown[]) => {
    const save = args[args.length - 1] as tf.GradSaveFunc;
    const [xIn, wIn, beta] = args as tf.Tensor[];
    return run(xIn, wIn, beta, alpha ? (args[3] as tf.Tensor) : null, save);
  }) as unknown as Parameters<typeof tf.customGrad>[0]) as (...inputs: tf.Tensor[]) => tf.Tensor;
  const xb = withRecurrentBias(x, recurrent);
  const out = alpha ? fn(xb, recurrent.weight, params.beta, alpha) : fn(xb, recurrent.weight, params.beta);
  const result: ScanResult = { out };
  if (options.recordMembrane && membrane) {
    result.membrane = tf.clone(membrane);
    membrane.dispose();
  }
  return result;
};
