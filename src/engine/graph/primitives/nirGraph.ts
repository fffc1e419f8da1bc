/** NIR `NIRGraph`: a nested graph, connected to its parent through its own Input and Output nodes. */
import { PALETTE_SIZE, type Primitive } from './primitive';
import { lifPrimitive } from './lif';

export const nirGraphPrimitive: Primitive = {
  type: 'NIRGraph',
  category: 'graph',
  label: 'Subgraph',
  description: 'A nested graph of primitives.',
  equation: 'a nested graph: its Input and Output nodes connect it',
  baseName: 'subgraph',
  params: [],
  stateful: true,
  nirIgnored: ['input_type', 'output_type'],
  create: () => ({
    type: 'NIRGraph',
    nodes: { input: { type: 'Input', shape: [PALETTE_SIZE] }, lif: lifPrimitive.create(1), output: { type: 'Output', shape: [PALETTE_SIZE] } },
    edges: [['input', 'lif'], ['lif', 'output']],
  }),
};
