/**
 * Sigmoid (snnTorch `surrogate.sigmoid(slope=25)`): the derivative of σ(k·z).
 *   backward g(z) = k·σ(k·z)·(1 − σ(k·z))            peak k/4, ∫g = 1
 *   primitive S(z) = σ(k·z)  (S' = g; the smooth forward of gradient checks)
 */
import type { SurrogateDef } from './types';

export const sigmoid: SurrogateDef = {
  name: 'sigmoid',
  label: 'sigmoid',
  defaultSlope: 25,
  grad: (z, k) => {
    const s = 1 / (1 + Math.exp(-k * z));
    return k * s * (1 - s);
  },
  primitive: (z, k) => 1 / (1 + Math.exp(-k * z)),
};
