/** NIR `Affine`: y = W·x + b, weight (…, out, in) like torch.nn.Linear.weight. */
import { seededWeights } from '../templates';
import { filled } from '../types';
import { PALETTE_SIZE, type Primitive } from './primitive';
import { BIAS, WEIGHT } from './params';

export const affinePrimitive: Primitive = {
  type: 'Affine',
  category: 'connection',
  label: 'Affine',
  description: 'A dense layer with bias, as torch.nn.Linear.',
  equation: 'y = W·x + b',
  baseName: 'affine',
  params: [WEIGHT, BIAS],
  stateful: false,
  nirIgnored: ['input_type', 'output_type'],
  create: (seed) => ({ type: 'Affine', weight: seededWeights([PALETTE_SIZE, PALETTE_SIZE], PALETTE_SIZE, seed), bias: filled([PALETTE_SIZE], 0) }),
};
