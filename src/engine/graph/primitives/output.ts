/** NIR `Output`: where the prediction leaves; `shape` is the last layer's output, without batch and time. */
import { PALETTE_SIZE, type Primitive } from './primitive';
import { SHAPE } from './params';

export const outputPrimitive: Primitive = {
  type: 'Output',
  category: 'io',
  label: 'Output',
  description: 'Where the prediction leaves the network.',
  equation: 'y ↦ y (the prediction leaves here)',
  baseName: 'output',
  params: [SHAPE],
  stateful: false,
  nirIgnored: ['output_type'],
  create: () => ({ type: 'Output', shape: [PALETTE_SIZE] }),
};
