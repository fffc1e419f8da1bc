/** NIR `AvgPool2d`: the mean over each window of (C, H, W), channels unchanged. */
import { POOL_2D } from './params';
import type { Primitive } from './primitive';

export const avgPool2dPrimitive: Primitive = {
  type: 'AvgPool2d',
  category: 'conv',
  label: 'Average pooling',
  description: 'Averages each window of every channel.',
  equation: 'y = mean over each k×k window',
  baseName: 'avgpool2d',
  params: POOL_2D,
  stateful: false,
  nirIgnored: [],
  create: () => ({ type: 'AvgPool2d', kernel_size: [2, 2], stride: [2, 2], padding: [0, 0] }),
};
