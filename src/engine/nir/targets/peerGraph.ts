/**
 * The graph a peer's importer gets: flat (one level, as snnTorch's and Norse's importers walk a
 * single NIRGraph), the identity ports of former subgraphs bypassed, and names that are Python
 * identifiers (torch module names may not hold dots; snnTorch's importer splits recurrent node
 * names at the first dot).
 */
import { flattenGraph } from '../../compile/flatten';
import { upstreamThrough } from '../../compile/upstream';
import { emptyRecord } from '../../core/records';
import type { NirGraph, NirNode } from '../../graph/types';

export interface PeerGraph {
  nodes: Record<string, NirNode>;
  edges: Array<[string, string]>;
  renamed: Record<string, string>;
}

/** Flattens `graph`; nested Input/Output nodes are removed and their sources wired to their readers. */
export function peerGraph(graph: NirGraph): PeerGraph {
  const flat = flattenGraph(graph);
  const top = new Set(Object.keys(graph.nodes));
  const port = (name: string) => !top.has(name) && (flat.nodes[name].type === 'Input' || flat.nodes[name].type === 'Output');
  const into = new Map<string, string[]>();
  for (const [s, d] of flat.edges) into.set(d, [...(into.get(d) ?? []), s]);
  /** The real sources behind `name` (through any chain of ports). */
  const sourcesOf = (name: string) => upstreamThrough(into, name, port);
  const kept = Object.keys(flat.nodes).filter((n) => !port(n));
  const renamed = identifiers(kept);
  const nodes = emptyRecord<NirNode>();
  for (const n of kept) nodes[renamed[n] ?? n] = flat.nodes[n];
  const edges: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (const d of kept) {
    for (const s of sourcesOf(d)) {
      const key = `${s}\u0000${d}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push([renamed[s] ?? s, renamed[d] ?? d]);
    }
  }
  return { nodes, edges, renamed };
}

/** Names that are not Python identifiers, mapped to unique ones ("r.lif" → "r_lif"). */
function identifiers(names: string[]): Record<string, string> {
  const taken = new Set(names.filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n)));
  const renamed: Record<string, string> = {};
  for (const name of names) {
    if (taken.has(name) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
    let base = name.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z_]/.test(base)) base = `n_${base}`;
    let candidate = base;
    for (let k = 2; taken.has(candidate); k++) candidate = `${base}_${k}`;
    taken.add(candidate);
    renamed[name] = candidate;
  }
  return renamed;
}
