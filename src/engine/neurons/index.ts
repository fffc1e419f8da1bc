/** NIR neuron node → discrete-time scan constants, for a dt and the node's lab options. */
import { SpikelabError } from '../core/errors';
import { neuronOptions } from '../graph/labMetadata';
import type { NirNode } from '../graph/types';
import { discretiseCubaLi } from './cubaLi';
import { discretiseCubaLif } from './cubaLif';
import { discretiseIf } from './if';
import { discretiseIntegrator } from './integrator';
import { discretiseLi } from './li';
import { discretiseLif } from './lif';
import { discretiseThreshold } from './threshold';
import type { DiscreteNeuron } from './types';

export type { DiscreteNeuron } from './types';

export const SCAN_NODE_TYPES = ['LIF', 'CubaLIF', 'IF', 'LI', 'CubaLI', 'I', 'Threshold'] as const;

export function isScanNode(node: NirNode): boolean {
  return (SCAN_NODE_TYPES as readonly string[]).includes(node.type);
}

export function discretise(node: NirNode, dt: number): DiscreteNeuron {
  const options = neuronOptions(node);
  switch (node.type) {
    case 'LIF': return discretiseLif(node, dt, options);
    case 'CubaLIF': return discretiseCubaLif(node, dt, options);
    case 'IF': return discretiseIf(node, dt, options);
    case 'LI': return discretiseLi(node, dt, options);
    case 'CubaLI': return discretiseCubaLi(node, dt, options);
    case 'I': return discretiseIntegrator(node, dt);
    case 'Threshold': return discretiseThreshold(node);
    default:
      throw new SpikelabError('INTERNAL', `${node.type} is not a neuron model.`, 'Only neuron nodes are discretised.');
  }
}
