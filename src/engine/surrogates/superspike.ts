/**
 * SuperSpike / fast sigmoid (Zenke & Ganguli 2018). Spyx `superspike(k=25)` (its default) and
 * snnTorch `fast_sigmoid(slope=25)` are the same function.
 *   forward  z ↦ H(z) = 1 if z > 0 else 0          (z = v − θ)
 *   backward g(z) = 1 / (1 + k·|z|)²                 peak g(0) = 1, ∫g = 2/k
 *   primitive S(z) = z / (1 + k·|z|)  (S' = g; the smooth forward of gradient checks)
 */
import type { SurrogateDef } from './types';

export const superspike: SurrogateDef = {
  name: 'superspike',
  label: 'SuperSpike / fast sigmoid',
  defaultSlope: 25,
  grad: (z, k) => 1 / (1 + k * Math.abs(z)) ** 2,
  primitive: (z, k) => z / (1 + k * Math.abs(z)),
};
