/** NIR `CubaLIF`, current-based LIF (../../neurons/cubaLif.ts runs it). */
import { filledLayer, type Primitive } from './primitive';
import { R, TAU_MEM, TAU_SYN, V_LEAK, V_RESET, V_THRESHOLD, W_IN } from './params';

const params = [TAU_SYN, TAU_MEM, { ...R, default: 10 }, V_LEAK, V_THRESHOLD, V_RESET, W_IN];

export const cubaLifPrimitive: Primitive = {
  type: 'CubaLIF',
  category: 'neuron',
  label: 'Current-based LIF',
  description: 'A synaptic current feeding a leaky membrane that spikes at the threshold and resets.',
  equation: 'τ_syn·dI/dt = −I + w_in·S;  τ_mem·dv/dt = (v_leak − v) + R·I;  z = H(v − θ);  v ← v_reset',
  baseName: 'cubalif',
  params,
  sizedBy: 'v_leak',
  stateful: true,
  neuron: { output: 'spikes', options: ['reset', 'spikeFrom', 'integration'] },
  nirIgnored: ['input_type', 'output_type'],
  create: () => filledLayer('CubaLIF', params),
};
