/**
 * The wrapper both fused WebGPU scans share (./fusedScan.ts, ./fusedRecurrentScan.ts): the sizes
 * their kernels read as uniforms, one tf.customGrad op over the leading inputs (x; or x and W),
 * β and, for synaptic layers, α (params.alpha, zeros if absent), and the reading of the backward's
 * output [T·B·N + B·N (+ B·N)]: dx, then per-lane partials of ∂L/∂β (and ∂L/∂α) that are summed
 * over the batch here. A membrane the forward records is kept past the op's scope and handed back
 * as a clone in the caller's; it carries no gradient.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ScanParams, ScanSpec } from '../kernels/neuronScan';
import { customOp } from '../runtime/tfTyping';

export type Uniform = { type: string; data: number[] };

/** The uniforms every fused scan kernel reads: steps T, lanes B·N, neurons N. */
export function scanSizes(T: number, B: number, N: number): Uniform[] {
  return [{ type: 'int32', data: [T] }, { type: 'int32', data: [B * N] }, { type: 'int32', data: [N] }];
}

/** The backward kernels' uniforms: the sizes, then the surrogate's slope k. */
export function backwardUniforms(sizes: Uniform[], spec: ScanSpec): Uniform[] {
  return [...sizes, { type: 'float32', data: [spec.surrogate.slope] }];
}

/** dx [T, B, N] and [∂β] or [∂β, ∂α] (shaped as β and α) from the backward's output. */
export function laneGrads(grads: tf.Tensor, T: number, B: number, N: number, beta: tf.Tensor, alpha: tf.Tensor | null): { dx: tf.Tensor; dParams: tf.Tensor[] } {
  const lanes = B * N;
  const dx = tf.reshape(tf.slice(grads, [0], [T * lanes]), [T, B, N]);
  const partial = (k: number) => tf.sum(tf.reshape(tf.slice(grads, [(T + k) * lanes], [lanes]), [B, N]), 0);
  const dBeta = tf.reshape(partial(0), beta.shape);
  return { dx, dParams: alpha ? [dBeta, tf.reshape(partial(1), alpha.shape)] : [dBeta] };
}

export interface FusedForward {
  value: tf.Tensor;
  gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.Tensor[];
  /** The membrane to record, if one was asked for. */
  membrane?: tf.Tensor;
}

/** The forward of the op: `inputs` as given to fusedScanOp, then β and α (null unless synaptic). */
export type FusedRun = (inputs: tf.Tensor[], beta: tf.Tensor, alpha: tf.Tensor | null, save: tf.GradSaveFunc) => FusedForward;

/** Runs `run` as one custom-gradient op over inputs, β and (synaptic) α. */
export function fusedScanOp(inputs: tf.Tensor[], params: ScanParams, spec: ScanSpec, N: number, run: FusedRun): { out: tf.Tensor; membrane?: tf.Tensor } {
  const alpha = spec.synaptic ? params.alpha ?? tf.zeros([N]) : null;
  const k = inputs.length;
  let kept: tf.Tensor | undefined;
  const fn = customOp((save, ...tensors: tf.Tensor[]) => {
    const { value, gradFunc, membrane } = run(tensors.slice(0, k), tensors[k], alpha ? tensors[k + 1] : null, save);
    if (membrane) kept = tf.keep(membrane);
    return { value, gradFunc };
  });
  const out = alpha ? fn(...inputs, params.beta, alpha) : fn(...inputs, params.beta);
  if (!kept) return { out };
  const membrane = tf.clone(kept);
  kept.dispose();
  return { out, membrane };
}
