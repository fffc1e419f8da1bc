/**
 * Pure edits of the top-level NIR graph, each returning a new graph (structural sharing; the old
 * one is kept by the undo history). Edges are NIR's [source, target] pairs; an edge id is
 * "source->target".
 */
import type { NirGraph, NirNode } from '../../engine/graph/types';

export type XY = [number, number];
export type Positions = Record<string, XY>;

export function edgeId(source: string, target: string): string {
  return `${source}->${target}`;
}

/** `base`, or `base_2`, `base_3`… whichever is not taken. */
export function uniqueName(taken: Iterable<string>, base: string): string {
  const names = new Set(taken);
  const stem = base.replace(/[/.]/g, '_') || 'node';
  if (!names.has(stem)) return stem;
  for (let i = 2; ; i++) if (!names.has(`${stem}_${i}`)) return `${stem}_${i}`;
}

export function addNode(graph: NirGraph, name: string, node: NirNode): NirGraph {
  return { ...graph, nodes: { ...graph.nodes, [name]: node } };
}

export function replaceNode(graph: NirGraph, name: string, node: NirNode): NirGraph {
  if (!(name in graph.nodes)) return graph;
  return { ...graph, nodes: { ...graph.nodes, [name]: node } };
}

/** Removes nodes and every edge touching them, and the listed edges. */
export function removeItems(graph: NirGraph, nodes: readonly string[], edges: readonly string[] = []): NirGraph {
  const gone = new Set(nodes);
  const goneEdges = new Set(edges);
  const kept = Object.fromEntries(Object.entries(graph.nodes).filter(([name]) => !gone.has(name)));
  const keptEdges = graph.edges.filter(([s, t]) => !gone.has(s) && !gone.has(t) && !goneEdges.has(edgeId(s, t)));
  return { ...graph, nodes: kept, edges: keptEdges };
}

export function hasEdge(graph: NirGraph, source: string, target: string): boolean {
  return graph.edges.some(([s, t]) => s === source && t === target);
}

export function addEdge(graph: NirGraph, source: string, target: string): NirGraph {
  if (hasEdge(graph, source, target) || !(source in graph.nodes) || !(target in graph.nodes)) return graph;
  return { ...graph, edges: [...graph.edges, [source, target]] };
}

export interface Fragment {
  nodes: Record<string, NirNode>;
  edges: Array<[string, string]>;
  positions: Positions;
}

/** The chosen nodes with the edges among them (what Copy takes). */
export function extractFragment(graph: NirGraph, positions: Positions, names: readonly string[]): Fragment {
  const chosen = new Set(names.filter((n) => n in graph.nodes));
  const nodes = Object.fromEntries([...chosen].map((n) => [n, graph.nodes[n]]));
  const edges = graph.edges.filter(([s, t]) => chosen.has(s) && chosen.has(t));
  const fragmentPositions = Object.fromEntries([...chosen].filter((n) => positions[n]).map((n) => [n, positions[n]]));
  return { nodes, edges, positions: fragmentPositions };
}

/** Pastes a fragment under fresh names, offset by `offset`; returns the graph and the new names. */
export function pasteFragment(graph: NirGraph, positions: Positions, fragment: Fragment, offset: XY): {
  graph: NirGraph; positions: Positions; names: string[];
} {
  const taken = new Set(Object.keys(graph.nodes));
  const renamed: Record<string, string> = {};
  const nodes = { ...graph.nodes };
  const nextPositions = { ...positions };
  for (const [name, node] of Object.entries(fragment.nodes)) {
    const fresh = uniqueName(taken, name);
    taken.add(fresh);
    renamed[name] = fresh;
    nodes[fresh] = node;
    const at = fragment.positions[name] ?? [0, 0];
    nextPositions[fresh] = [at[0] + offset[0], at[1] + offset[1]];
  }
  const edges = [...graph.edges, ...fragment.edges.map(([s, t]): [string, string] => [renamed[s], renamed[t]])];
  return { graph: { ...graph, nodes, edges }, positions: nextPositions, names: Object.values(renamed) };
}
