/**
 * Spyx arctan (`spyx.axn.arctan(k=2)`, used in the Spyx SHD paper runs).
 *   backward g(z) = 1 / (π·(1 + (k·π·z)²))           peak 1/π, ∫g = 1/(k·π)
 * Not snnTorch's ATan: Spyx arctan(k) = snnTorch ATan(α = 2k) / (k·π) (docs/specs/spyx.md §2.3).
 *   primitive S(z) = arctan(k·π·z) / (k·π²)  (S' = g; the smooth forward of gradient checks)
 */
import type { SurrogateDef } from './types';

export const spyxArctan: SurrogateDef = {
  name: 'spyx_arctan',
  label: 'arctan (Spyx)',
  defaultSlope: 2,
  grad: (z, k) => 1 / (Math.PI * (1 + (k * Math.PI * z) ** 2)),
  primitive: (z, k) => Math.atan(k * Math.PI * z) / (k * Math.PI * Math.PI),
};
