/** NIR `Threshold`: z = H(x − θ), strict and stateless (../../neurons/threshold.ts runs it). */
import { filledLayer, type ParamSpec, type Primitive } from './primitive';

const params: readonly ParamSpec[] = [{ key: 'threshold', kind: 'array', quantity: 'potential', meaning: 'threshold θ', shapeRule: 'layer', default: 1 }];

export const thresholdPrimitive: Primitive = {
  type: 'Threshold',
  category: 'neuron',
  label: 'Threshold',
  description: 'Spikes wherever the input is above θ, without memory.',
  equation: 'z = H(x − θ)',
  baseName: 'threshold',
  params,
  sizedBy: 'threshold',
  stateful: false,
  neuron: { output: 'spikes', options: [] },
  nirIgnored: ['input_type', 'output_type'],
  create: () => filledLayer('Threshold', params),
};
