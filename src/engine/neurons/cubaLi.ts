/**
 * CubaLI (NIR `CubaLI`), current-based leaky integrator:
 *   τ_syn·dI/dt = −I + w_in·S;  τ_mem·dv/dt = (v_leak − v) + R·I;  output v.
 * Discretised as CubaLIF (./cubaLif.ts) without spikes: c_t = α·c_{t−1} + (w_in·dt/τ_syn)·x_t,
 * v_t = β·v_{t−1} + (dt/τ_mem)·v_leak + (R·dt/τ_mem)·c_t.
 */
import type { NeuronOptions } from '../graph/labMetadata';
import type { CubaLINode } from '../graph/types';
import { decay, perNeuron, type DiscreteNeuron } from './types';

export function discretiseCubaLi(node: CubaLINode, dt: number, options: NeuronOptions): DiscreteNeuron {
  const size = node.v_leak.data.length;
  const syn = Array.from({ length: size }, (_, i) => decay(dt, node.tau_syn.data[i], options.integration));
  const mem = Array.from({ length: size }, (_, i) => decay(dt, node.tau_mem.data[i], options.integration));
  return {
    output: 'membrane',
    synaptic: true,
    adaptive: false,
    spikeFrom: 'post',
    reset: 'to_reset',
    size,
    alpha: perNeuron(size, (i) => syn[i].keep),
    gainIn: perNeuron(size, (i) => node.w_in.data[i] * syn[i].take),
    beta: perNeuron(size, (i) => mem[i].keep),
    gainCur: perNeuron(size, (i) => node.r.data[i] * mem[i].take),
    bias: perNeuron(size, (i) => node.v_leak.data[i] * mem[i].take),
    threshold: new Float32Array(size),
    vReset: new Float32Array(size),
    learnDecay: options.learnDecay ?? false,
  };
}
