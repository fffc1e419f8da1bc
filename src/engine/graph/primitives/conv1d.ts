/** NIR `Conv1d`: cross-correlation as torch.nn.Conv1d on (C, L); weight (C_out, C_in/groups, K). */
import { seededWeights } from '../templates';
import { filled } from '../types';
import { convParams } from './params';
import type { Primitive } from './primitive';

export const conv1dPrimitive: Primitive = {
  type: 'Conv1d',
  category: 'conv',
  label: '1-D convolution',
  description: 'Cross-correlation over (channels, length), as torch.nn.Conv1d.',
  equation: 'y = W ⋆ x + b (cross-correlation over length)',
  baseName: 'conv1d',
  params: convParams(1),
  stateful: false,
  nirIgnored: ['input_type', 'output_type'],
  create: (seed) => ({
    type: 'Conv1d', weight: seededWeights([4, 2, 3], 6, seed), bias: filled([4], 0), stride: [1], padding: [1], dilation: [1], groups: 1, input_shape: [32],
  }),
};
