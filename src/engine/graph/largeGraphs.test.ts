/**
 * Graph algorithms on long chains and rings: no recursion depth limit and near-linear work
 * (issue 16: a 10,000-node ring overflowed the stack in the planner; a 30,000-node chain hung
 * shape inference). Figures for the time they take come from scripts/fuzz, not from here.
 */
import { describe, expect, it } from 'vitest';
import { flattenGraph } from '../compile/flatten';
import { planGraph } from '../compile/plan';
import { delaySteps } from '../neurons/delay';
import { graphFromJson, graphToJson } from './json';
import { inferShapes } from './shapes';
import { filled, type NirGraph, type NirNode } from './types';
import { validateGraph } from './validate';

const lif = (n: number): NirNode => ({ type: 'LIF', tau: filled([n], 2), r: filled([n], 1), v_leak: filled([n], 0), v_threshold: filled([n], 1), v_reset: filled([n], 0) });

function chain(n: number, ring: boolean, stateless = false): NirGraph {
  const nodes: Record<string, NirNode> = { input: { type: 'Input', shape: [2] }, output: { type: 'Output', shape: [2] } };
  const edges: Array<[string, string]> = [];
  let prev = 'input';
  for (let i = 0; i < n; i++) {
    nodes[`n${i}`] = stateless || i % 2 ? { type: 'Scale', scale: filled([2], 1) } : lif(2);
    edges.push([prev, `n${i}`]);
    prev = `n${i}`;
  }
  if (ring) edges.push([prev, 'n0']);
  edges.push([prev, 'output']);
  return { type: 'NIRGraph', nodes, edges };
}

describe('graph algorithms at scale', () => {
  it('infers shapes, validates and plans a 30,000-node chain', () => {
    const graph = chain(30_000, false);
    const shapes = inferShapes(graph).shapes;
    expect(shapes.n29999).toEqual({ input: [2], output: [2] });
    expect(validateGraph(graph).problems).toEqual([]);
    const plan = planGraph(flattenGraph(graph));
    expect(plan.stages).toHaveLength(30_002);
    expect(plan.stages[1]).toEqual({ kind: 'layer', node: 'n0' });
  });

  it('plans a 10,000-node ring as one recurrent stage with one delayed edge, leaving a neuron', () => {
    const plan = planGraph(flattenGraph(chain(10_000, true)));
    const recurrent = plan.stages.filter((s) => s.kind === 'recurrent');
    expect(recurrent).toHaveLength(1);
    expect(recurrent[0]).toMatchObject({ delayed: [['n9998', 'n9999']] });
    expect((recurrent[0] as { nodes: string[] }).nodes).toHaveLength(10_000);
  });

  it('finds a 20,000-node stateless loop without recursion', () => {
    const codes = validateGraph(chain(20_000, true, true)).problems.map((p) => p.code);
    expect(codes).toEqual(['GRAPH_ALGEBRAIC_LOOP']);
  });

  it('refuses a graph over the node cap with GRAPH_TOO_MANY_NODES', () => {
    const problems = validateGraph(chain(50, false), { maxNodes: 40 }).problems;
    expect(problems.map((p) => p.code)).toEqual(['GRAPH_TOO_MANY_NODES']);
    expect(problems[0].hint).toMatch(/--max-nodes/);
  });

  it('keeps JSON node names that are Object.prototype keys', () => {
    const text = '{"type":"NIRGraph","nodes":{"input":{"type":"Input","shape":[2]},"__proto__":{"type":"Scale","scale":{"shape":[2],"data":[1,1]}},"output":{"type":"Output","shape":[2]}},"edges":[["input","__proto__"],["__proto__","output"]]}';
    const graph = graphFromJson(text);
    expect(Object.keys(graph.nodes)).toEqual(['input', '__proto__', 'output']);
    expect(validateGraph(graph).problems).toEqual([]);
    expect(graphFromJson(graphToJson(graph)).nodes.__proto__.type).toBe('Scale');
  });

  it('refuses a negative delay and clamps a delay of 10^9 s at dt = 1 ms to a positive step count', () => {
    const delay = { type: 'Delay' as const, delay: { shape: [3], data: new Float32Array([1e9, 3e38, -1]) } };
    const steps = delaySteps(delay, 1e-3);
    expect(Array.from(steps)).toEqual([2 ** 31 - 1, 2 ** 31 - 1, 0]);
    const graph: NirGraph = { type: 'NIRGraph', nodes: { input: { type: 'Input', shape: [3] }, d: delay, output: { type: 'Output', shape: [3] } }, edges: [['input', 'd'], ['d', 'output']] };
    expect(validateGraph(graph).problems.map((p) => p.code)).toEqual(['GRAPH_BAD_PARAMETER']);
  });
});
