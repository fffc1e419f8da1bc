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

/** Calls `visit` for every parameter array of every node (nested graphs included), by path. */
function eachArray(graph: NirGraph, visit: (path: string, array: NdArray) => void, prefix = ''): void {
  for (const [name, node] of Object.entries(graph.nodes)) {
    if (node.type === 'NIRGraph') {
      eachArray(node, visit, `${prefix}${name}.`);
      continue;
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'metadata' && isArray(value)) visit(`${prefix}${name}/${key}`, value);
  }
}

function arraysOf(graph: NirGraph): Map<string, NdArray> {
  const out = new Map<string, NdArray>();
  eachArray(graph, (path, array) => out.set(path, array));
  return out;
}

/**
 * Whether `graph` still holds parameters that training wrote (`trained`, merged from the
 * untrained `initial`): some array is the very one training put there. A graph loaded or built
 * anew shares none.
 */
export function holdsTrainedParameters(graph: NirGraph, initial: NirGraph, trained: NirGraph): boolean {
  const before = arraysOf(initial);
  const after = arraysOf(trained);
  let holds = false;
  eachArray(graph, (path, array) => {
    holds ||= array === after.get(path) && array !== before.get(path);
  });
  return holds;
}

/**
 * The untrained parameters back in place (Reset): every array that is still the one training
 * wrote is replaced by the one `initial` had; arrays edited since (a τ typed in the inspector)
 * and everything else stay as they are.
 */
export function withUntrainedParameters(graph: NirGraph, initial: NirGraph, trained: NirGraph): NirGraph {
  const before = arraysOf(initial);
  const after = arraysOf(trained);
  const restore = (node: NirGraph, prefix: string): NirGraph => {
    let changed = false;
    const nodes: Record<string, NirNode> = {};
    for (const [name, child] of Object.entries(node.nodes)) {
      if (child.type === 'NIRGraph') {
        nodes[name] = restore(child, `${prefix}${name}.`);
      } else {
        const next: Record<string, unknown> = { ...child };
        let touched = false;
        for (const [key, value] of Object.entries(child)) {
          const path = `${prefix}${name}/${key}`;
          const original = before.get(path);
          if (isArray(value) && original && value === after.get(path) && value !== original) {
            next[key] = original;
            touched = true;
          }
        }
        nodes[name] = touched ? (next as unknown as NirNode) : child;
      }
      changed ||= nodes[name] !== child;
    }
    return changed ? { ...node, nodes } : node;
  };
  return restore(graph, '');
}
