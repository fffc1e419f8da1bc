/**
 * Straight-through estimator (Spyx camera-ready `Axon()` default): the gradient passes unchanged.
 *   backward g(z) = 1                                   (the slope is ignored)
 *   primitive S(z) = z  (S' = g; the smooth forward of gradient checks)
 */
import type { SurrogateDef } from './types';

export const straightThrough: SurrogateDef = {
  name: 'straight_through',
  label: 'straight-through',
  defaultSlope: 1,
  grad: () => 1,
  primitive: (z) => z,
};
