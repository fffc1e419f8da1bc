/**
 * Straight-through estimator (Spyx camera-ready `Axon()` default): the gradient passes unchanged.
 *   backward g(z) = 1                                   (the slope is ignored)
 */
import type { SurrogateDef } from './types';

export const straightThrough: SurrogateDef = {
  name: 'straight_through',
  label: 'straight-through',
  defaultSlope: 1,
  grad: () => 1,
};
