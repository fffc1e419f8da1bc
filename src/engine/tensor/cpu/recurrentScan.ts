/**
 * The fused recurrent scan for the CPU backends ('wasm' and 'cpu'): the contract of
 * ../kernels/recurrentScan.ts as one custom-gradient op over JS loops (./recurrentLoops.ts). x and
 * W are read once; the forward keeps its tape in JS memory; the backward is one reverse-time loop
 * giving δ = ∂L/∂x, ∂β, ∂α, and ∂W = Σ_{t ≥ 1, b} δ_tᵀ z_{t−1}, summed over the active spikes only
 * (row j of ∂Wᵀ gets δ_t[b, :] for each z_{t−1}[b, j] = 1). The bias, if any, is added to x with
 * TF.js ops before the op, so it gets its gradient by autodiff. β̂ = clip(β, 0, 1) passes the
 * gradient where 0 ≤ β ≤ 1, as TF.js clipByValue does. The recorded membrane carries no gradient.
 */
import * as tf from '@tensorflow/tfjs-core';
import { SpikelabError } from '../../core/errors';
import { withRecurrentBias, type RecurrentScan } from '../kernels/recurrentScan';
import type { ScanResult } from '../kernels/neuronScan';
import { customOp } from '../runtime/tfTyping';
import { recurrentBackward, recurrentForward } from './recurrentLoops';
import { membraneOf, type ScanArrays } from './scanLoops';
import { clipped, paramGrad, scanConstants, vector } from './scanParams';
import { transposed } from './spikeMatMul';
import { valuesNow } from './tensorValues';

/** ∂W [N, N] = Σ_{t ≥ 1, b} δ_tᵀ z_{t−1} over the non-zero z. */
function weightGrad(dx: Float32Array, z: Float32Array, T: number, B: number, N: number): Float32Array {
  const L = B * N;
  const acc = new Float64Array(N * N); // ∂Wᵀ [in, out]: one contiguous row per spiking input
  for (let t = 1; t < T; t++) {
    for (let b = 0; b < B; b++) {
      const prev = (t - 1) * L + b * N;
      const d = t * L + b * N;
      for (let j = 0; j < N; j++) {
        const s = z[prev + j];
        if (s === 0) continue;
        const r = j * N;
        for (let n = 0; n < N; n++) acc[r + n] += s * dx[d + n];
      }
    }
  }
  return transposed(acc, N, N);
}

export const jsRecurrentScan: RecurrentScan = (x, recurrent, params, spec, options = {}) => {
  if (x.shape.length !== 3) {
    throw new SpikelabError('INTERNAL', `The recurrent scan takes x as [T, B, N], got [${x.shape.join(', ')}].`, 'This is a bug in the program runner.');
  }
  const [T, B, N] = x.shape as [number, number, number];
  const synaptic = spec.synaptic && params.alpha !== undefined;
  const adaptive = spec.adaptive && params.gamma !== undefined;
  const constants = scanConstants(params, N, synaptic, adaptive);
  let membrane: Float32Array | undefined;

  const run = (xIn: tf.Tensor, wIn: tf.Tensor, beta: tf.Tensor, alpha: tf.Tensor | null) => {
    const b = clipped(vector(beta, N, 'beta'));
    const a = alpha ? clipped(vector(alpha, N, 'alpha')) : null;
    const arrays: ScanArrays = { ...constants, beta: b.clip, ...(a ? { alpha: a.clip } : {}) };
    const w = Float32Array.from(wIn.dataSync());
    const tape = recurrentForward(valuesNow(xIn), transposed(w, N, N), arrays, spec, T, B, N);
    membrane = membraneOf(tape, spec);
    const gradFunc = (dy: tf.Tensor) => {
      const grads = recurrentBackward(valuesNow(dy), tape, w, arrays, spec, T, B, N);
      const dx = tf.tensor(grads.dx, [T, B, N], 'float32');
      const dW = tf.tensor(weightGrad(grads.dx, tape.out, T, B, N), [N, N], 'float32');
      const dBeta = paramGrad(grads.dBeta, b.pass, beta);
      return alpha && a ? [dx, dW, dBeta, paramGrad(grads.dAlpha, a.pass, alpha)] : [dx, dW, dBeta];
    };
    return { value: tf.tensor(tape.out, [T, B, N], 'float32'), gradFunc };
  };

  const fn = customOp((_save, xIn: tf.Tensor, wIn: tf.Tensor, beta: tf.Tensor, ...alpha: tf.Tensor[]) => run(xIn, wIn, beta, synaptic ? alpha[0] : null));
  const xb = withRecurrentBias(x, recurrent);
  const weight = tf.reshape(recurrent.weight, [N, N]);
  const out = synaptic ? fn(xb, weight, params.beta, params.alpha!) : fn(xb, weight, params.beta);
  const result: ScanResult = { out };
  if (options.recordMembrane) result.membrane = tf.tensor(membrane!, [T, B, N], 'float32');
  return result;
};
