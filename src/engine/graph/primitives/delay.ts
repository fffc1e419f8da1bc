/** NIR `Delay`: y(t) = x(t − d) element-wise, d in the file's time unit (../../neurons/delay.ts runs it). */
import { filledLayer, type ParamSpec, type Primitive } from './primitive';

const params: readonly ParamSpec[] = [
  { key: 'delay', kind: 'array', quantity: 'delay', meaning: 'delay', shapeRule: 'layer', min: { value: 0, exclusive: false }, default: 1e-3 },
];

export const delayPrimitive: Primitive = {
  type: 'Delay',
  category: 'connection',
  label: 'Delay',
  description: 'Delays each element by its own time.',
  equation: 'y(t) = x(t − d)',
  baseName: 'delay',
  params,
  sizedBy: 'delay',
  stateful: true,
  nirIgnored: ['input_type', 'output_type'],
  create: () => filledLayer('Delay', params),
};
