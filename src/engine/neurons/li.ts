/**
 * LI (NIR `LI`), leaky integrator, the usual readout: τ·dv/dt = (v_leak − v) + R·I; output v.
 * Discretised as LIF without spikes: v_t = β·v_{t−1} + (dt/τ)·v_leak + (R·dt/τ)·x_t, β = 1 − dt/τ
 * (exact: e^(−dt/τ), gains (1 − β)). Spyx's LI readout U_t = β·U_{t−1} + x_t is R = τ/dt.
 */
import type { NeuronOptions } from '../graph/labMetadata';
import type { LINode } from '../graph/types';
import { decay, perNeuron, type DiscreteNeuron } from './types';

export function discretiseLi(node: LINode, dt: number, options: NeuronOptions): DiscreteNeuron {
  const size = node.tau.data.length;
  const d = Array.from({ length: size }, (_, i) => decay(dt, node.tau.data[i], options.integration));
  return {
    output: 'membrane',
    synaptic: false,
    adaptive: false,
    spikeFrom: 'post',
    reset: 'to_reset',
    size,
    beta: perNeuron(size, (i) => d[i].keep),
    gainIn: perNeuron(size, (i) => node.r.data[i] * d[i].take),
    bias: perNeuron(size, (i) => node.v_leak.data[i] * d[i].take),
    threshold: new Float32Array(size),
    vReset: new Float32Array(size),
    learnDecay: options.learnDecay ?? false,
  };
}
