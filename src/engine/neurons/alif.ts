/**
 * ALIF, adaptive LIF (Bellec et al. 2018; Spyx `ALIF`): a LIF node whose lab options carry
 * model 'ALIF' and a per-neuron `gamma`. The threshold rises by (1 − γ) with each spike and the
 * rise decays by γ per step:
 *   θ_t = θ + a_{t−1};  z_t = H(· − θ_t);  reset subtracts θ_t;  a_t = γ·a_{t−1} + (1 − γ)·z_t
 * NIR has no ALIF primitive: other tools read the node as a plain LIF.
 */
import { SpikelabError } from '../core/errors';
import type { NeuronOptions } from '../graph/labMetadata';
import type { DiscreteNeuron } from './types';

export function alifAdaptation(size: number, options: NeuronOptions): Pick<DiscreteNeuron, 'adaptive' | 'gamma'> {
  const gamma = options.gamma;
  if (!gamma || (gamma.data.length !== size && gamma.data.length !== 1)) {
    throw new SpikelabError('GRAPH_BAD_PARAMETER', `An ALIF population of ${size} neurons needs gamma with ${size} values (or one), got ${gamma ? gamma.data.length : 'none'}.`,
      'Set the adaptation decay gamma in the inspector (0 < γ < 1; Spyx initialises it around 0.5).');
  }
  const values = gamma.data.length === 1 ? new Float32Array(size).fill(gamma.data[0]) : Float32Array.from(gamma.data);
  return { adaptive: true, gamma: values };
}
