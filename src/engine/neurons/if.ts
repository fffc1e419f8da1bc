/**
 * IF (NIR `IF`), integrate-and-fire: dv/dt = R·I;  z = H(v − θ);  v ← v_reset on spike  (θ = v_threshold).
 * Discretised over dt: m_t = v_{t−1} + R·dt·x_t (no leak, β = 1; exact and Euler agree), then fire
 * and reset as LIF. Spyx/Sinabs files use dt = 1 step, so the gain is R.
 */
import type { NeuronOptions } from '../graph/labMetadata';
import type { IFNode } from '../graph/types';
import { perNeuron, type DiscreteNeuron } from './types';

export function discretiseIf(node: IFNode, dt: number, options: NeuronOptions): DiscreteNeuron {
  const size = node.r.data.length;
  return {
    output: 'spikes',
    synaptic: false,
    adaptive: false,
    spikeFrom: options.spikeFrom,
    reset: options.reset,
    size,
    beta: new Float32Array(size).fill(1),
    gainIn: perNeuron(size, (i) => node.r.data[i] * dt),
    bias: new Float32Array(size),
    threshold: Float32Array.from(node.v_threshold.data),
    vReset: Float32Array.from(node.v_reset.data),
    learnDecay: false,
  };
}
