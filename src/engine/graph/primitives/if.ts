/** NIR `IF`, integrate-and-fire (../../neurons/if.ts runs it). */
import { filledLayer, type Primitive } from './primitive';
import { R, V_RESET, V_THRESHOLD } from './params';

const params = [R, V_THRESHOLD, V_RESET];

export const ifPrimitive: Primitive = {
  type: 'IF',
  category: 'neuron',
  label: 'Integrate-and-fire',
  description: 'Integrates without leak, spikes at the threshold and resets.',
  equation: 'dv/dt = R·I;  z = H(v − θ);  v ← v_reset on spike',
  baseName: 'if',
  params,
  sizedBy: 'r',
  stateful: true,
  neuron: { output: 'spikes', options: ['reset', 'spikeFrom'] },
  nirIgnored: ['input_type', 'output_type'],
  create: () => filledLayer('IF', params),
};
