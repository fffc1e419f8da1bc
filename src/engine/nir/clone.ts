/** Deep copy of a graph (typed arrays copied), so repairs never touch the caller's graph. */
import type { NirGraph, NirNode } from '../graph/types';

function cloneValue(value: unknown): unknown {
  if (value instanceof Float32Array) return new Float32Array(value);
  if (Array.isArray(value)) return value.map(cloneValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cloneValue(v);
    return out;
  }
  return value;
}

export function cloneGraph(graph: NirGraph): NirGraph {
  return cloneValue(graph) as NirGraph;
}

export function cloneNode<N extends NirNode>(node: N): N {
  return cloneValue(node) as N;
}

