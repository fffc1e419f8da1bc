import { describe, expect, it } from 'vitest';
import { filled, type NirGraph, type NirNode } from '../graph/types';
import { flattenGraph } from './flatten';
import { planGraph } from './plan';

const lif = (n: number): NirNode => ({ type: 'LIF', tau: filled([n], 0.01), r: filled([n], 1), v_leak: filled([n], 0), v_threshold: filled([n], 1), v_reset: filled([n], 0) });

describe('execution plan', () => {
  it('runs a feed-forward chain as layer stages in order', () => {
    const g = flattenGraph({ type: 'NIRGraph', nodes: { in: { type: 'Input', shape: [2] }, fc: { type: 'Linear', weight: filled([2, 2], 1) }, lif: lif(2), out: { type: 'Output', shape: [2] } },
      edges: [['lif', 'out'], ['fc', 'lif'], ['in', 'fc']] });
    const plan = planGraph(g);
    expect(plan.stages).toEqual([{ kind: 'layer', node: 'in' }, { kind: 'layer', node: 'fc' }, { kind: 'layer', node: 'lif' }, { kind: 'layer', node: 'out' }]);
    expect(plan.inputs).toEqual(['in']);
    expect(plan.outputs).toEqual(['out']);
  });

  it('flattens a recurrent subgraph (snnTorch RLeaky layout) and delays the population\'s output one step (the feedback reads s_{t−1}, as snnTorch\'s RLeaky)', () => {
    const rec: NirGraph = { type: 'NIRGraph', nodes: { input: { type: 'Input', shape: [3] }, lif: lif(3), w_rec: { type: 'Linear', weight: filled([3, 3], 0.1) }, output: { type: 'Output', shape: [3] } },
      edges: [['input', 'lif'], ['lif', 'w_rec'], ['w_rec', 'lif'], ['lif', 'output']] };
    const g = flattenGraph({ type: 'NIRGraph', nodes: { in: { type: 'Input', shape: [3] }, r: rec, out: { type: 'Output', shape: [3] } }, edges: [['in', 'r'], ['r', 'out'], ['r', 'out']] });
    expect(g.edges).toContainEqual(['in', 'r.input']);
    expect(g.edges.filter(([s, d]) => s === 'r.output' && d === 'out')).toHaveLength(1); // duplicate collapsed
    const plan = planGraph(g);
    const recurrent = plan.stages.find((s) => s.kind === 'recurrent');
    expect(recurrent).toEqual({ kind: 'recurrent', nodes: ['r.w_rec', 'r.lif'], delayed: [['r.lif', 'r.w_rec']] });
  });
});
