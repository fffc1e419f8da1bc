/**
 * Triangular (Esser et al. 2016; Spyx `axn.triangular(k=2)`).
 *   backward g(z) = max(0, 1 − |k·z|)                 peak 1, ∫g = 1/k, support |z| < 1/k
 */
import type { SurrogateDef } from './types';

export const triangular: SurrogateDef = {
  name: 'triangular',
  label: 'triangular',
  defaultSlope: 2,
  grad: (z, k) => Math.max(0, 1 - Math.abs(k * z)),
};
