/**
 * Shapes and problems of the current graph (instant feedback on the main thread: validation is a
 * pure engine helper). Cached per graph object, so every view asking about the same graph shares
 * one computation.
 */
import type { Problem } from '../../engine/graph/problems';
import type { NodeShapes, ShapeResult } from '../../engine/graph/shapes';
import type { NirGraph } from '../../engine/graph/types';
import { validateGraph } from '../../engine/graph/validate';
import { addEdge, edgeId } from '../../engine/graph/ops';
import { useGraphStore } from './graphStore';

const cache = new WeakMap<NirGraph, ShapeResult>();

export function analyse(graph: NirGraph): ShapeResult {
  let result = cache.get(graph);
  if (!result) {
    result = validateGraph(graph);
    cache.set(graph, result);
  }
  return result;
}

export function useAnalysis(): ShapeResult {
  return analyse(useGraphStore((s) => s.graph));
}

export function problemsOfNode(problems: readonly Problem[], name: string): Problem[] {
  return problems.filter((p) => p.node === name || (p.node?.startsWith(`${name}.`) ?? false));
}

export function problemsOfEdge(problems: readonly Problem[], id: string): Problem[] {
  return problems.filter((p) => p.edge && edgeId(p.edge[0], p.edge[1]) === id);
}

export function formatShape(shape: readonly number[] | undefined): string {
  return shape ? `[${shape.join(', ')}]` : '[?]';
}

export function shapeOf(shapes: Record<string, NodeShapes>, name: string): NodeShapes {
  return shapes[name] ?? {};
}

/** Why an edge source → target would be refused, or null when it is acceptable. */
export function connectionProblem(graph: NirGraph, source: string, target: string): string | null {
  if (source === target) return 'A node cannot feed itself directly; put a Linear or Delay in the loop.';
  if (graph.nodes[target]?.type === 'Input') return `${target} is an Input: nothing can feed it.`;
  if (graph.nodes[source]?.type === 'Output') return `${source} is an Output: it feeds nothing.`;
  const next = addEdge(graph, source, target);
  if (next === graph) return null;
  const id = edgeId(source, target);
  const before = new Set(analyse(graph).problems.map((p) => `${p.code}|${p.message}`));
  const fresh = analyse(next).problems.find((p) => p.severity === 'error' && !before.has(`${p.code}|${p.message}`)
    && (p.edge ? edgeId(p.edge[0], p.edge[1]) === id : p.node === target || p.node === source));
  return fresh ? fresh.message : null;
}
