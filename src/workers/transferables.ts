/** The buffers of every parameter array in a graph, so a graph crosses the boundary without copies. */
import type { MetaValue, NirGraph, NirNode } from '../engine/graph/types';

function collect(value: MetaValue | NirNode | undefined, into: Set<ArrayBuffer>): void {
  if (!value || typeof value !== 'object') return;
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) into.add(value.buffer);
    return;
  }
  for (const child of Object.values(value)) collect(child as MetaValue, into);
}

export function graphBuffers(graph: NirGraph): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  collect(graph, buffers);
  return [...buffers];
}
