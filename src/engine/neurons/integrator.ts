/**
 * I (NIR `I`), integrator: dv/dt = R·I; output v. Discretised: v_t = v_{t−1} + R·dt·x_t (β = 1).
 */
import type { INode } from '../graph/types';
import { perNeuron, type DiscreteNeuron } from './types';

export function discretiseIntegrator(node: INode, dt: number): DiscreteNeuron {
  const size = node.r.data.length;
  return {
    output: 'membrane',
    synaptic: false,
    adaptive: false,
    spikeFrom: 'post',
    reset: 'to_reset',
    size,
    beta: new Float32Array(size).fill(1),
    gainIn: perNeuron(size, (i) => node.r.data[i] * dt),
    bias: new Float32Array(size),
    threshold: new Float32Array(size),
    vReset: new Float32Array(size),
    learnDecay: false,
  };
}
