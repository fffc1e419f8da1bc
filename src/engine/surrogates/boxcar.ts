/**
 * Boxcar (Spyx `axn.boxcar(width=2, height=0.5)` at k = 1): a rectangle of area 1.
 *   backward g(z) = (k/2)·[|z| < 1/k]                 peak k/2, ∫g = 1
 * k = 1 gives Spyx's default: height 0.5 on |z| < 1.
 *   primitive S(z) = clip(k·z/2, −1/2, 1/2)  (S' = g; the smooth forward of gradient checks)
 */
import type { SurrogateDef } from './types';

export const boxcar: SurrogateDef = {
  name: 'boxcar',
  label: 'boxcar',
  defaultSlope: 1,
  grad: (z, k) => (Math.abs(z) < 1 / k ? k / 2 : 0),
  primitive: (z, k) => Math.min(Math.max((k * z) / 2, -0.5), 0.5),
};
