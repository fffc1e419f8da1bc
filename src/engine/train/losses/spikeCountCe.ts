/**
 * Spike-count cross-entropy: the integral cross-entropy (./integralCe.ts) named for a spiking
 * readout, whose sum over time is the spike count:
 *   z_k = Σ_t s_t,k;   L = mean_b −Σ_k ỹ_k · log_softmax(z)_k,   ỹ = (1 − s)·onehot + s/K
 */
import type { LossDef } from './types';

export const spikeCountCe = {
  name: 'spike_count_ce',
  label: 'Cross-entropy on spike counts',
  formula: 'logits = Σ_t y_t (spike counts); L = mean_b −Σ_k ỹ_k log_softmax(logits)_k',
  readout: 'sum',
} as const satisfies LossDef;
