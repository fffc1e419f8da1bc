/** NIR `LIF`, leaky integrate-and-fire (../../neurons/lif.ts runs it). */
import { filledLayer, type Primitive } from './primitive';
import { R, TAU, V_LEAK, V_RESET, V_THRESHOLD } from './params';

const params = [TAU, { ...R, default: 20 }, V_LEAK, V_THRESHOLD, V_RESET];

export const lifPrimitive: Primitive = {
  type: 'LIF',
  category: 'neuron',
  label: 'Leaky integrate-and-fire',
  description: 'A leaky membrane that spikes at the threshold and resets.',
  equation: 'τ·dv/dt = (v_leak − v) + R·I;  z = H(v − θ);  v ← v_reset on spike',
  baseName: 'lif',
  params,
  sizedBy: 'tau',
  stateful: true,
  neuron: { output: 'spikes', options: ['reset', 'spikeFrom', 'integration'] },
  nirIgnored: ['input_type', 'output_type'],
  create: () => filledLayer('LIF', params),
};
