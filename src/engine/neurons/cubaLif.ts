/**
 * CubaLIF (NIR `CubaLIF`), current-based LIF:
 *   τ_syn·dI/dt = −I + w_in·S;  τ_mem·dv/dt = (v_leak − v) + R·I;  z = H(v − θ);  v ← v_reset  (θ = v_threshold).
 * Discretised over dt, the current first, then the membrane from the new current (Norse's order:
 * constant input 1, τ_mem 10 ms, τ_syn 5 ms, dt 1 ms, w_in = τ_syn/dt gives v = 0.1, 0.27, 0.487, …):
 *   c_t = α·c_{t−1} + (w_in·dt/τ_syn)·x_t            α = 1 − dt/τ_syn   (exact: e^(−dt/τ_syn), gain w_in·(1 − α))
 *   m_t = β·v_{t−1} + (dt/τ_mem)·v_leak + (R·dt/τ_mem)·c_t     β = 1 − dt/τ_mem   (exact likewise)
 * then fire and reset as LIF (./lif.ts). snnTorch's Synaptic (α·syn + x, β·mem + syn) is
 * R = τ_mem/dt, w_in = τ_syn/dt.
 */
import type { NeuronOptions } from '../graph/labMetadata';
import type { CubaLIFNode } from '../graph/types';
import { alifAdaptation } from './alif';
import { decay, perNeuron, type DiscreteNeuron } from './types';

export function discretiseCubaLif(node: CubaLIFNode, dt: number, options: NeuronOptions): DiscreteNeuron {
  const size = node.v_threshold.data.length;
  const syn = Array.from({ length: size }, (_, i) => decay(dt, node.tau_syn.data[i], options.integration));
  const mem = Array.from({ length: size }, (_, i) => decay(dt, node.tau_mem.data[i], options.integration));
  const neuron: DiscreteNeuron = {
    output: 'spikes',
    synaptic: true,
    adaptive: false,
    spikeFrom: options.spikeFrom,
    reset: options.reset,
    size,
    alpha: perNeuron(size, (i) => syn[i].keep),
    gainIn: perNeuron(size, (i) => node.w_in.data[i] * syn[i].take),
    beta: perNeuron(size, (i) => mem[i].keep),
    gainCur: perNeuron(size, (i) => node.r.data[i] * mem[i].take),
    bias: perNeuron(size, (i) => node.v_leak.data[i] * mem[i].take),
    threshold: Float32Array.from(node.v_threshold.data),
    vReset: Float32Array.from(node.v_reset.data),
    learnDecay: options.learnDecay ?? false,
  };
  if (options.model === 'ALIF') Object.assign(neuron, alifAdaptation(size, options));
  return neuron;
}
