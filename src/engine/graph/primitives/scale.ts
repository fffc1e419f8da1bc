/** NIR `Scale`: y = s ⊙ x, element-wise (a fixed gain: training leaves it as it is). */
import { filledLayer, type ParamSpec, type Primitive } from './primitive';

const params: readonly ParamSpec[] = [{ key: 'scale', kind: 'array', quantity: 'gain', meaning: 'gain of each element', shapeRule: 'layer', default: 1 }];

export const scalePrimitive: Primitive = {
  type: 'Scale',
  category: 'connection',
  label: 'Scale',
  description: 'Multiplies each element by its own gain.',
  equation: 'y = s ⊙ x',
  baseName: 'scale',
  params,
  sizedBy: 'scale',
  stateful: false,
  nirIgnored: [],
  create: () => filledLayer('Scale', params),
};
