/**
 * The neuron-scan contract: one call runs a whole neuron layer over all T steps. The plain TF.js
 * path (`plainScan.ts`, per-step ops, autodiff through a custom-gradient spike) is the reference;
 * a fused backend kernel (one forward dispatch over T, one reverse-time backward dispatch)
 * registers itself as op 'neuronScan' in ./registry.ts and must agree with it to float32 tolerance;
 * `neuronScanFor` picks between them.
 *
 * Shapes: input x is [T, B, N] (time-major, the layer flattened to N); every parameter is [N]
 * (per neuron; broadcast over the batch). State starts at zero (v, c, a = 0).
 *
 * Update order per step t (β̂ = clip(β, 0, 1); H(z) = [z > 0] forward, surrogate g(z) backward):
 *
 *   current   c_t = α ⊙ c_{t−1} + g_in ⊙ x_t ;  u_t = g_cur ⊙ c_t      (synaptic: CubaLIF, CubaLI)
 *             u_t = g_in ⊙ x_t                                        (otherwise)
 *   threshold θ_t = θ + a_{t−1}                                       (adaptive: ALIF), else θ
 *
 *   spikeFrom 'post' (NIR, Norse, snnTorch): update, then fire from the new membrane
 *             m_t = β̂ ⊙ v_{t−1} + b + u_t
 *             z_t = H(m_t − θ_t)
 *             v_t = m_t − θ_t ⊙ z_t                   (reset 'subtract')
 *             v_t = m_t + (v_reset − m_t) ⊙ z_t       (reset 'to_reset')
 *   spikeFrom 'pre' (Spyx): fire from the previous membrane, then update (one step of delay)
 *             z_t = H(v_{t−1} − θ_t)
 *             v_t = β̂ ⊙ v_{t−1} + b + u_t − θ_t ⊙ z_t                      ('subtract')
 *             v_t = β̂ ⊙ (v_{t−1} + (v_reset − v_{t−1}) ⊙ z_t) + b + u_t    ('to_reset')
 *             m_t = v_t
 *   adaptation a_t = γ ⊙ a_{t−1} + (1 − γ) ⊙ z_t                    (adaptive)
 *
 *   output    z_t (output 'spikes') or m_t (output 'membrane': I, LI, CubaLI; no spike, no reset)
 *
 * With detachReset the z_t of the reset term carries no gradient (snnTorch's default; Spyx and
 * the benchmark of docs/specs/bench.md keep it). Gradients flow to x, β and α (and through
 * θ_t to earlier spikes); g_in, g_cur, b, θ and v_reset are constants of the layer.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { SurrogateSpec } from '../../surrogates/types';
import { plainScan } from './plain/plainScan';
import { kernelFor } from './registry';

export interface ScanSpec {
  output: 'spikes' | 'membrane';
  synaptic: boolean;
  spikeFrom: 'pre' | 'post';
  reset: 'to_reset' | 'subtract';
  detachReset: boolean;
  adaptive: boolean;
  surrogate: SurrogateSpec;
}

/** Per-neuron parameters, each a float32 tensor of shape [N]. */
export interface ScanParams {
  beta: Tensor;
  gainIn: Tensor;
  bias: Tensor;
  threshold: Tensor;
  vReset: Tensor;
  /** Synaptic decay; synaptic layers only. */
  alpha?: Tensor;
  /** Gain of the current into the membrane; synaptic layers only. */
  gainCur?: Tensor;
  /** Adaptation decay; adaptive layers only. */
  gamma?: Tensor;
}

export interface ScanOptions {
  /** Also return m_t for every step (membrane traces for plots); costs memory. */
  recordMembrane?: boolean;
}

export interface ScanResult {
  /** [T, B, N]: spikes z_t, or the membrane m_t for output 'membrane'. */
  out: Tensor;
  /** [T, B, N]: m_t, when recordMembrane was asked. */
  membrane?: Tensor;
}

export type NeuronScan = (x: Tensor, params: ScanParams, spec: ScanSpec, options?: ScanOptions) => ScanResult;

/** 'fused': the backend's kernel where it has one; 'plain': the TF.js reference everywhere (benchmarks and the conformance suite compare both). */
export type ScanPath = 'fused' | 'plain';

/** The scan `path` asks for on `backend` (by default the active one), and the path it is: plain where no fused kernel is registered. */
export function neuronScanFor(path: ScanPath = 'fused', backend?: string): { scan: NeuronScan; path: ScanPath } {
  const fused = path === 'fused' ? kernelFor('neuronScan', backend) : undefined;
  return fused ? { scan: fused, path: 'fused' } : { scan: plainScan, path: 'plain' };
}
