/**
 * The writer profile (docs/specs/nir.md §9): exactly the expected datasets per node with the
 * right ranks, repairs applied to a copy, and the lab's metadata surviving a round trip.
 */
import { describe, expect, it } from 'vitest';
import { SpikelabError } from '../core/errors';
import { readH5, type H5Group } from '../hdf5';
import { graphLabInfo, neuronOptions, withGraphLabInfo, withNeuronOptions } from '../graph/labMetadata';
import { filled, ndarray, type NirGraph } from '../graph/types';
import { readNir } from './readNir';
import { NIR_FORMAT_VERSION, writeNir } from './writeNir';

function group(root: H5Group, path: string): H5Group {
  let node: H5Group = root;
  for (const part of path.split('/')) node = node.children[part] as H5Group;
  return node;
}

const datasets = (g: H5Group) => Object.keys(g.children).filter((k) => g.children[k].kind === 'dataset').sort();
const rank = (g: H5Group, key: string) => (g.children[key] as { shape: number[] }).shape;

const convNet = (): NirGraph => ({
  type: 'NIRGraph',
  nodes: {
    input: { type: 'Input', shape: [2, 16] },
    conv: { type: 'Conv1d', weight: filled([3, 2, 5], 0.1), bias: filled([3], 0), stride: [1], padding: [2], dilation: [1], groups: 1 },
    flat: { type: 'Flatten', start_dim: 0, end_dim: -1 },
    fc: { type: 'Affine', weight: filled([4, 48], 0.01), bias: filled([4], 0) },
    // 0-d parameters, as snnTorch writes them: the writer broadcasts them to the layer size.
    lif: { type: 'LIF', tau: ndarray([], [0.02]), r: ndarray([], [1]), v_leak: ndarray([], [0]), v_threshold: ndarray([], [1]), v_reset: ndarray([], [0]) },
  },
  edges: [['input', 'conv'], ['conv', 'flat'], ['flat', 'fc'], ['fc', 'lif']],
});

describe('writeNir', () => {
  it('writes exactly the datasets of each type, with the ranks nir.read needs', async () => {
    const graph = convNet();
    const root = await readH5(await writeNir(graph));
    expect((root.children.version as { value: string[] }).value).toEqual([NIR_FORMAT_VERSION]);
    const nodes = group(root, 'node/nodes');
    expect(Object.keys(nodes.children).sort()).toEqual(['conv', 'fc', 'flat', 'input', 'lif', 'output_lif']);
    const conv = group(nodes, 'conv');
    expect(datasets(conv)).toEqual(['bias', 'dilation', 'groups', 'input_shape', 'padding', 'stride', 'type', 'weight']);
    for (const key of ['input_shape', 'stride', 'padding', 'dilation', 'groups', 'type']) expect(rank(conv, key), key).toEqual([]);
    const flat = group(nodes, 'flat');
    expect(datasets(flat)).toEqual(['end_dim', 'input_type', 'start_dim', 'type']);
    expect(rank(flat, 'start_dim')).toEqual([]);
    expect(Array.from((flat.children.input_type as { value: Float64Array }).value)).toEqual([3, 16]);
    const lif = group(nodes, 'lif');
    expect(datasets(lif)).toEqual(['r', 'tau', 'type', 'v_leak', 'v_reset', 'v_threshold']);
    expect(rank(lif, 'tau')).toEqual([4]);
    expect((lif.children.tau as { filters: Array<{ id: number }> }).filters.map((f) => f.id)).toEqual([1]);
    expect(rank(group(root, 'node'), 'edges')).toEqual([5, 2]);
    // The caller's graph is untouched.
    expect(graph.nodes.lif).toMatchObject({ tau: { shape: [] } });
    expect(Object.keys(graph.nodes)).not.toContain('output_lif');
  });

  it('keeps the lab metadata (dt, unit, positions, training, neuron options) through a round trip', async () => {
    const graph = convNet();
    graph.metadata = withGraphLabInfo({ note: 'kept' }, { dt: 5e-4, timeUnit: 's', positions: { input: [0, 10], lif: [400, 12.5] }, training: { epochs: 3, lr: 0.002, shuffle: true, loss: 'ce' } });
    graph.nodes.lif = withNeuronOptions(graph.nodes.lif, { reset: 'subtract', spikeFrom: 'pre', learnDecay: true, model: 'ALIF', gamma: filled([4], 0.3) });
    const { graph: back, dtGuess } = await readNir(await writeNir(graph));
    expect(graphLabInfo(back.metadata)).toEqual(graphLabInfo(graph.metadata));
    expect(back.metadata?.note).toBe('kept');
    expect(dtGuess).toMatchObject({ dt: 5e-4, unit: 's', exporter: 'spikelab' });
    const options = neuronOptions(back.nodes.lif);
    expect(options).toMatchObject({ reset: 'subtract', spikeFrom: 'pre', integration: 'euler', learnDecay: true, model: 'ALIF' });
    expect(Array.from(options.gamma!.data)).toEqual(Array.from(filled([4], 0.3).data));
  });

  it('adds lab information given as an option', async () => {
    const { graph } = await readNir(await writeNir(convNet(), { lab: { dt: 1, timeUnit: 'step', positions: {} } }));
    expect(graphLabInfo(graph.metadata)).toMatchObject({ dt: 1, timeUnit: 'step' });
  });

  it('refuses names HDF5 cannot hold and edges to missing nodes', async () => {
    const bad = convNet();
    bad.nodes['a/b'] = { type: 'Input', shape: [1] };
    await expect(writeNir(bad)).rejects.toMatchObject({ code: 'NIR_WRITE_BAD_NAME' });
    const dangling = convNet();
    dangling.edges.push(['lif', 'nowhere']);
    const error = await writeNir(dangling).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpikelabError);
    expect((error as SpikelabError).code).toBe('NIR_WRITE_BAD_EDGE');
  });

  it('refuses a layer whose size cannot be known', async () => {
    const lonely: NirGraph = { type: 'NIRGraph', nodes: { lif: { type: 'LIF', tau: ndarray([], [0.02]), r: ndarray([], [1]), v_leak: ndarray([], [0]), v_threshold: ndarray([], [1]), v_reset: ndarray([], [0]) } }, edges: [] };
    await expect(writeNir(lonely)).rejects.toMatchObject({ code: 'NIR_WRITE_UNKNOWN_SHAPE' });
  });
});
