/**
 * Merges the trainer's parameters into the editor's graph: for every node present in both with
 * the same type, each parameter array of equal shape is taken from the trained graph. Names,
 * edges and metadata (positions, dt, neuron options) stay the editor's.
 */
import type { NdArray, NirGraph, NirNode } from '../../engine/graph/types';

const isArray = (v: unknown): v is NdArray => !!v && typeof v === 'object' && 'data' in v && 'shape' in v;
const sameShape = (a: NdArray, b: NdArray) => a.shape.length === b.shape.length && a.shape.every((d, i) => d === b.shape[i]);

function mergeNode(mine: NirNode, trained: NirNode | undefined): NirNode {
  if (!trained || trained.type !== mine.type) return mine;
  if (mine.type === 'NIRGraph' && trained.type === 'NIRGraph') return withTrainedParameters(mine, trained);
  let changed = false;
  const next: Record<string, unknown> = { ...mine };
  for (const [key, value] of Object.entries(mine)) {
    const update = (trained as unknown as Record<string, unknown>)[key];
    if (key !== 'metadata' && isArray(value) && isArray(update) && sameShape(value, update) && update.data !== value.data) {
      next[key] = update;
      changed = true;
    }
  }
  return changed ? (next as unknown as NirNode) : mine;
}

export function withTrainedParameters(graph: NirGraph, trained: NirGraph): NirGraph {
  let changed = false;
  const nodes: Record<string, NirNode> = {};
  for (const [name, node] of Object.entries(graph.nodes)) {
    nodes[name] = mergeNode(node, trained.nodes[name]);
    changed ||= nodes[name] !== node;
  }
  return changed ? { ...graph, nodes } : graph;
}
