/**
 * Triangular (Esser et al. 2016; Spyx `axn.triangular(k=2)`).
 *   backward g(z) = max(0, 1 − |k·z|)                 peak 1, ∫g = 1/k, support |z| < 1/k
 *   primitive S(z) = c − k·c·|c|/2 with c = clip(z, −1/k, 1/k)  (S' = g; the smooth forward of gradient checks)
 */
import type { SurrogateDef } from './types';

export const triangular: SurrogateDef = {
  name: 'triangular',
  label: 'triangular',
  defaultSlope: 2,
  grad: (z, k) => Math.max(0, 1 - Math.abs(k * z)),
  primitive: (z, k) => {
    const c = Math.min(Math.max(z, -1 / k), 1 / k);
    return c - (k * c * Math.abs(c)) / 2;
  },
};
