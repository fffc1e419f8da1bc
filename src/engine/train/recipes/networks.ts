/**
 * The networks recipes train, sized to a dataset: each kind is a template of
 * ../../graph/templates.ts with its width, the Spyx paper's SHD network (bench.md's workload A,
 * ../../workloads/workloadAGraph.ts) or the NIR paper's N-MNIST CNN (./nirPaperCnn.ts), built with
 * its own seeded weights, so a recipe and a seed always give the same network.
 */
import { lifClassifier, recurrentLifClassifier, type ClassifierSize } from '../../graph/templates';
import type { NirGraph } from '../../graph/types';
import { initParamsA } from '../../workloads/canon';
import { workloadAGraph } from '../../workloads/workloadAGraph';
import { nirPaperCnn } from './nirPaperCnn';

export type RecipeNetwork =
  /** Input → Affine → `hidden` LIF → Affine → LI (templates.ts lifClassifier; the CLI's `--hidden`). */
  | { kind: 'lif'; hidden: number }
  /** As 'lif' with a recurrent Linear on the LIF layer (templates.ts recurrentLifClassifier). */
  | { kind: 'recurrent-lif'; hidden: number }
  /**
   * Input → Linear → `hidden` LIF → Linear → `hidden` LIF → Linear → LI, no biases, in time steps
   * (dt = 1): the Spyx paper's SHD network with Spyx's neuron (spike from the previous membrane,
   * subtractive reset, learnable β per neuron, readout β 0.8) and bench.md §1.3's initialisation at
   * gain 1: uniform draws with the standard deviations of Spyx's truncated normals (weights
   * 1/√fan_in, β 0.5 ± 0.25), not those distributions themselves.
   */
  | { kind: 'spyx-lif2'; hidden: number }
  /**
   * The NIR paper's N-MNIST CNN with the templates' LIF neurons and weights (./nirPaperCnn.ts):
   * 2×34×34 event frames only, three conv/LIF layers and two sum-pools, 256 LIF, LI readout.
   */
  | { kind: 'nir-cnn' };

/** The recipe's network for a set of `inputs` features (flattened; 'nir-cnn' takes 2×34×34 only) and `classes` classes. */
export function buildNetwork(network: RecipeNetwork, inputs: number, classes: number, seed: number): NirGraph {
  const size = (hidden: number): ClassifierSize => ({ inputs, hidden, classes });
  switch (network.kind) {
    case 'lif': return lifClassifier(size(network.hidden), seed);
    case 'recurrent-lif': return recurrentLifClassifier(size(network.hidden), seed);
    case 'spyx-lif2': return workloadAGraph(initParamsA({ C: inputs, H: network.hidden, O: classes, seed, gain: 1 }));
    case 'nir-cnn': return nirPaperCnn(classes, seed);
  }
}
