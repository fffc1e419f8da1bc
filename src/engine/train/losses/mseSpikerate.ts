/**
 * Spike-rate mean squared error (Spyx `mse_spikerate`, docs/specs/spyx.md §2.4):
 *   r_k = mean_t y_t,k;   target = ỹ · sparsity · T;   L = mean_b,k (r_k − target_k)²
 * with sparsity 0.25 and smoothing s = 0 by default. Spyx's quirk is kept: a mean over time is
 * compared with a target scaled by T.
 */
import type { LossDef } from './types';

export const mseSpikerate = {
  name: 'mse_spikerate',
  label: 'MSE on spike rate',
  formula: 'r = mean_t y_t; target = ỹ·sparsity·T; L = mean (r − target)²',
  readout: 'mean',
} as const satisfies LossDef;
