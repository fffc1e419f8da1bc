/**
 * The DC gain of a readout population: the value its output settles at for a constant input
 * x = 1, from its discretised constants (../neurons/), per neuron. The gain-normalised losses
 * (./losses/meanMembraneCe.ts, ./losses/normMaxMembraneCe.ts) divide the readout by it, so
 * their logits are on the scale of the readout's input whatever τ, R and dt.
 *   LI:      v = β·v + g·x            settles at  v* = g·x / (1 − β)
 *   CubaLI:  c = α·c + g_in·x,  v = β·v + g_cur·c   settles at  v* = g_in·g_cur·x / ((1 − α)(1 − β))
 * The leak bias (dt/τ)·v_leak is an offset, not a gain, and is left out. A non-leaky stage
 * (β or α ≥ 1: the integrator I) has no steady state, and a spiking population outputs 0/1
 * spikes whose mean over time is already a rate: their gain is 1 (the readout is not rescaled).
 * A learned decay is taken at its compiled value, so the normalisation stays a constant.
 */
import type { DiscreteNeuron } from '../neurons/types';

export function readoutGain(neuron: DiscreteNeuron): Float32Array {
  const gain = new Float32Array(neuron.size).fill(1);
  if (neuron.output !== 'membrane') return gain;
  for (let i = 0; i < neuron.size; i++) {
    const leak = 1 - neuron.beta[i];
    const current = neuron.alpha ? 1 - neuron.alpha[i] : 1;
    if (!(leak > 0) || !(current > 0)) continue;
    const stages = neuron.alpha ? (neuron.gainIn[i] / current) * (neuron.gainCur?.[i] ?? 1) : neuron.gainIn[i];
    const g = stages / leak;
    if (Number.isFinite(g) && g !== 0) gain[i] = g;
  }
  return gain;
}
