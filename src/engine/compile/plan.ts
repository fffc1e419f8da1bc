/**
 * Graph → execution plan (DESIGN.md §4). Strongly connected components in topological order:
 *  - a node outside any cycle is a 'layer' stage, run in multi-step mode over all T at once
 *    (stateless layers fold time into the batch; a neuron layer is one scan over T);
 *  - a cycle is a 'recurrent' stage, run step by step. Inside it, nodes run in an order where
 *    every edge goes forward except the `delayed` ones, which read the source's output of the
 *    previous step (the discrete-time reading of NIR recurrence; zero at t = 0). The delay is put
 *    on a neuron population's output where the cycle has one (docs/recurrence.md): in
 *    LIF → Affine(W, b) → LIF the Affine reads the spikes of t − 1 (s₋₁ = 0), so its bias b
 *    reaches the population already at t = 0, as in snnTorch's RLeaky/RSynaptic, the exporter of
 *    the NIR paper's RNNs.
 * Fan-in is summed. The plan is pure data, testable without a tensor runtime. Every pass is
 * iterative (no recursion depth limit) and linear in nodes + edges.
 */
import { SpikelabError } from '../core/errors';
import { hasKey, recordOf } from '../core/records';
import type { NirNode } from '../graph/types';
import type { FlatGraph } from './flatten';

export type Stage =
  | { kind: 'layer'; node: string }
  | { kind: 'recurrent'; nodes: string[]; delayed: Array<[string, string]> };

export interface Plan {
  stages: Stage[];
  inputs: string[];
  outputs: string[];
  /** For each node, the nodes whose output it sums. */
  sources: Record<string, string[]>;
}

const NEURONS = new Set(['I', 'IF', 'LI', 'LIF', 'CubaLI', 'CubaLIF']);
const STATEFUL = new Set(['Delay', ...NEURONS]);

/** Tarjan's strongly connected components, with an explicit stack; returned sources first. */
function stronglyConnected(names: string[], next: Map<string, string[]>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  const open = (v: string, frames: Array<[string, number]>) => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    frames.push([v, 0]);
  };
  for (const root of names) {
    if (order.has(root)) continue;
    const frames: Array<[string, number]> = [];
    open(root, frames);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const v = frame[0];
      const successors = next.get(v) ?? [];
      if (frame[1] < successors.length) {
        const w = successors[frame[1]++];
        if (!order.has(w)) open(w, frames);
        else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const parent = frames[frames.length - 1][0];
        low.set(parent, Math.min(low.get(parent)!, low.get(v)!));
      }
      if (low.get(v) === order.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        components.push(component);
      }
    }
  }
  return components.reverse(); // Tarjan emits sinks first
}

/**
 * Orders a cycle's nodes (iterative DFS post-order); edges against the order become one-step
 * delays. The search starts just after a neuron population (at the nodes it feeds inside the
 * cycle), so that the population comes last and the edges leaving it are the delayed ones.
 */
function orderRecurrent(nodes: string[], graph: FlatGraph, next: Map<string, string[]>, sources: Record<string, string[]>): { nodes: string[]; delayed: Array<[string, string]> } {
  const inside = new Set(nodes);
  const entries = nodes.filter((n) => sources[n].some((s) => !inside.has(s)));
  const entrySet = new Set(entries);
  const afterNeurons = nodes.filter((n) => sources[n].some((s) => inside.has(s) && NEURONS.has(graph.nodes[s].type)));
  const starts = [...afterNeurons, ...entries, ...nodes.filter((n) => !entrySet.has(n))];
  const visited = new Set<string>();
  const post: string[] = [];
  for (const start of starts) {
    if (visited.has(start)) continue;
    visited.add(start);
    const frames: Array<[string, number]> = [[start, 0]];
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const successors = next.get(frame[0]) ?? [];
      if (frame[1] < successors.length) {
        const d = successors[frame[1]++];
        if (inside.has(d) && !visited.has(d)) {
          visited.add(d);
          frames.push([d, 0]);
        }
        continue;
      }
      frames.pop();
      post.push(frame[0]);
    }
  }
  const ordered = post.reverse();
  const rank = new Map(ordered.map((n, i) => [n, i]));
  const delayed: Array<[string, string]> = [];
  for (const s of ordered) for (const d of next.get(s) ?? []) if (inside.has(d) && rank.get(d)! <= rank.get(s)!) delayed.push([s, d]);
  const stateless = nodes.every((n) => !STATEFUL.has(graph.nodes[n].type));
  for (const [s, d] of delayed) {
    if (stateless && !STATEFUL.has(graph.nodes[s].type) && !STATEFUL.has(graph.nodes[d].type)) {
      throw new SpikelabError('GRAPH_ALGEBRAIC_LOOP', `The cycle through ${nodes.slice(0, 12).join(', ')}${nodes.length > 12 ? ', …' : ''} has no neuron or delay to break it.`,
        'Put a neuron population or a Delay in the loop.', d);
    }
  }
  return { nodes: ordered, delayed };
}

export function planGraph(graph: FlatGraph): Plan {
  const names = Object.keys(graph.nodes);
  const next = new Map<string, string[]>(names.map((n) => [n, []]));
  const sources: Record<string, string[]> = recordOf(names.map((n) => [n, [] as string[]]));
  const selfLoops = new Set<string>();
  for (const [s, d] of graph.edges) {
    if (!hasKey(graph.nodes, s) || !hasKey(graph.nodes, d)) {
      throw new SpikelabError('GRAPH_DANGLING_EDGE', `Edge ${s} → ${d} names a node that does not exist.`, 'Delete the edge or add the node.', `${s} → ${d}`);
    }
    next.get(s)!.push(d);
    sources[d].push(s);
    if (s === d) selfLoops.add(s);
  }
  const stages: Stage[] = [];
  for (const component of stronglyConnected(names, next)) {
    if (component.length === 1 && !selfLoops.has(component[0])) stages.push({ kind: 'layer', node: component[0] });
    else stages.push({ kind: 'recurrent', ...orderRecurrent(component, graph, next, sources) });
  }
  const isType = (type: NirNode['type']) => (n: string) => graph.nodes[n].type === type;
    // Program inputs are Input nodes nothing feeds (a flattened subgraph's Input has a source).
  const inputs = names.filter((n) => isType('Input')(n) && sources[n].length === 0);
  const outputs = names.filter((n) => isType('Output')(n) && next.get(n)!.length === 0);
  return { stages, inputs, outputs, sources };
}
