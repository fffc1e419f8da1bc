/**
 * Canvas layout of one graph level: layered, left to right (dagre's Sugiyama layout: cycle
 * breaking, longest-path ranking, crossing reduction, Brandes–Köpf coordinates). Pure and
 * DOM-free, so it runs in the worker, in Node and in tests.
 *
 * Positions are the top-left corners React Flow expects. Positions saved in the graph's
 * metadata (labMetadata.ts `graphLabInfo(...).positions`) win: when every node has one, dagre
 * is not run; when only some do, the rest are laid out by dagre and shifted by the mean offset
 * between the saved and the dagre positions of the saved nodes, so new nodes land next to the
 * arrangement the user made. A nested NIRGraph is one box here; lay it out by calling
 * `layoutGraph(subgraph)` (its positions live in its own metadata).
 */
import { Graph, layout } from '@dagrejs/dagre';
import { graphLabInfo } from './labMetadata';
import type { NirGraph } from './types';

export interface NodeSize {
  width: number;
  height: number;
}

export interface LayoutOptions {
  /** Box size of every node unless `sizes` names it (default 180 × 64 px). */
  nodeSize?: NodeSize;
  sizes?: Record<string, NodeSize>;
  /** Gap between layers (default 80 px) and between nodes of one layer (default 40 px). */
  rankSep?: number;
  nodeSep?: number;
  /** Ignore saved positions and lay everything out afresh. */
  ignoreSaved?: boolean;
}

export interface GraphLayout {
  /** Top-left corner of each node, in canvas pixels. */
  positions: Record<string, [number, number]>;
  /** Nodes whose position came from metadata, and those placed by dagre. */
  restored: string[];
  computed: string[];
}

export const DEFAULT_NODE_SIZE: NodeSize = { width: 180, height: 64 };

function dagrePositions(graph: NirGraph, options: LayoutOptions): Record<string, [number, number]> {
  const g = new Graph({ multigraph: false });
  g.setGraph({ rankdir: 'LR', ranksep: options.rankSep ?? 80, nodesep: options.nodeSep ?? 40, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const size = (name: string) => options.sizes?.[name] ?? options.nodeSize ?? DEFAULT_NODE_SIZE;
  for (const name of Object.keys(graph.nodes)) g.setNode(name, { ...size(name) });
  for (const [source, target] of graph.edges) {
    if (source in graph.nodes && target in graph.nodes && source !== target) g.setEdge(source, target);
  }
  layout(g);
  const positions: Record<string, [number, number]> = {};
  for (const name of Object.keys(graph.nodes)) {
    const { x = 0, y = 0 } = g.node(name);
    const { width, height } = size(name);
    positions[name] = [x - width / 2, y - height / 2];
  }
  return positions;
}

export function layoutGraph(graph: NirGraph, options: LayoutOptions = {}): GraphLayout {
  const names = Object.keys(graph.nodes);
  const saved = options.ignoreSaved ? {} : graphLabInfo(graph.metadata).positions;
  const restored = names.filter((n) => saved[n] !== undefined && saved[n].every(Number.isFinite));
  const missing = names.filter((n) => !restored.includes(n));
  const positions: Record<string, [number, number]> = {};
  for (const name of restored) positions[name] = [saved[name][0], saved[name][1]];
  if (missing.length === 0) return { positions, restored, computed: [] };

  const computed = dagrePositions(graph, options);
  let dx = 0;
  let dy = 0;
  if (restored.length > 0) {
    for (const name of restored) {
      dx += saved[name][0] - computed[name][0];
      dy += saved[name][1] - computed[name][1];
    }
    dx /= restored.length;
    dy /= restored.length;
  }
  for (const name of missing) positions[name] = [computed[name][0] + dx, computed[name][1] + dy];
  return { positions, restored, computed: missing };
}
