/** NIR `SumPool2d`: the sum over each window of (C, H, W), channels unchanged. */
import { POOL_2D } from './params';
import type { Primitive } from './primitive';

export const sumPool2dPrimitive: Primitive = {
  type: 'SumPool2d',
  category: 'conv',
  label: 'Sum pooling',
  description: 'Sums each window of every channel.',
  equation: 'y = Σ over each k×k window',
  baseName: 'sumpool2d',
  params: POOL_2D,
  stateful: false,
  nirIgnored: ['input_type', 'output_type'],
  create: () => ({ type: 'SumPool2d', kernel_size: [2, 2], stride: [2, 2], padding: [0, 0] }),
};
