/** NIR `LI`, leaky integrator, the usual readout (../../neurons/li.ts runs it). */
import { filledLayer, type Primitive } from './primitive';
import { R, TAU, V_LEAK } from './params';

const params = [TAU, { ...R, default: 20 }, V_LEAK];

export const liPrimitive: Primitive = {
  type: 'LI',
  category: 'neuron',
  label: 'Leaky integrator',
  description: 'A leaky membrane that puts out its potential (the usual readout).',
  equation: 'τ·dv/dt = (v_leak − v) + R·I',
  baseName: 'li',
  params,
  sizedBy: 'tau',
  stateful: true,
  neuron: { output: 'membrane', options: ['integration'] },
  nirIgnored: ['input_type', 'output_type'],
  create: () => filledLayer('LI', params),
};
