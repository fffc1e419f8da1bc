/**
 * Boxcar (Spyx `axn.boxcar(width=2, height=0.5)` at k = 1): a rectangle of area 1.
 *   backward g(z) = (k/2)·[|z| < 1/k]                 peak k/2, ∫g = 1
 * k = 1 gives Spyx's default: height 0.5 on |z| < 1.
 */
import type { SurrogateDef } from './types';

export const boxcar: SurrogateDef = {
  name: 'boxcar',
  label: 'boxcar',
  defaultSlope: 1,
  grad: (z, k) => (Math.abs(z) < 1 / k ? k / 2 : 0),
};
