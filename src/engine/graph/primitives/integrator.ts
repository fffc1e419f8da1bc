/** NIR `I`, integrator: dv/dt = R·I; output v (../../neurons/integrator.ts runs it). */
import { filledLayer, type Primitive } from './primitive';
import { R } from './params';

const params = [R];

export const integratorPrimitive: Primitive = {
  type: 'I',
  category: 'neuron',
  label: 'Integrator',
  description: 'Integrates its input without leak and puts out the membrane.',
  equation: 'dv/dt = R·I',
  baseName: 'i',
  params,
  sizedBy: 'r',
  stateful: true,
  neuron: { output: 'membrane', options: [] },
  nirIgnored: ['input_type', 'output_type'],
  create: () => filledLayer('I', params),
};
