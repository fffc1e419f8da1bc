import { describe, expect, it } from 'vitest';
import { lifClassifier, nmnistConvNet } from '../graph/templates';
import type { NdArray, NirGraph } from '../graph/types';
import { reinitialisedGraph } from './initialise';

const weightOf = (graph: NirGraph, name: string) => (graph.nodes[name] as { weight: NdArray }).weight;
const std = (a: Float32Array) => {
  const mean = a.reduce((s, v) => s + v, 0) / a.length;
  return Math.sqrt(a.reduce((s, v) => s + (v - mean) ** 2, 0) / a.length);
};

describe('reinitialisedGraph', () => {
  it('draws every synaptic layer afresh from the seed, keeping each layer\'s scale and zeroing biases', () => {
    const template = lifClassifier({ inputs: 64, hidden: 64, classes: 10 }, 1);
    const { graph, layers } = reinitialisedGraph(template, 7);
    expect(layers).toEqual(['fc1', 'fc2']);
    for (const name of layers) {
      const before = weightOf(template, name);
      const after = weightOf(graph, name);
      expect(after.shape).toEqual(before.shape);
      expect(Array.from(after.data)).not.toEqual(Array.from(before.data));
      // Same σ within sampling error (4,096 and 640 draws).
      expect(std(after.data) / std(before.data)).toBeGreaterThan(0.9);
      expect(std(after.data) / std(before.data)).toBeLessThan(1.1);
      // Uniform in ±√3·σ: nothing beyond the bound.
      const bound = Math.sqrt(3) * std(before.data) * 1.0001;
      expect(after.data.every((v) => Math.abs(v) <= bound)).toBe(true);
    }
    expect(graph.nodes.lif1).toBe(template.nodes.lif1);
    expect(graph.edges).toBe(template.edges);
  });

  it('gives the same network for the same seed and another for another seed', () => {
    const template = nmnistConvNet();
    const a = reinitialisedGraph(template, 3);
    const b = reinitialisedGraph(template, 3);
    const c = reinitialisedGraph(template, 4);
    expect(a.layers).toEqual(['conv1', 'conv2', 'fc']);
    expect(Array.from(weightOf(a.graph, 'conv2').data)).toEqual(Array.from(weightOf(b.graph, 'conv2').data));
    expect(Array.from(weightOf(a.graph, 'conv2').data)).not.toEqual(Array.from(weightOf(c.graph, 'conv2').data));
    expect(weightOf(a.graph, 'conv1').shape).toEqual([8, 2, 5, 5]);
  });

  it('reaches into nested graphs and gives all-zero weights unit gain', () => {
    const inner: NirGraph = {
      type: 'NIRGraph',
      nodes: { input: { type: 'Input', shape: [4] }, rec: { type: 'Linear', weight: { shape: [3, 4], data: new Float32Array(12) } }, output: { type: 'Output', shape: [3] } },
      edges: [['input', 'rec'], ['rec', 'output']],
    } as NirGraph;
    const outer = { type: 'NIRGraph', nodes: { block: inner }, edges: [] } as unknown as NirGraph;
    const { graph, layers } = reinitialisedGraph(outer, 1);
    expect(layers).toEqual(['block.rec']);
    const w = ((graph.nodes.block as NirGraph).nodes.rec as { weight: NdArray }).weight.data;
    expect(w.some((v) => v !== 0)).toBe(true);
    expect(w.every((v) => Math.abs(v) <= 1 / Math.sqrt(4))).toBe(true);
  });
});
