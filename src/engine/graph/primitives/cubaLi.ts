/** NIR `CubaLI`, current-based leaky integrator (../../neurons/cubaLi.ts runs it). */
import { filledLayer, type Primitive } from './primitive';
import { R, TAU_MEM, TAU_SYN, V_LEAK, W_IN } from './params';

const params = [TAU_SYN, TAU_MEM, { ...R, default: 10 }, V_LEAK, W_IN];

export const cubaLiPrimitive: Primitive = {
  type: 'CubaLI',
  category: 'neuron',
  label: 'Current-based leaky integrator',
  description: 'A synaptic current feeding a leaky membrane that puts out its potential.',
  equation: 'τ_syn·dI/dt = −I + w_in·S;  τ_mem·dv/dt = (v_leak − v) + R·I',
  baseName: 'cubali',
  params,
  sizedBy: 'v_leak',
  stateful: true,
  neuron: { output: 'membrane', options: ['integration'] },
  nirIgnored: ['input_type', 'output_type'],
  create: () => filledLayer('CubaLI', params),
};
