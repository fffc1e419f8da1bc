/**
 * The NIR paper's N-MNIST CNN (Pedersen et al. 2024, "Neuromorphic intermediate representation",
 * Nat. Commun. 15:8122; its Sinabs export is test/fixtures/nir/upstream/nir_02_cnn__cnn_sinabs.nir),
 * layer for layer, with the lab's template neurons and weights (../../graph/templates.ts):
 *
 *   2×34×34 → conv 5×5/2 pad 1 (16 ch, 16×16) → LIF → conv 3×3 pad 1 (16 ch) → LIF → sum-pool 2 (8×8)
 *   → conv 3×3 pad 1 (8 ch) → LIF → sum-pool 2 (4×4) → flatten (128) → Affine 256 → LIF
 *   → Affine `classes` → LI → Output.
 *
 * Where it differs from the paper's: the neurons are LIF with τ = 20 ms at dt = 1 ms (β = 0.95,
 * threshold 1, reset to 0; the paper's are integrate-and-fire in time steps), the readout is an LI
 * membrane (the paper's spiking IF), and the weights are the templates' seeded uniform draws,
 * ±2/√fan_in for the hidden layers and ±1/√fan_in for the readout, biases zero. At that gain every
 * layer fires from the first step (1–7 % of neurons per step on nmnist40); at ±1/√fan_in with
 * τ = 2 ms (β = 0.5, the scale of bench.md's workload B) the first layer fires 0.05 % and the
 * deeper ones not at all, so the loss stays at ln 10 (docs/recipes.md).
 */
import { affine, conv2d, li, lifOfShape, TEMPLATE_DT } from '../../graph/templates';
import { withGraphLabInfo } from '../../graph/labMetadata';
import type { NirGraph, NirNode } from '../../graph/types';

const POOL_2: NirNode = { type: 'SumPool2d', kernel_size: [2, 2], stride: [2, 2], padding: [0, 0] };

/** The chain of layers, input to output. */
const LAYERS = ['input', 'conv1', 'lif1', 'conv2', 'lif2', 'pool1', 'conv3', 'lif3', 'pool2', 'flatten', 'fc1', 'lif4', 'fc2', 'readout', 'output'];

/** The paper's CNN for 2×34×34 event frames and `classes` classes; layer k's weights are drawn with seed + k. */
export function nirPaperCnn(classes: number, seed: number): NirGraph {
  const nodes: Record<string, NirNode> = {
    input: { type: 'Input', shape: [2, 34, 34] },
    conv1: conv2d(2, 16, 5, 2, 1, 34, seed),
    lif1: lifOfShape([16, 16, 16]),
    conv2: conv2d(16, 16, 3, 1, 1, 16, seed + 1),
    lif2: lifOfShape([16, 16, 16]),
    pool1: POOL_2,
    conv3: conv2d(16, 8, 3, 1, 1, 8, seed + 2),
    lif3: lifOfShape([8, 8, 8]),
    pool2: POOL_2,
    flatten: { type: 'Flatten', start_dim: 0, end_dim: -1, input_type: [8, 4, 4] },
    fc1: affine(128, 256, seed + 3, 2),
    lif4: lifOfShape([256]),
    fc2: affine(256, classes, seed + 4, 1),
    readout: li(classes),
    output: { type: 'Output', shape: [classes] },
  };
  return {
    type: 'NIRGraph',
    nodes,
    edges: LAYERS.slice(1).map((to, i): [string, string] => [LAYERS[i], to]),
    metadata: withGraphLabInfo(undefined, { dt: TEMPLATE_DT, timeUnit: 's', positions: {} }),
  };
}
