/**
 * Max-membrane cross-entropy (the max-over-time readout of the snnTorch tutorials):
 *   z_k = max_t y_t,k;   L = mean_b −Σ_k ỹ_k · log_softmax(z)_k,   ỹ = (1 − s)·onehot + s/K
 */
import type { LossDef } from './types';

export const maxMembraneCe = {
  name: 'max_membrane_ce',
  label: 'Cross-entropy on max membrane',
  formula: 'logits = max_t y_t; L = mean_b −Σ_k ỹ_k log_softmax(logits)_k',
  readout: 'max',
} as const satisfies LossDef;
