/**
 * Gain-normalised max-membrane cross-entropy: the max-over-time readout (./maxMembraneCe.ts)
 * divided by the readout population's DC gain G_k (../readoutGain.ts):
 *   z_k = max_t y_t,k / G_k;   L = mean_b −Σ_k ỹ_k · log_softmax(z)_k,   ỹ = (1 − s)·onehot + s/K
 * The max does not grow with T the way a sum does, and the division removes the gain of τ, R, dt.
 */
import type { LossDef } from './types';

export const normMaxMembraneCe = {
  name: 'norm_max_membrane_ce',
  label: 'Cross-entropy on max output ÷ gain',
  formula: 'logits = max_t y_t / G (G: the readout\'s DC gain); L = mean_b −Σ_k ỹ_k log_softmax(logits)_k',
  readout: 'max',
  gainNormalised: true,
} as const satisfies LossDef;
