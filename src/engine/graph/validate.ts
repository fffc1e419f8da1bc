/**
 * Whole-graph validation: shapes (./shapes.ts) plus what makes a graph unrunnable or suspicious.
 * Every problem names its node or edge and carries a stable code (./problems.ts). Every pass is
 * iterative and near-linear in nodes + edges (a 30,000-node chain validates in milliseconds).
 */
import { MAX_EDGES, MAX_NODES, RAISE_NODES } from '../core/limits';
import { isDuration, isElementwise, isStateful, paramOf, parameterArrays, type Bound } from './primitives';
import { problem, type Problem } from './problems';
import { inferShapes, type ShapeResult } from './shapes';
import { NODE_TYPES, sizeOf, type NirGraph, type NirNode } from './types';

/** Default ceiling on parameter memory: 1 GiB of float32 (a browser GPU buffer's usual limit). */
export const DEFAULT_MAX_PARAMETER_BYTES = 1 << 30;

const below = (bound: Bound, v: number) => (bound.exclusive ? v <= bound.value : v < bound.value);
const boundText = (bound: Bound) => (bound.value === 0 ? (bound.exclusive ? 'positive' : 'non-negative') : `${bound.exclusive ? 'greater than' : 'at least'} ${bound.value}`);

/** Every (sub)graph with its name prefix ("" for the top, "sub." inside `sub`), depth-first, without recursion. */
export function subgraphs(graph: NirGraph): Array<[NirGraph, string]> {
  const out: Array<[NirGraph, string]> = [];
  const pending: Array<[NirGraph, string]> = [[graph, '']];
  while (pending.length > 0) {
    const entry = pending.pop()!;
    out.push(entry);
    const inner = Object.entries(entry[0].nodes).filter(([, n]) => n.type === 'NIRGraph');
    for (let i = inner.length - 1; i >= 0; i--) pending.push([inner[i][1] as NirGraph, `${entry[1]}${inner[i][0]}.`]);
  }
  return out;
}

export function parameterCount(graph: NirGraph): number {
  let count = 0;
  for (const [g] of subgraphs(graph)) {
    for (const node of Object.values(g.nodes)) if (node.type !== 'NIRGraph') count += parameterArrays(node).reduce((n, [, a]) => n + a.data.length, 0);
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
  if (isElementwise(node.type) && arrays.length > 1) {
    const [first, ...rest] = arrays;
    const odd = rest.find(([, a]) => a.shape.join() !== first[1].shape.join());
    if (odd) {
      problems.push(problem('GRAPH_BAD_PARAMETER',
        `${node.type} "${name}": ${odd[0]} has shape [${odd[1].shape.join(', ')}] but ${first[0]} has [${first[1].shape.join(', ')}].`,
        'All parameters of an element-wise node have one shape (the layer size).', { node: name }));
    }
  }
  for (const [key, array] of arrays) {
    const param = paramOf(node.type, key);
    if (param?.min && array.data.some((v) => below(param.min!, v))) {
      problems.push(problem('GRAPH_BAD_PARAMETER', `${node.type} "${name}": ${key} must be ${boundText(param.min)}.`,
        isDuration(param) ? `A ${param.quantity} is a duration in the file's time unit (seconds or steps).` : `Set ${key} in the inspector.`, { node: name }));
    }
  }
  if ((node.type === 'Conv1d' || node.type === 'Conv2d') && (node.groups < 1 || node.stride.some((s) => s < 1) || node.dilation.some((d) => d < 1))) {
    problems.push(problem('GRAPH_BAD_PARAMETER', `${node.type} "${name}": stride, dilation and groups must be at least 1.`, 'Fix the convolution settings.', { node: name }));
  }
  if ((node.type === 'Conv1d' || node.type === 'Conv2d') && Array.isArray(node.padding) && node.padding.some((p) => p < 0)) {
    problems.push(problem('GRAPH_BAD_PARAMETER', `${node.type} "${name}": padding must not be negative.`, 'Fix the convolution settings.', { node: name }));
  }
  if ((node.type === 'SumPool2d' || node.type === 'AvgPool2d') && (node.kernel_size.some((k) => k < 1) || node.stride.some((s) => s < 1) || node.padding.some((p) => p < 0))) {
    problems.push(problem('GRAPH_BAD_PARAMETER', `${node.type} "${name}": kernel size and stride must be at least 1, padding at least 0.`, 'Fix the pooling settings.', { node: name }));
  }
}

/** Cycles made only of stateless nodes cannot be broken by a one-step delay (iterative DFS). */
function algebraicLoops(graph: NirGraph, prefix: string): Problem[] {
  const stateless = Object.keys(graph.nodes).filter((n) => !isStateful(graph.nodes[n].type));
  const adjacency = new Map<string, string[]>(stateless.map((n) => [n, []]));
  for (const [s, d] of graph.edges) if (adjacency.has(s) && adjacency.has(d)) adjacency.get(s)!.push(d);
  const state = new Map<string, 1 | 2>();
  const found: Problem[] = [];
  for (const root of stateless) {
    if (state.has(root)) continue;
    // The DFS path is the stack itself: [node, index of its next successor].
    const stack: Array<[string, number]> = [[root, 0]];
    const onPath: string[] = [root];
    state.set(root, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const next = adjacency.get(top[0])!;
      if (top[1] >= next.length) {
        state.set(top[0], 2);
        stack.pop();
        onPath.pop();
        continue;
      }
      const m = next[top[1]++];
      if (state.get(m) === 1) {
        const loop = [...onPath.slice(onPath.lastIndexOf(m)), m].map((x) => prefix + x);
        found.push(problem('GRAPH_ALGEBRAIC_LOOP', `The cycle ${loop.join(' → ')} has no neuron or delay, so it has no previous step to read.`,
          'Put a stateful node (a neuron population or a Delay) in the loop.', { node: prefix + m }));
      } else if (!state.has(m)) {
        state.set(m, 1);
        stack.push([m, 0]);
        onPath.push(m);
      }
    }
  }
  return found;
}

/** Counts nodes and edges of all (sub)graphs against MAX_NODES / MAX_EDGES. */
function sizeProblems(graph: NirGraph, maxNodes: number): Problem[] {
  let nodes = 0;
  let edges = 0;
  for (const [g] of subgraphs(graph)) {
    nodes += Object.keys(g.nodes).length;
    edges += g.edges.length;
  }
  const out: Problem[] = [];
  if (nodes > maxNodes) {
    out.push(problem('GRAPH_TOO_MANY_NODES', `The graph has ${nodes} nodes, over the cap of ${maxNodes}.`, `Spikelab runs graphs of populations (layers), not of single neurons; to allow more, ${RAISE_NODES}.`));
  }
  if (edges > MAX_EDGES) out.push(problem('GRAPH_TOO_MANY_NODES', `The graph has ${edges} edges, over the cap of ${MAX_EDGES}.`, 'Spikelab runs graphs of populations (layers), not of single neurons.'));
  return out;
}

export interface ValidateOptions {
  maxParameterBytes?: number;
  /** Nodes of all (sub)graphs together (default MAX_NODES). */
  maxNodes?: number;
}

export function validateGraph(graph: NirGraph, options: ValidateOptions = {}): ShapeResult {
  const tooBig = sizeProblems(graph, options.maxNodes ?? MAX_NODES);
  if (tooBig.length > 0) return { shapes: {}, problems: tooBig };
  const result = inferShapes(graph);
  const problems = [...result.problems];
  for (const [g, prefix] of subgraphs(graph)) {
    for (const [name, node] of Object.entries(g.nodes)) if (node.type !== 'NIRGraph') checkNode(prefix + name, node, problems);
    for (const p of algebraicLoops(g, prefix)) problems.push(p);
  }
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
