/** Bad graphs: each gives its stable code on the node or edge concerned, never a TF.js exception. */
import { describe, expect, it } from 'vitest';
import { validateGraph } from './validate';
import { inferShapes } from './shapes';
import { filled, ndarray, type NirGraph, type NirNode } from './types';

const lif = (n: number): NirNode => ({ type: 'LIF', tau: filled([n], 0.01), r: filled([n], 1), v_leak: filled([n], 0), v_threshold: filled([n], 1), v_reset: filled([n], 0) });
const linear = (out: number, inp: number): NirNode => ({ type: 'Linear', weight: filled([out, inp], 0.1) });

function chain(...nodes: Array<[string, NirNode]>): NirGraph {
  return { type: 'NIRGraph', nodes: Object.fromEntries(nodes), edges: nodes.slice(1).map(([name], i) => [nodes[i][0], name]) };
}

const good = () => chain(['in', { type: 'Input', shape: [4] }], ['fc', linear(3, 4)], ['lif', lif(3)], ['out', { type: 'Output', shape: [3] }]);

describe('graph validation', () => {
  it('accepts a well-formed network and infers every shape', () => {
    const { shapes, problems } = validateGraph(good());
    expect(problems).toEqual([]);
    expect(shapes.fc).toEqual({ input: [4], output: [3] });
    expect(shapes.lif).toEqual({ input: [3], output: [3] });
  });

  const cases: Array<[string, () => NirGraph, string, { node?: string; edge?: [string, string] }]> = [
    ['a shape mismatch on an edge', () => chain(['in', { type: 'Input', shape: [4] }], ['fc', linear(3, 5)], ['out', { type: 'Output', shape: [3] }]), 'GRAPH_SHAPE_MISMATCH', { edge: ['in', 'fc'] }],
    ['a dangling edge', () => ({ ...good(), edges: [...good().edges, ['lif', 'ghost']] }), 'GRAPH_DANGLING_EDGE', { edge: ['lif', 'ghost'] }],
    ['a cycle without a stateful node', () => {
      const g = chain(['in', { type: 'Input', shape: [3] }], ['a', linear(3, 3)], ['b', linear(3, 3)], ['out', { type: 'Output', shape: [3] }]);
      return { ...g, edges: [...g.edges, ['b', 'a']] };
    }, 'GRAPH_ALGEBRAIC_LOOP', {}],
    ['an unknown node type', () => ({ ...good(), nodes: { ...good().nodes, odd: { type: 'Dropout' } as unknown as NirNode } }), 'GRAPH_UNKNOWN_TYPE', { node: 'odd' }],
    ['a non-finite parameter', () => ({ ...good(), nodes: { ...good().nodes, fc: { type: 'Linear', weight: ndarray([3, 4], [1, 2, NaN, 4, 5, 6, 7, 8, 9, 10, 11, 12]) } } }), 'GRAPH_NON_FINITE', { node: 'fc' }],
    ['a negative time constant', () => ({ ...good(), nodes: { ...good().nodes, lif: { ...lif(3), tau: filled([3], -1) } as NirNode } }), 'GRAPH_BAD_PARAMETER', { node: 'lif' }],
    ['parameters of different shapes', () => ({ ...good(), nodes: { ...good().nodes, lif: { ...lif(3), r: filled([2], 1) } as NirNode } }), 'GRAPH_BAD_PARAMETER', { node: 'lif' }],
    ['no Input', () => chain(['fc', linear(3, 4)], ['lif', lif(3)]), 'GRAPH_NO_INPUT', {}],
    ['a graph too large for memory', () => chain(['in', { type: 'Input', shape: [4] }], ['fc', linear(3, 4)]), 'GRAPH_TOO_LARGE', {}],
  ];

  for (const [what, make, code, at] of cases) {
    it(`reports ${what} as ${code}`, () => {
      const { problems } = validateGraph(make(), { maxParameterBytes: code === 'GRAPH_TOO_LARGE' ? 16 : undefined });
      const found = problems.find((p) => p.code === code);
      expect(found, JSON.stringify(problems)).toBeDefined();
      expect(found!.message.length).toBeGreaterThan(10);
      expect(found!.hint.length).toBeGreaterThan(5);
      if (at.node) expect(found!.node).toBe(at.node);
      if (at.edge) expect(found!.edge).toEqual(at.edge);
    });
  }

  it('infers conv, pool and flatten shapes with nir.md §6 formulas', () => {
    const g: NirGraph = chain(
      ['in', { type: 'Input', shape: [2, 34, 34] }],
      ['conv', { type: 'Conv2d', weight: filled([12, 2, 5, 5], 0.1), bias: filled([12], 0), stride: [1, 1], padding: [0, 0], dilation: [1, 1], groups: 1 }],
      ['pool', { type: 'SumPool2d', kernel_size: [2, 2], stride: [2, 2], padding: [0, 0] }],
      ['flat', { type: 'Flatten', start_dim: 0, end_dim: -1 }],
      ['out', { type: 'Output', shape: [2700] }],
    );
    const { shapes, problems } = inferShapes(g);
    expect(problems).toEqual([]);
    expect(shapes.conv.output).toEqual([12, 30, 30]);
    expect(shapes.pool.output).toEqual([12, 15, 15]);
    expect(shapes.flat.output).toEqual([2700]);
  });

  it('suggests a Flatten when only the rank differs', () => {
    const g = chain(['in', { type: 'Input', shape: [2, 3] }], ['fc', linear(4, 6)]);
    const p = validateGraph(g).problems.find((x) => x.code === 'GRAPH_SHAPE_MISMATCH');
    expect(p?.hint).toMatch(/Flatten/);
  });
});
