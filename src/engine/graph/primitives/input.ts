/** NIR `Input`: where the data enters; `shape` is one sample's, without batch and time. */
import { PALETTE_SIZE, type Primitive } from './primitive';
import { SHAPE } from './params';

export const inputPrimitive: Primitive = {
  type: 'Input',
  category: 'io',
  label: 'Input',
  description: 'Where the data enters the network.',
  equation: 'x ↦ x (the data enters here)',
  baseName: 'input',
  params: [SHAPE],
  stateful: false,
  nirIgnored: ['input_type'],
  create: () => ({ type: 'Input', shape: [PALETTE_SIZE] }),
};
