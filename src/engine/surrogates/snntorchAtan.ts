/**
 * snnTorch / SpikingJelly ATan (`snntorch.surrogate.atan(alpha=2)`): the derivative of
 * (1/π)·arctan(π·α·z/2) + 1/2.
 *   backward g(z) = (α/2) / (1 + (π·α·z/2)²)         peak α/2, ∫g = 1
 *   primitive S(z) = arctan(π·α·z/2) / π  (S' = g; the smooth forward of gradient checks)
 */
import type { SurrogateDef } from './types';

export const snntorchAtan: SurrogateDef = {
  name: 'snntorch_atan',
  label: 'arctan (snnTorch)',
  defaultSlope: 2,
  grad: (z, a) => a / 2 / (1 + ((Math.PI * a * z) / 2) ** 2),
  primitive: (z, a) => Math.atan((Math.PI * a * z) / 2) / Math.PI,
};
