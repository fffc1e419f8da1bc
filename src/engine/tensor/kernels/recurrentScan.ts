/**
 * The recurrent-scan contract: one call runs a spiking population with a linear feedback of its
 * own spikes over all T steps (a recurrent stage LIF → Linear/Affine W → back into the LIF, one
 * edge of the cycle delayed one step). The step-by-step TF.js path of
 * ../program/recurrentStage.ts is the reference; a fused kernel (WGSL on webgpu, JS loops on wasm
 * and cpu) registers itself as op 'recurrentScan' in ./registry.ts, with the largest population it
 * runs, and must agree with it to float32 tolerance.
 *
 * Shapes: x [T, B, N] (the feed-forward part of the input, time-major), W [N, N] (NIR's (out, in)),
 * bias r [N] (optional: an Affine feedback's bias), every ScanParams entry [N] as in ./neuronScan.ts.
 * With z the population's output spikes (z_{−1} = 0), the neuron's input at step t is
 *
 *   I_t = x_t + z_{t−1}·Wᵀ + [t ≥ t_r]·r
 *
 * followed by the update of ./neuronScan.ts with I_t in place of x_t (u_t = g_in ⊙ I_t, …). t_r
 * (`biasFrom`) is 0 when the edge neuron → W is the delayed one (the feedback layer's output at
 * step t is z_{t−1}·Wᵀ + r, bias included at t = 0) and 1 when W → neuron is delayed (its delayed
 * output at t = 0 is zero, bias and all) — exactly what the step-by-step path gives.
 *
 * Output z [T, B, N] (and m [T, B, N] with recordMembrane). Gradients flow to x, W, r, β and α
 * (and through θ_t and the recurrence to earlier spikes); the surrogate's derivative stands in
 * for H' in both the spike's own and the recurrent path. With δ_t = ∂L/∂I_t (= ∂L/∂x_t):
 *   ∂L/∂z_t gets, besides its downstream gradient, Σ_n W[n, j]·δ_{t+1}[n]   (δ_T = 0)
 *   ∂L/∂W   = Σ_{t ≥ 1, b} δ_tᵀ z_{t−1}            ∂L/∂r = Σ_{t ≥ t_r, b} δ_t
 * Only spiking outputs (LIF, CubaLIF, ALIF; both spike conventions, both resets, detachReset,
 * every surrogate) have the contract; membrane outputs (LI, CubaLI) in a cycle stay step by step.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ScanOptions, ScanParams, ScanResult, ScanSpec } from './neuronScan';
import { kernelFor } from './registry';

export interface RecurrentWeights {
  /** W [N, N], (out, in). */
  weight: tf.Tensor;
  /** r [N], the feedback layer's bias (Affine), if any. */
  bias?: tf.Tensor;
  /** The first step whose input gets r: 0 or 1 (see above). Default 0. */
  biasFrom?: 0 | 1;
}

export type RecurrentScan = (x: tf.Tensor, recurrent: RecurrentWeights, params: ScanParams, spec: ScanSpec, options?: ScanOptions) => ScanResult;

/** What a backend registers: its scan and the largest N it runs (WGSL: workgroup memory; Infinity for no limit). */
export interface RecurrentKernel {
  scan: RecurrentScan;
  maxNeurons: number;
}

/** Whether the contract covers a spec (spiking outputs only). */
export function recurrentSpecSupported(spec: ScanSpec): boolean {
  return spec.output === 'spikes';
}

/**
 * The fused recurrent scan for this spec and population size on `backend` (by default the active
 * one), or null: nothing registered, the spec not covered or N past the kernel's limit (then the
 * stage runs step by step).
 */
export function recurrentScanFor(spec: ScanSpec, neurons: number, backend?: string): RecurrentScan | null {
  const kernel = kernelFor('recurrentScan', backend);
  if (!kernel || !recurrentSpecSupported(spec) || neurons > kernel.maxNeurons) return null;
  return kernel.scan;
}

/**
 * x with the bias term [t ≥ t_r]·r added (TF.js ops, so r gets its gradient by autodiff; the
 * kernels themselves see only x and W).
 */
export function withRecurrentBias(x: tf.Tensor, recurrent: RecurrentWeights): tf.Tensor {
  const { bias } = recurrent;
  if (!bias) return x;
  const [T, , N] = x.shape;
  const r = tf.reshape(bias, [1, 1, N]);
  if ((recurrent.biasFrom ?? 0) === 0 || T === 0) return tf.add(x, r);
  const mask = tf.concat([tf.zeros([1, 1, 1]), tf.ones([T - 1, 1, 1])], 0);
  return tf.add(x, tf.mul(mask, r));
}
