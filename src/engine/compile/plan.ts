/**
 * Graph → execution plan (DESIGN.md §4). Strongly connected components in topological order:
 *  - a node outside any cycle is a 'layer' stage, run in multi-step mode over all T at once
 *    (stateless layers fold time into the batch; a neuron layer is one scan over T);
 *  - a cycle is a 'recurrent' stage, run step by step. Inside it, nodes run in an order where
 *    every edge goes forward except the `delayed` ones, which read the source's output of the
 *    previous step (the discrete-time reading of NIR recurrence; zero at t = 0).
 * Fan-in is summed. The plan is pure data, testable without a tensor runtime.
 */
import { SpikelabError } from '../core/errors';
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

const STATEFUL = new Set(['Delay', 'I', 'IF', 'LI', 'LIF', 'CubaLI', 'CubaLIF']);

function stronglyConnected(names: string[], next: Map<string, string[]>): string[][] {
  // Tarjan's algorithm (iterative bookkeeping kept simple: graphs here have tens of nodes).
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  const visit = (v: string): void => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, order.get(w)!));
      }
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
  };
  for (const v of names) if (!order.has(v)) visit(v);
  return components.reverse(); // Tarjan emits sinks first
}

/** Orders a cycle's nodes; edges against the order become one-step delays. */
function orderRecurrent(nodes: string[], graph: FlatGraph): { nodes: string[]; delayed: Array<[string, string]> } {
  const inside = new Set(nodes);
  const entries = nodes.filter((n) => graph.edges.some(([s, d]) => d === n && !inside.has(s)));
  const starts = [...entries, ...nodes.filter((n) => !entries.includes(n))];
  const visited = new Set<string>();
  const post: string[] = [];
  const dfs = (n: string): void => {
    visited.add(n);
    for (const [s, d] of graph.edges) if (s === n && inside.has(d) && !visited.has(d)) dfs(d);
    post.push(n);
  };
  for (const n of starts) if (!visited.has(n)) dfs(n);
  const ordered = post.reverse();
  const rank = new Map(ordered.map((n, i) => [n, i]));
  const delayed = graph.edges.filter(([s, d]) => inside.has(s) && inside.has(d) && rank.get(d)! <= rank.get(s)!);
  for (const [s, d] of delayed) {
    if (!STATEFUL.has(graph.nodes[s].type) && !STATEFUL.has(graph.nodes[d].type)) {
      const stateless = nodes.every((n) => !STATEFUL.has(graph.nodes[n].type));
      if (stateless) {
        throw new SpikelabError('GRAPH_ALGEBRAIC_LOOP', `The cycle through ${nodes.join(', ')} has no neuron or delay to break it.`,
          'Put a neuron population or a Delay in the loop.', d);
      }
    }
  }
  return { nodes: ordered, delayed };
}

export function planGraph(graph: FlatGraph): Plan {
  const names = Object.keys(graph.nodes);
  const next = new Map<string, string[]>(names.map((n) => [n, []]));
  const sources: Record<string, string[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const [s, d] of graph.edges) {
    if (!(s in graph.nodes) || !(d in graph.nodes)) {
      throw new SpikelabError('GRAPH_DANGLING_EDGE', `Edge ${s} → ${d} names a node that does not exist.`, 'Delete the edge or add the node.', `${s} → ${d}`);
    }
    next.get(s)!.push(d);
    sources[d].push(s);
  }
  const stages: Stage[] = [];
  for (const component of stronglyConnected(names, next)) {
    const selfLoop = component.length === 1 && graph.edges.some(([s, d]) => s === component[0] && d === component[0]);
    if (component.length === 1 && !selfLoop) stages.push({ kind: 'layer', node: component[0] });
    else stages.push({ kind: 'recurrent', ...orderRecurrent(component, graph) });
  }
  const isType = (type: NirNode['type']) => (n: string) => graph.nodes[n].type === type;
    // Program inputs are Input nodes nothing feeds (a flattened subgraph's Input has a source).
  const inputs = names.filter((n) => isType('Input')(n) && sources[n].length === 0);
  const outputs = names.filter((n) => isType('Output')(n) && !graph.edges.some(([s]) => s === n));
  return { stages, inputs, outputs, sources };
}
