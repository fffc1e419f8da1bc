/**
 * Which shipped dataset can feed a graph: its samples must have the Input's size (same shape, or
 * flattened into a 1-D Input) and its class count must match the Output's size.
 */
import type { ManifestSet } from '../../engine/datasets/manifest';
import { sizeOf, type NirGraph } from '../../engine/graph/types';

export interface GraphIo {
  input: number[] | null;
  classes: number | null;
}

export function graphIo(graph: NirGraph): GraphIo {
  const nodes = Object.values(graph.nodes);
  const input = nodes.find((n) => n.type === 'Input');
  const output = nodes.find((n) => n.type === 'Output');
  return {
    input: input?.type === 'Input' ? input.shape : null,
    classes: output?.type === 'Output' ? sizeOf(output.shape) : null,
  };
}

const sameShape = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

export function fits(set: ManifestSet, io: GraphIo): boolean {
  if (!io.input) return false;
  const shapeOk = sameShape(set.featureShape, io.input) || (io.input.length === 1 && sizeOf(set.featureShape) === io.input[0]);
  return shapeOk && (io.classes === null || io.classes === set.classes.length);
}

export function fittingSets(sets: readonly ManifestSet[], graph: NirGraph): ManifestSet[] {
  const io = graphIo(graph);
  return sets.filter((s) => fits(s, io));
}

const shape = (s: readonly number[]) => `[${s.join(', ')}]`;

/** Why no shipped set fits, and what would. */
export function noFitMessage(sets: readonly ManifestSet[], graph: NirGraph): string {
  const io = graphIo(graph);
  if (!io.input) return 'The graph has no Input node, so no dataset can feed it. Add an Input with the data shape.';
  const wanted = `input ${shape(io.input)}${io.classes !== null ? ` and ${io.classes} classes` : ''}`;
  const offers = [...new Map(sets.map((s) => [`${shape(s.featureShape)}/${s.classes.length}`, s])).values()]
    .map((s) => `${shape(s.featureShape)} → ${s.classes.length} classes (${s.id})`).join('; ');
  return `No shipped dataset has ${wanted}. Make the Input and Output match one of: ${offers}.`;
}
