/**
 * Whole-graph validation: shapes (./shapes.ts) plus what makes a graph unrunnable or suspicious.
 * Every problem names its node or edge and carries a stable code (./problems.ts).
 */
import { problem, type Problem } from './problems';
import { inferShapes, type ShapeResult } from './shapes';
import { NODE_TYPES, sizeOf, type NdArray, type NirGraph, type NirNode } from './types';

/** Default ceiling on parameter memory: 1 GiB of float32 (a browser GPU buffer's usual limit). */
export const DEFAULT_MAX_PARAMETER_BYTES = 1 << 30;

const STATEFUL = new Set(['Delay', 'I', 'IF', 'LI', 'LIF', 'CubaLI', 'CubaLIF', 'NIRGraph']);

export function parameterArrays(node: NirNode): Array<[string, NdArray]> {
  const out: Array<[string, NdArray]> = [];
  for (const [name, value] of Object.entries(node)) {
    if (value && typeof value === 'object' && 'data' in value && value.data instanceof Float32Array) out.push([name, value as NdArray]);
  }
  return out;
}

export function parameterCount(graph: NirGraph): number {
  let count = 0;
  for (const node of Object.values(graph.nodes)) {
    count += node.type === 'NIRGraph' ? parameterCount(node) : parameterArrays(node).reduce((n, [, a]) => n + a.data.length, 0);
  }
  return count;
}

function checkNode(name: string, node: NirNode, problems: Problem[]): void {
  if (!(NODE_TYPES as readonly string[]).includes(node.type)) {
    problems.push(problem('GRAPH_UNKNOWN_TYPE', `Node "${name}" has type "${String(node.type)}", which is not a NIR primitive.`,
      `Use one of: ${NODE_TYPES.join(', ')}.`, { node: name }));
    return;
  }
  const arrays = parameterArrays(node);
  for (const [param, array] of arrays) {
    if (array.data.length !== sizeOf(array.shape)) {
      problems.push(problem('GRAPH_BAD_PARAMETER', `${node.type} "${name}": ${param} has ${array.data.length} values for shape [${array.shape.join(', ')}].`,
        'Re-create the parameter with a matching shape.', { node: name }));
    } else if (!array.data.every(Number.isFinite)) {
      problems.push(problem('GRAPH_NON_FINITE', `${node.type} "${name}": ${param} contains NaN or infinite values.`,
        'Replace them with finite numbers (a diverged training run can cause this: lower the learning rate).', { node: name }));
    }
  }
  const elementwise = ['Scale', 'Delay', 'Threshold', 'I', 'IF', 'LI', 'LIF', 'CubaLI', 'CubaLIF'];
  if (elementwise.includes(node.type) && arrays.length > 1) {
    const [first, ...rest] = arrays;
    const odd = rest.find(([, a]) => a.shape.join() !== first[1].shape.join());
    if (odd) {
      problems.push(problem('GRAPH_BAD_PARAMETER',
        `${node.type} "${name}": ${odd[0]} has shape [${odd[1].shape.join(', ')}] but ${first[0]} has [${first[1].shape.join(', ')}].`,
        'All parameters of an element-wise node have one shape (the layer size).', { node: name }));
    }
  }
  for (const tauName of ['tau', 'tau_mem', 'tau_syn'] as const) {
    const tau = (node as unknown as Record<string, NdArray | undefined>)[tauName];
    if (tau && tau.data.some((v) => v <= 0)) {
      problems.push(problem('GRAPH_BAD_PARAMETER', `${node.type} "${name}": ${tauName} must be positive.`,
        'A time constant is a duration in the file\'s time unit (seconds or steps).', { node: name }));
    }
  }
  if ((node.type === 'Conv1d' || node.type === 'Conv2d') && (node.groups < 1 || node.stride.some((s) => s < 1) || node.dilation.some((d) => d < 1))) {
    problems.push(problem('GRAPH_BAD_PARAMETER', `${node.type} "${name}": stride, dilation and groups must be at least 1.`, 'Fix the convolution settings.', { node: name }));
  }
}

/** Cycles made only of stateless nodes cannot be broken by a one-step delay. */
function algebraicLoops(graph: NirGraph, prefix: string): Problem[] {
  const stateless = Object.keys(graph.nodes).filter((n) => !STATEFUL.has(graph.nodes[n].type));
  const adjacency = new Map<string, string[]>(stateless.map((n) => [n, []]));
  for (const [s, d] of graph.edges) if (adjacency.has(s) && adjacency.has(d)) adjacency.get(s)!.push(d);
  const state = new Map<string, 1 | 2>();
  const found: Problem[] = [];
  const visit = (n: string, path: string[]): void => {
    state.set(n, 1);
    for (const m of adjacency.get(n)!) {
      if (state.get(m) === 1) {
        const loop = [...path.slice(path.indexOf(m)), m].map((x) => prefix + x);
        found.push(problem('GRAPH_ALGEBRAIC_LOOP', `The cycle ${loop.join(' → ')} has no neuron or delay, so it has no previous step to read.`,
          'Put a stateful node (a neuron population or a Delay) in the loop.', { node: prefix + m }));
      } else if (!state.has(m)) visit(m, [...path, m]);
    }
    state.set(n, 2);
  };
  for (const n of stateless) if (!state.has(n)) visit(n, [n]);
  return found;
}

export interface ValidateOptions {
  maxParameterBytes?: number;
}

export function validateGraph(graph: NirGraph, options: ValidateOptions = {}): ShapeResult {
  const result = inferShapes(graph);
  const problems = [...result.problems];
  const walk = (g: NirGraph, prefix: string) => {
    for (const [name, node] of Object.entries(g.nodes)) {
      if (node.type === 'NIRGraph') walk(node, `${prefix}${name}.`);
      else checkNode(prefix + name, node, problems);
    }
    problems.push(...algebraicLoops(g, prefix));
  };
  walk(graph, '');
  const types = Object.values(graph.nodes).map((n) => n.type);
  if (!types.includes('Input')) {
    problems.push(problem('GRAPH_NO_INPUT', 'The graph has no Input node, so nothing can feed it.', 'Add an Input with the data shape (e.g. [128] or [2, 34, 34]).'));
  }
  if (!types.includes('Output')) {
    problems.push(problem('GRAPH_NO_OUTPUT', 'The graph has no Output node, so nothing reads its result.', 'Add an Output after the last layer.', {}, 'warning'));
  }
  const bytes = parameterCount(graph) * 4;
  const limit = options.maxParameterBytes ?? DEFAULT_MAX_PARAMETER_BYTES;
  if (bytes > limit) {
    problems.push(problem('GRAPH_TOO_LARGE', `The parameters need ${(bytes / 2 ** 20).toFixed(0)} MiB, over the ${(limit / 2 ** 20).toFixed(0)} MiB this device allows.`,
      'Make the layers smaller.'));
  }
  return { shapes: result.shapes, problems };
}
