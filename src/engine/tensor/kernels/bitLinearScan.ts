/**
 * The first layer and its neuron population as one op: s = scan(x·Wᵀ + b) for binary x given as
 * the dataset's bits (./packedBatch.ts), W [N, F] (NIR's (out, in)), an optional bias b [N] (an
 * Affine's) and the scan of ./neuronScan.ts (its equations, update order and parameters). The
 * current x·Wᵀ + b of each step is made and consumed inside the op, so the [T, B, N] current and
 * its gradient never become tensors. Registered as op 'bitLinearScan' in ./registry.ts on wasm and
 * cpu (../cpu/bitLinearScan.ts). Gradients go to W, b and β (x is data):
 *   ∂W[n, f] = Σ_{t,b : x[t,b,f] = 1} ∂I[t, b, n],   ∂b[n] = Σ_{t,b} ∂I[t, b, n]
 * with ∂I the scan's gradient of its input. With `timeWeights` w [K, T] the op returns, in place of
 * the spikes, their weighted sums over time, out[k] = Σ_t w[k, t]·s_t [K, B, N] (a readout
 * integrated in closed form needs only those: ../program/program.ts `integrable`), and its
 * backward forms each step's ∂s_t = Σ_k w[k, t]·∂out[k] inside, so the [T, B, N] spikes and their
 * gradient never become tensors either. Returns null where the kernel does not run this layer
 * (a variant, surrogate or shape it lacks, or input too dense): the caller then runs op 'bitMatMul'
 * and the neuron scan, which give the same values to float32 rounding.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { ScanOptions, ScanParams, ScanResult, ScanSpec } from './neuronScan';

export interface BitLinearScanOptions extends ScanOptions {
  /** w [K·T], row k the weights w[k, 0 … T−1]: out is then Σ_t w[k, t]·s_t, [K, B, N]. */
  timeWeights?: Float32Array;
}

export interface BitLinearScanInput {
  /** int32 [T·B, ⌈F/32⌉], row t·B + b. */
  words: tf.Tensor2D;
  T: number;
  B: number;
  F: number;
  weight: tf.Tensor2D;
  bias?: tf.Tensor1D;
}

export type BitLinearScan = (input: BitLinearScanInput, params: ScanParams, spec: ScanSpec, options?: BitLinearScanOptions) => ScanResult | null;
