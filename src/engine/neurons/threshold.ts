/**
 * Threshold (NIR `Threshold`): z = H(x − θ), stateless (z_t = H(x_t − θ) at each step). Run as a
 * scan with β = 0 and unit gain (m_t = x_t), so it is trained through the same surrogate as the
 * spiking neurons.
 */
import type { ThresholdNode } from '../graph/types';
import type { DiscreteNeuron } from './types';

export function discretiseThreshold(node: ThresholdNode): DiscreteNeuron {
  const size = node.threshold.data.length;
  return {
    output: 'spikes',
    synaptic: false,
    adaptive: false,
    spikeFrom: 'post',
    reset: 'to_reset',
    size,
    beta: new Float32Array(size),
    gainIn: new Float32Array(size).fill(1),
    bias: new Float32Array(size),
    threshold: Float32Array.from(node.threshold.data),
    vReset: new Float32Array(size),
    learnDecay: false,
  };
}
