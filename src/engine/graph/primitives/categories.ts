/**
 * The families of NIR primitives, in the palette's order (as nirviz colours them: I/O,
 * connections, convolutions, neurons, subgraphs). The UI colours each by its id (`cat-<id>`).
 */
export type Category = 'io' | 'connection' | 'conv' | 'neuron' | 'graph';

export const CATEGORIES: ReadonlyArray<{ id: Category; label: string }> = [
  { id: 'io', label: 'Input / output' },
  { id: 'connection', label: 'Connections' },
  { id: 'conv', label: 'Convolutions and pooling' },
  { id: 'neuron', label: 'Neurons' },
  { id: 'graph', label: 'Subgraph' },
];
