/**
 * Tanh (Spyx `axn.tanh(k=1)`): d/dz tanh(k·z) divided by k.
 *   backward g(z) = sech²(k·z) = 4 / (e^(−kz) + e^(kz))²    peak 1, ∫g = 2/k
 *   primitive S(z) = tanh(k·z) / k  (S' = g; the smooth forward of gradient checks)
 */
import type { SurrogateDef } from './types';

export const tanh: SurrogateDef = {
  name: 'tanh',
  label: 'tanh',
  defaultSlope: 1,
  grad: (z, k) => {
    const t = Math.tanh(k * z);
    return 1 - t * t;
  },
  primitive: (z, k) => Math.tanh(k * z) / k,
};
