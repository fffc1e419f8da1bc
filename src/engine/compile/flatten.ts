/**
 * Nested graphs → one flat graph with dotted names ("lif1.w_rec"), the form the planner runs.
 * A subgraph's Input and Output nodes stay as identity nodes ("sub.input"); an edge into the
 * subgraph feeds its Input, an edge out of it reads its Output (nir.md §4.4: one of each).
 */
import { SpikelabError } from '../core/errors';
import { emptyRecord } from '../core/records';
import type { NirGraph, NirNode } from '../graph/types';

export interface FlatGraph {
  nodes: Record<string, NirNode>;
  edges: Array<[string, string]>;
}

function port(sub: NirGraph, name: string, type: 'Input' | 'Output'): string {
  const ports = Object.keys(sub.nodes).filter((n) => sub.nodes[n].type === type);
  if (ports.length !== 1) {
    throw new SpikelabError('GRAPH_UNSUPPORTED', `Subgraph "${name}" has ${ports.length} ${type} nodes; an edge to or from it needs exactly one.`,
      `Connect to the subgraph's inner nodes instead, or give it a single ${type}.`, name);
  }
  return `${name}.${ports[0]}`;
}

export function flattenGraph(graph: NirGraph, prefix = ''): FlatGraph {
  const nodes = emptyRecord<NirNode>();
  const edges: Array<[string, string]> = [];
  const entry = new Map<string, string>();
  const exit = new Map<string, string>();
  for (const [name, node] of Object.entries(graph.nodes)) {
    const full = prefix + name;
    if (node.type === 'NIRGraph') {
      const inner = flattenGraph(node, `${full}.`);
      Object.assign(nodes, inner.nodes);
      for (const edge of inner.edges) edges.push(edge);
      entry.set(name, port(node, full, 'Input'));
      exit.set(name, port(node, full, 'Output'));
    } else {
      nodes[full] = node;
    }
  }
  const seen = new Set<string>();
  for (const [src, dst] of graph.edges) {
    const from = exit.get(src) ?? prefix + src;
    const to = entry.get(dst) ?? prefix + dst;
    const key = `${from}\u0000${to}`;
    if (seen.has(key)) continue; // duplicated edges (exporter artefacts) connect once
    seen.add(key);
    edges.push([from, to]);
  }
  return { nodes, edges };
}
