/**
 * Mean-membrane cross-entropy, the lab's default: the readout averaged over time and divided by
 * the readout population's DC gain G_k (../readoutGain.ts), so the logits are on the scale of the
 * readout's input, whatever T, τ, R and dt:
 *   z_k = (1/T)·Σ_t y_t,k / G_k
 *   L   = mean_b −Σ_k ỹ_k · log_softmax(z)_k,   ỹ = (1 − s)·onehot + s/K
 * For a constant input x an LI readout settles at G·x, so z → x; with small initial weights z ≈ 0
 * and L starts near ln K. On a spiking readout G = 1 and z is the firing rate (in [0, 1]).
 */
import type { LossDef } from './types';

export const meanMembraneCe = {
  name: 'mean_membrane_ce',
  label: 'Cross-entropy on mean output ÷ gain',
  formula: 'logits = mean_t y_t / G (G: the readout\'s DC gain); L = mean_b −Σ_k ỹ_k log_softmax(logits)_k, ỹ = (1 − s)·onehot + s/K',
  readout: 'mean',
  gainNormalised: true,
} as const satisfies LossDef;
