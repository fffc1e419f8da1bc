/**
 * LIF (NIR `LIF`): τ·dv/dt = (v_leak − v) + R·I;  z = H(v − θ);  v ← v_reset on spike  (θ = v_threshold).
 * Discretised over dt (same time unit as τ):
 *   Euler  β = 1 − dt/τ,    input gain R·dt/τ,   bias (dt/τ)·v_leak     (what exporters bake in)
 *   exact  β = e^(−dt/τ),   input gain R·(1 − β), bias (1 − β)·v_leak    (exact for constant input)
 * so m_t = β·v_{t−1} + bias + gain·x_t. Default update order 'post' (update, fire, reset to
 * v_reset, as NIR, Norse and snnTorch with reset_delay=False); 'pre' and reset 'subtract' are the
 * Spyx options. With options.model = 'ALIF' see ./alif.ts.
 */
import type { NeuronOptions } from '../graph/labMetadata';
import type { LIFNode } from '../graph/types';
import { alifAdaptation } from './alif';
import { decay, perNeuron, type DiscreteNeuron } from './types';

export function discretiseLif(node: LIFNode, dt: number, options: NeuronOptions): DiscreteNeuron {
  const size = node.tau.data.length;
  const d = Array.from({ length: size }, (_, i) => decay(dt, node.tau.data[i], options.integration));
  const neuron: DiscreteNeuron = {
    output: 'spikes',
    synaptic: false,
    adaptive: false,
    spikeFrom: options.spikeFrom,
    reset: options.reset,
    size,
    beta: perNeuron(size, (i) => d[i].keep),
    gainIn: perNeuron(size, (i) => node.r.data[i] * d[i].take),
    bias: perNeuron(size, (i) => node.v_leak.data[i] * d[i].take),
    threshold: Float32Array.from(node.v_threshold.data),
    vReset: Float32Array.from(node.v_reset.data),
    learnDecay: options.learnDecay ?? false,
  };
  if (options.model === 'ALIF') Object.assign(neuron, alifAdaptation(size, options));
  return neuron;
}
