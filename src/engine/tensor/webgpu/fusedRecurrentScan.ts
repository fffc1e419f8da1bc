/**
 * The fused recurrent scan for the WebGPU backend (contract in ../kernels/recurrentScan.ts): one forward
 * dispatch over all T steps (./programs/recurrentForwardProgram.ts) saving the state the backward
 * cannot recompute (membranes, and c, a; ./programs/scanLayout.ts, as the feed-forward scan), one
 * elementwise dispatch deriving the spikes from it (./programs/scanSpikesProgram.ts, bit for bit
 * the forward's), one reverse-time backward dispatch (./programs/recurrentBackwardProgram.ts)
 * giving δ = ∂L/∂x, ∂β and ∂α, and ∂W = Σ_{t ≥ 1, b} δ_tᵀ z_{t−1} as one tf.matMul over
 * [(T−1)·B, N]. Saved for the backward: the state, the spikes (the op's output, which the next
 * layer keeps anyway), the packed parameters and W; a LIF stage holds 2·T·B·N floats between
 * forward and backward. The bias is added to x with TF.js ops first (autodiff gives its
 * gradient). The recorded membrane carries no gradient. N is limited by workgroup memory
 * (RECURRENT_MAX_NEURONS); larger stages run step by step.
 */
import * as tf from '@tensorflow/tfjs-core';
import { RecurrentBackwardProgram } from './programs/recurrentBackwardProgram';
import { RecurrentForwardProgram } from './programs/recurrentForwardProgram';
import { scanLayout } from './programs/scanLayout';
import { ScanSpikesProgram } from './programs/scanSpikesProgram';
import { asTensor, webgpuBackend } from './webgpuBackend';
import { backwardUniforms, fusedScanOp, laneGrads, scanSizes } from './fusedScanOp';
import { withRecurrentBias, type RecurrentScan } from '../kernels/recurrentScan';
import { packedParams } from './packedParams';
import type { ScanResult } from '../kernels/neuronScan';

export const fusedRecurrentScan: RecurrentScan = (x, recurrent, params, spec, options = {}) => {
  const backend = webgpuBackend();
  const [T, B, N] = x.shape;
  const lanes = B * N;
  const layout = scanLayout(spec);
  const sizes = scanSizes(T, B, N);

  const inputs = [withRecurrentBias(x, recurrent), recurrent.weight];
  const { out, membrane } = fusedScanOp(inputs, params, spec, N, ([xIn, wIn], beta, alpha, save) => {
    const packed = packedParams(spec, params, beta, alpha, N);
    const wt = tf.reshape(tf.transpose(wIn), [N * N]);
    const state = asTensor(backend.runWebGPUProgram(new RecurrentForwardProgram(spec, T, B, N),
      [tf.reshape(xIn, [T * lanes]), wt, packed], 'float32', sizes));
    const value = tf.reshape(asTensor(backend.runWebGPUProgram(new ScanSpikesProgram(spec, T, lanes), [state, packed], 'float32', sizes)), [T, B, N]);
    const recorded = options.recordMembrane
      ? tf.reshape(layout.slots === 1 ? state : tf.slice(state, [layout.mem * T * lanes], [T * lanes]), [T, B, N]) : undefined;
    save([state, value, packed, wIn]);
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [savedState, spikes, savedParams, savedW] = saved;
      const grads = asTensor(backend.runWebGPUProgram(new RecurrentBackwardProgram(spec, T, B, N),
        [tf.reshape(dy, [T * lanes]), savedState, tf.reshape(savedW, [N * N]), savedParams], 'float32', backwardUniforms(sizes, spec)));
      const { dx, dParams } = laneGrads(grads, T, B, N, beta, alpha);
      const dW = T > 1
        ? tf.matMul(tf.reshape(tf.slice(grads, [lanes], [(T - 1) * lanes]), [(T - 1) * B, N]),
          tf.reshape(tf.slice(spikes, [0, 0, 0], [T - 1, B, N]), [(T - 1) * B, N]), true, false)
        : tf.zeros([N, N]);
      return [dx, tf.reshape(dW, wIn.shape), ...dParams];
    };
    return { value, gradFunc, membrane: recorded };
  });
  const result: ScanResult = { out };
  if (membrane) result.membrane = membrane;
  return result;
};
