/**
 * Integral cross-entropy (Spyx `integral_crossentropy`, docs/specs/spyx.md §2.4):
 *   z_k = Σ_t y_t,k                                  (the readout summed over time)
 *   L   = mean_b −Σ_k ỹ_k · log_softmax(z)_k,   ỹ = (1 − s)·onehot + s/K
 * with label smoothing s (Spyx default 0.3; equals torch CrossEntropyLoss(label_smoothing = s)).
 * On a spiking readout the sum is the spike count. On a membrane readout the logits grow with T
 * and with the readout's gain (an LI at dt = 5 ms, τ = 20 ms, R = τ/1 ms settles at 20× its
 * input): the first loss is then far above ln K; ./meanMembraneCe.ts is the scale-free version.
 */
import type { LossDef } from './types';

export const integralCe = {
  name: 'integral_ce',
  label: 'Cross-entropy on summed output (Spyx)',
  formula: 'logits = Σ_t y_t; L = mean_b −Σ_k ỹ_k log_softmax(logits)_k, ỹ = (1 − s)·onehot + s/K',
  readout: 'sum',
} as const satisfies LossDef;
