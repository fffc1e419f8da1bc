/**
 * Graph-level repairs of the tolerant profile (docs/specs/nir.md §10), using the shared
 * shape inference (../graph/shapes.ts) to learn what neighbours carry:
 *  - 0-d neuron/element-wise parameters → broadcast to the predecessor's output size (else the
 *    successor's input size) (§10.3);
 *  - Conv without input_shape, Flatten without input_type → filled from the predecessor (§10.5–6);
 *  - Input/Output shapes that differ from their neighbour only by size-1 dims → the neighbour's
 *    shape (§10.4);
 *  - root/leaf nodes that are not Input/Output get an added `input_<name>` / `output_<name>`,
 *    as nir.read does (§4.3, §10.13), so a saved file loads unchanged with the official reader.
 * What remains wrong (a real shape mismatch) is refused with the shape checker's message.
 */
import type { ByteBudget } from '../core/limits';
import { isElementwise, parameterArrays } from '../graph/primitives';
import { inferShapes, type ShapeResult } from '../graph/shapes';
import { sizeOf, type NdArray, type NirGraph } from '../graph/types';
import { nirError } from './h5fields';
import { broadcastTo, formatShape, sameShape, squeeze } from './ndarrays';
import type { WarningList } from './warnings';

type Neighbours = (name: string) => { preds: string[]; succs: string[] };
type Visit = (graph: NirGraph, prefix: string, neighbours: Neighbours) => void;

/** Visits every (sub)graph, without recursion, with its predecessor/successor lists built once. */
function walk(root: NirGraph, visit: Visit): void {
  const pending: Array<[NirGraph, string]> = [[root, '']];
  while (pending.length > 0) {
    const [graph, prefix] = pending.pop()!;
    const preds = new Map<string, string[]>();
    const succs = new Map<string, string[]>();
    for (const [a, b] of graph.edges) {
      (succs.get(a) ?? succs.set(a, []).get(a)!).push(b);
      (preds.get(b) ?? preds.set(b, []).get(b)!).push(a);
    }
    visit(graph, prefix, (name) => ({ preds: preds.get(name) ?? [], succs: succs.get(name) ?? [] }));
    const subgraphs = Object.entries(graph.nodes).filter(([, node]) => node.type === 'NIRGraph');
    for (let i = subgraphs.length - 1; i >= 0; i--) pending.push([subgraphs[i][1] as NirGraph, `${prefix}${subgraphs[i][0]}.`]); // depth-first, in file order
  }
}

function repairOnce(root: NirGraph, result: ShapeResult, warnings: WarningList, budget?: ByteBudget): boolean {
  let changed = false;
  const { shapes } = result;
  walk(root, (graph, prefix, neighbours) => {
    for (const [name, node] of Object.entries(graph.nodes)) {
      const key = prefix + name;
      const { preds, succs } = neighbours(name);
      const fromPred = preds.map((p) => shapes[prefix + p]?.output).find((s) => s !== undefined && s.length > 0);
      const fromSucc = succs.map((s) => shapes[prefix + s]?.input).find((s) => s !== undefined && s.length > 0);
      const params = isElementwise(node.type) ? parameterArrays(node) : [];
      if (params.length > 0 && params.every(([, p]) => p.shape.length === 0)) {
        const target = fromPred ?? fromSucc;
        if (target) {
          const record = node as unknown as Record<string, NdArray>;
          for (const [k, p] of params) record[k] = broadcastTo(p, target, budget, key);
          warnings.add('NIR_SCALAR_PARAMS', `${node.type} "${key}" stores scalar (0-d) parameters (snnTorch/Norse/Sinabs style); broadcast to the layer size ${formatShape(target)}.`, key);
          changed = true;
        }
      }
      if ((node.type === 'Conv1d' || node.type === 'Conv2d') && !node.input_shape && shapes[key]?.input) {
        const input = shapes[key].input!;
        const spatial = node.type === 'Conv1d' ? 1 : 2;
        if (input.length === spatial + 1) {
          if (node.type === 'Conv1d') node.input_shape = [input[1]];
          else node.input_shape = [input[1], input[2]];
          changed = true;
        }
      }
      if (node.type === 'Flatten' && !node.input_type && shapes[key]?.input) {
        node.input_type = [...shapes[key].input!];
        changed = true;
      }
      if (node.type === 'Input' && fromSucc && !sameShape(node.shape, fromSucc) && sameShape(squeeze(node.shape), squeeze(fromSucc)) && sizeOf(node.shape) === sizeOf(fromSucc)) {
        warnings.add('NIR_SINGLETON_DIMS', `Input "${key}" has shape ${formatShape(node.shape)}, its consumer takes ${formatShape(fromSucc)}: the extra size-1 (batch/time) dims were dropped.`, key);
        node.shape = [...fromSucc];
        changed = true;
      }
      if (node.type === 'Output' && fromPred && !sameShape(node.shape, fromPred) && sameShape(squeeze(node.shape), squeeze(fromPred)) && sizeOf(node.shape) === sizeOf(fromPred)) {
        warnings.add('NIR_SINGLETON_DIMS', `Output "${key}" has shape ${formatShape(node.shape)}, its producer gives ${formatShape(fromPred)}: the extra size-1 (batch/time) dims were dropped.`, key);
        node.shape = [...fromPred];
        changed = true;
      }
    }
  });
  return changed;
}

function freeName(graph: NirGraph, base: string): string {
  if (!(base in graph.nodes)) return base;
  for (let i = 0; ; i++) if (!(`${base}_${i}` in graph.nodes)) return `${base}_${i}`;
}

function addImplicitPorts(root: NirGraph, result: ShapeResult, warnings: WarningList): void {
  walk(root, (graph, prefix, neighbours) => {
    for (const name of Object.keys(graph.nodes)) {
      const node = graph.nodes[name];
      const { preds, succs } = neighbours(name);
      const key = prefix + name;
      if (preds.length === 0 && node.type !== 'Input' && result.shapes[key]?.input) {
        const port = freeName(graph, `input_${name}`);
        graph.nodes[port] = { type: 'Input', shape: [...result.shapes[key].input!] };
        graph.edges.push([port, name]);
        warnings.add('NIR_IMPLICIT_INPUT', `"${key}" has no incoming edge; an Input "${prefix}${port}" was added, as nir.read does.`, key);
      }
      if (succs.length === 0 && node.type !== 'Output' && result.shapes[key]?.output) {
        const port = freeName(graph, `output_${name}`);
        graph.nodes[port] = { type: 'Output', shape: [...result.shapes[key].output!] };
        graph.edges.push([name, port]);
        warnings.add('NIR_IMPLICIT_OUTPUT', `"${key}" has no outgoing edge; an Output "${prefix}${port}" was added, as nir.read does.`, key);
      }
    }
  });
}

export interface NormalizeOptions {
  /** Open graphs whose shapes do not chain, reporting each mismatch as a NIR_SHAPE_MISMATCH warning
   * (the editor then shows it on the edge); default false: such files are refused. */
  allowShapeErrors?: boolean;
  /** Charged for every parameter broadcast to its layer's size. */
  budget?: ByteBudget;
}

/** Repairs `graph` in place and returns the final shape inference. */
export function normalizeGraph(graph: NirGraph, warnings: WarningList, options: NormalizeOptions = {}): ShapeResult {
  let result = inferShapes(graph);
  for (let round = 0; round < 4 && repairOnce(graph, result, warnings, options.budget); round++) result = inferShapes(graph);
  addImplicitPorts(graph, result, warnings);
  result = inferShapes(graph);
  const error = result.problems.find((p) => p.severity === 'error');
  if (error && options.allowShapeErrors) {
    for (const p of result.problems.filter((q) => q.severity === 'error')) warnings.add('NIR_SHAPE_MISMATCH', p.message, p.node ?? p.edge?.[1]);
  } else if (error) {
    const code = error.code === 'GRAPH_DANGLING_EDGE' ? 'NIR_EDGE_MISSING_NODE' : 'NIR_SHAPE_MISMATCH';
    throw nirError(code, `The network in this file is inconsistent: ${error.message}`, `${error.hint} (The file itself must be fixed: the official nir.read rejects it too.)`, error.node ?? error.edge?.join(' → '));
  }
  return result;
}
