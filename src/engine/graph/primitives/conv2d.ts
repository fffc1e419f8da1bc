/** NIR `Conv2d`: cross-correlation as torch.nn.Conv2d on (C, H, W); weight (C_out, C_in/groups, kH, kW). */
import { seededWeights } from '../templates';
import { filled } from '../types';
import { convParams } from './params';
import type { Primitive } from './primitive';

export const conv2dPrimitive: Primitive = {
  type: 'Conv2d',
  category: 'conv',
  label: '2-D convolution',
  description: 'Cross-correlation over (channels, height, width), as torch.nn.Conv2d.',
  equation: 'y = W ⋆ x + b (cross-correlation over height × width)',
  baseName: 'conv2d',
  params: convParams(2),
  stateful: false,
  nirIgnored: [],
  create: (seed) => ({
    type: 'Conv2d', weight: seededWeights([8, 2, 3, 3], 18, seed), bias: filled([8], 0), stride: [1, 1], padding: [1, 1], dilation: [1, 1], groups: 1,
    input_shape: [34, 34],
  }),
};
