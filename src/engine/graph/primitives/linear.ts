/** NIR `Linear`: y = W·x, weight (…, out, in). */
import { seededWeights } from '../templates';
import { PALETTE_SIZE, type Primitive } from './primitive';
import { WEIGHT } from './params';

export const linearPrimitive: Primitive = {
  type: 'Linear',
  category: 'connection',
  label: 'Linear',
  description: 'A dense layer without bias.',
  equation: 'y = W·x',
  baseName: 'linear',
  params: [WEIGHT],
  stateful: false,
  nirIgnored: [],
  create: (seed) => ({ type: 'Linear', weight: seededWeights([PALETTE_SIZE, PALETTE_SIZE], PALETTE_SIZE, seed) }),
};
