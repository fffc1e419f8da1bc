/**
 * Graph algebra: pure edits of the top-level NIR graph (add, replace, remove, connect, copy and
 * paste a fragment, write canvas positions into the lab metadata), each returning a new graph
 * with structural sharing, so an undo history can keep the old one. Edges are NIR's
 * [source, target] pairs; an edge id is "source->target". Positions are canvas coordinates of
 * nodes by name (saved in metadata, ./labMetadata.ts).
 */
import { graphLabInfo, withGraphLabInfo } from './labMetadata';
import { defaultNode, PRIMITIVES } from './primitives';
import type { NirGraph, NirNode, NodeType } from './types';

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

/** Adds the palette node of `type` at `at`, named after its type ("lif", "lif_2", …), weights seeded by the node count. */
export function addPrimitiveNode(graph: NirGraph, positions: Positions, type: NodeType, at: XY): { graph: NirGraph; positions: Positions; name: string } {
  const name = uniqueName(Object.keys(graph.nodes), PRIMITIVES[type].baseName);
  return { graph: addNode(graph, name, defaultNode(type, Object.keys(graph.nodes).length + 1)), positions: { ...positions, [name]: at }, name };
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

/** `positions` with `moves` applied; the same object when no node actually moved (so no undo step). */
export function movedPositions(positions: Positions, moves: Positions): Positions {
  const moved = Object.entries(moves).filter(([name, [x, y]]) => positions[name]?.[0] !== x || positions[name]?.[1] !== y);
  return moved.length > 0 ? { ...positions, ...Object.fromEntries(moved) } : positions;
}

/** The graph with `positions` of its existing nodes written into its lab metadata (what is saved). */
export function graphWithPositions(graph: NirGraph, positions: Positions): NirGraph {
  const info = graphLabInfo(graph.metadata);
  const kept = Object.fromEntries(Object.entries(positions).filter(([name]) => name in graph.nodes));
  return { ...graph, metadata: withGraphLabInfo(graph.metadata, { ...info, positions: kept }) };
}
