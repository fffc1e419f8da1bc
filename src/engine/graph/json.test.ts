import { describe, expect, it } from 'vitest';
import { SpikelabError } from '../core/errors';
import { GRAPH_JSON_FORMAT, graphFromJson, graphToJson, graphToJsonValue } from './json';
import { withNeuronOptions } from './labMetadata';
import { NODE_TYPES, filled, ndarray, type NirGraph } from './types';

/** One node of each of the 19 NIR types (values arbitrary but distinct), plus metadata of every kind. */
function everyType(): NirGraph {
  const v = (shape: number[], offset: number) => ndarray(shape, Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => offset + i / 8));
  const inner: NirGraph = {
    type: 'NIRGraph',
    nodes: { input: { type: 'Input', shape: [4] }, lif: { type: 'LIF', tau: v([4], 1), r: filled([4], 1), v_leak: filled([4], 0), v_threshold: filled([4], 1), v_reset: filled([4], 0) }, w_rec: { type: 'Linear', weight: v([4, 4], 0) }, output: { type: 'Output', shape: [4] } },
    edges: [['input', 'lif'], ['lif', 'w_rec'], ['w_rec', 'lif'], ['lif', 'output']],
  };
  return {
    type: 'NIRGraph',
    nodes: {
      input: { type: 'Input', shape: [2, 8, 8], metadata: { encoding: 'rate' } },
      conv: { type: 'Conv2d', weight: v([3, 2, 3, 3], 0), bias: v([3], 5), stride: [1, 1], padding: 'same', dilation: [1, 1], groups: 1, input_shape: [8, 8] },
      conv1: { type: 'Conv1d', weight: v([2, 3, 3], 2), bias: v([2], 0), stride: [2], padding: [1], dilation: [1], groups: 1 },
      pool: { type: 'SumPool2d', kernel_size: [2, 2], stride: [2, 2], padding: [0, 0] },
      avg: { type: 'AvgPool2d', kernel_size: [2, 2], stride: [1, 1], padding: [1, 1] },
      flat: { type: 'Flatten', start_dim: 0, end_dim: -1, input_type: [3, 4, 4] },
      fc: { type: 'Affine', weight: v([4, 48], -3), bias: v([4], 1) },
      lin: { type: 'Linear', weight: v([4, 4], 7) },
      scale: { type: 'Scale', scale: v([4], 2) },
      delay: { type: 'Delay', delay: v([4], 0.5) },
      thr: { type: 'Threshold', threshold: v([4], 1) },
      i: { type: 'I', r: v([4], 1) },
      if: { type: 'IF', r: filled([4], 1), v_threshold: filled([4], 1), v_reset: filled([4], 0) },
      li: { type: 'LI', tau: filled([4], Infinity), r: filled([4], 1), v_leak: filled([4], NaN) },
      lif: withNeuronOptions({ type: 'LIF', tau: filled([4], 0.02), r: filled([4], 1), v_leak: filled([4], 0), v_threshold: filled([4], 1), v_reset: filled([4], -Infinity) }, { reset: 'subtract', gamma: filled([4], 0.1), learnDecay: true }),
      culi: { type: 'CubaLI', tau_syn: filled([], 0.005), tau_mem: filled([], 0.01), r: filled([], 1), v_leak: filled([], 0), w_in: filled([], 1) },
      culif: { type: 'CubaLIF', tau_syn: v([4], 1), tau_mem: v([4], 2), r: v([4], 3), v_leak: v([4], 4), v_threshold: v([4], 5), v_reset: v([4], 6), w_in: v([4], 7) },
      rec: inner,
      output: { type: 'Output', shape: [4] },
    },
    edges: [['input', 'conv'], ['conv', 'pool'], ['pool', 'flat'], ['flat', 'fc'], ['fc', 'rec'], ['rec', 'output'], ['lif', 'lif']],
    metadata: { description: 'all types', n: 3, trained: true, labels: ['a', 'b'], gains: [1, 0.5], table: ndarray([2, 2], [1, 2, 3, 4]), nested: { deeper: { x: -1 } }, spikelab: { dt: 0.001, time_unit: 's', positions: { input: [0, 10] } } },
  };
}

function code(action: () => unknown): string {
  try {
    action();
    return 'OK';
  } catch (error) {
    return error instanceof SpikelabError ? error.code : `THROWN ${String(error)}`;
  }
}

describe('graph JSON', () => {
  it('covers every NIR node type', () => {
    const types = new Set(Object.values(everyType().nodes).map((n) => n.type));
    expect([...types].sort()).toEqual([...NODE_TYPES].sort());
  });

  it('round-trips a graph with every node type, nested graphs, metadata and non-finite values', () => {
    const graph = everyType();
    const text = graphToJson(graph, 2);
    const back = graphFromJson(text);
    expect(back).toEqual(graph);
    expect(graphToJson(back)).toEqual(graphToJson(graph));
    // Float32Array survives as such, non-finite numbers as strings in the text.
    const li = back.nodes.li;
    expect(li.type === 'LI' && li.tau.data).toBeInstanceOf(Float32Array);
    expect(text).toContain('"Infinity"');
    expect(text).toContain('"NaN"');
  });

  it('writes the documented envelope and arrays as {shape, data}', () => {
    const value = graphToJsonValue({ type: 'NIRGraph', nodes: { s: { type: 'Scale', scale: ndarray([2], [1, 2]) } }, edges: [] }) as Record<string, unknown>;
    expect(value).toEqual({ format: GRAPH_JSON_FORMAT, version: 1, graph: { type: 'NIRGraph', nodes: { s: { type: 'Scale', scale: { shape: [2], data: [1, 2] } } }, edges: [] } });
  });

  it('accepts a bare graph and a parsed object', () => {
    const bare = { type: 'NIRGraph', nodes: { in: { type: 'Input', shape: [3] }, out: { type: 'Output', shape: [3] } }, edges: [['in', 'out']] };
    expect(graphFromJson(JSON.stringify(bare))).toEqual(bare);
    expect(graphFromJson(bare)).toEqual(bare);
  });

  it('rejects malformed documents with a code and the path of the problem', () => {
    expect(code(() => graphFromJson('{"nodes": '))).toBe('GRAPH_JSON_SYNTAX');
    const cases: Array<[unknown, string]> = [
      [{ format: 'other', version: 1, graph: {} }, 'format'],
      [{ format: GRAPH_JSON_FORMAT, version: 2, graph: {} }, 'version'],
      [{ type: 'NIRGraph', nodes: { a: { type: 'Izhikevich' } }, edges: [] }, '(root).nodes.a'],
      [{ type: 'NIRGraph', nodes: { a: { type: 'Scale' } }, edges: [] }, '(root).nodes.a.scale'],
      [{ type: 'NIRGraph', nodes: { a: { type: 'Scale', scale: { shape: [3], data: [1, 2] } } }, edges: [] }, '(root).nodes.a.scale'],
      [{ type: 'NIRGraph', nodes: { a: { type: 'Scale', scale: { shape: [1], data: ['x'] } } }, edges: [] }, '(root).nodes.a.scale.data[0]'],
      [{ type: 'NIRGraph', nodes: { a: { type: 'Scale', scale: { shape: [1], data: [1] }, tau: 1 } }, edges: [] }, '(root).nodes.a.tau'],
      [{ type: 'NIRGraph', nodes: { p: { type: 'SumPool2d', kernel_size: [2], stride: [2, 2], padding: [0, 0] } }, edges: [] }, '(root).nodes.p.kernel_size'],
      [{ type: 'NIRGraph', nodes: { f: { type: 'Flatten', start_dim: 0.5, end_dim: -1 } }, edges: [] }, '(root).nodes.f.start_dim'],
      [{ type: 'NIRGraph', nodes: {}, edges: [['a']] }, '(root).edges[0]'],
      [{ type: 'NIRGraph', nodes: { 'a/b': { type: 'Input', shape: [1] } }, edges: [] }, '(root).nodes'],
      [[1, 2], '(root)'],
    ];
    for (const [doc, where] of cases) {
      let error: unknown;
      try {
        graphFromJson(doc as object);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(doc)).toBeInstanceOf(SpikelabError);
      expect(error).toMatchObject({ code: 'GRAPH_JSON_INVALID', where });
    }
  });

  it('refuses absurdly deep nesting instead of overflowing the stack', () => {
    let doc: Record<string, unknown> = { type: 'NIRGraph', nodes: {}, edges: [] };
    for (let i = 0; i < 200; i++) doc = { type: 'NIRGraph', nodes: { g: doc }, edges: [] };
    expect(code(() => graphFromJson(doc))).toBe('GRAPH_JSON_INVALID');
  });
});
