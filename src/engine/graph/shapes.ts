/**
 * Shape inference along edges (docs/specs/nir.md §4.3, §6). Shapes exclude batch and time.
 *  - parameters fix shapes where they can: Input/Output `shape`; Affine/Linear weight (…, out, in);
 *    element-wise nodes (Scale, Delay, Threshold, neurons) the shape of the parameter their
 *    catalogue entry sizes them by (./primitives); Conv its `input_shape` and weight;
 *  - the rest (pools, Flatten, Conv without input_shape, subgraphs) take their input from the
 *    predecessor and compute their output:
 *      conv_out(n) = ⌊(n + 2p − d·(k − 1) − 1) / s⌋ + 1;  'valid' → p = 0;  'same' → n
 *      pool: same with d = 1;  Flatten: in[:s] + [∏ in[s..e]] + in[e+1:]
 *  - every edge must join equal shapes (NIR applies no broadcasting); fan-in sources must agree.
 * Nested graphs are inferred recursively; their nodes are keyed "sub.inner". Propagation is a
 * worklist (each node is revisited only when a predecessor gains an output): O(nodes + edges).
 * Names are data: lookups go through own keys only, results are prototype-free records.
 */
import { MAX_LAYER_ELEMENTS } from '../core/limits';
import { emptyRecord, hasKey } from '../core/records';
import { primitiveOf } from './primitives';
import { problem, type Problem } from './problems';
import { sizeOf, type NdArray, type NirGraph, type NirNode } from './types';

export interface NodeShapes {
  input?: number[];
  output?: number[];
}

export interface ShapeResult {
  shapes: Record<string, NodeShapes>;
  problems: Problem[];
}

const fmt = (shape: readonly number[] | undefined) => (shape ? `[${shape.join(', ')}]` : '[?]');
const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

export function convOut(n: number, k: number, s: number, p: number, d: number): number {
  return Math.floor((n + 2 * p - d * (k - 1) - 1) / s) + 1;
}

function paddingOf(padding: number[] | 'same' | 'valid', i: number): number | 'same' {
  if (padding === 'same') return 'same';
  if (padding === 'valid') return 0;
  return padding[i] ?? padding[0];
}

/** Shapes a node fixes by itself, from its parameters. */
function ownShapes(node: NirNode): NodeShapes {
  switch (node.type) {
    case 'Input':
    case 'Output':
      return { input: [...node.shape], output: [...node.shape] };
    case 'Affine':
    case 'Linear': {
      const w = node.weight.shape;
      if (w.length < 2) return {};
      const lead = w.slice(0, -2);
      return { input: [...lead, w[w.length - 1]], output: [...lead, w[w.length - 2]] };
    }
    case 'Conv1d':
    case 'Conv2d':
      if (!node.input_shape) return {};
      return { input: [node.weight.shape[1] * node.groups, ...node.input_shape] };
    default: {
      const sizedBy = primitiveOf(node.type)?.sizedBy;
      const layer = sizedBy === undefined ? undefined : (node as unknown as Record<string, NdArray | undefined>)[sizedBy]?.shape;
      return layer ? { input: [...layer], output: [...layer] } : {};
    }
  }
}

/** The output shape of a node given its input shape, or a reason it cannot be computed. */
function outputFrom(node: NirNode, input: number[]): number[] | string {
  switch (node.type) {
    case 'Conv1d':
    case 'Conv2d': {
      const spatial = node.type === 'Conv1d' ? 1 : 2;
      const w = node.weight.shape;
      if (input.length !== spatial + 1) return `expects ${spatial + 1}-d input (C, ${spatial === 1 ? 'L' : 'H, W'}), got ${fmt(input)}`;
      if (input[0] !== w[1] * node.groups) return `expects ${w[1] * node.groups} input channels (weight ${fmt(w)}, groups ${node.groups}), got ${input[0]}`;
      const out = [w[0]];
      for (let i = 0; i < spatial; i++) {
        const p = paddingOf(node.padding as number[] | 'same' | 'valid', i);
        out.push(p === 'same' ? input[i + 1] : convOut(input[i + 1], w[2 + i], node.stride[i] ?? node.stride[0], p, node.dilation[i] ?? node.dilation[0]));
      }
      if (out.some((n) => !Number.isSafeInteger(n))) return `gives no whole output size for input ${fmt(input)} (stride, padding or dilation out of range)`;
      if (out.some((n) => n <= 0)) return `input ${fmt(input)} is smaller than the kernel`;
      return out;
    }
    case 'SumPool2d':
    case 'AvgPool2d': {
      if (input.length !== 3) return `expects (C, H, W) input, got ${fmt(input)}`;
      const out = [input[0], ...[0, 1].map((i) => convOut(input[i + 1], node.kernel_size[i], node.stride[i], node.padding[i], 1))];
      if (out.some((n) => !Number.isSafeInteger(n))) return `gives no whole output size for input ${fmt(input)} (stride or padding out of range)`;
      if (out.some((n) => n <= 0)) return `input ${fmt(input)} is smaller than the pooling window`;
      if (sizeOf(out) > MAX_LAYER_ELEMENTS) return `gives ${sizeOf(out)} values per step, over the ${MAX_LAYER_ELEMENTS} one layer may hold`;
      return out;
    }
    case 'Flatten': {
      const r = input.length;
      const s = node.start_dim < 0 ? node.start_dim + r : node.start_dim;
      const e = node.end_dim < 0 ? node.end_dim + r : node.end_dim;
      if (s < 0 || e >= r || s > e) return `start_dim ${node.start_dim} / end_dim ${node.end_dim} do not fit input ${fmt(input)}`;
      return [...input.slice(0, s), sizeOf(input.slice(s, e + 1)), ...input.slice(e + 1)];
    }
    default:
      return [...input];
  }
}

function subgraphPorts(sub: NirGraph): { inputs: string[]; outputs: string[] } {
  const names = Object.keys(sub.nodes);
  return { inputs: names.filter((n) => sub.nodes[n].type === 'Input'), outputs: names.filter((n) => sub.nodes[n].type === 'Output') };
}

export function inferShapes(graph: NirGraph, prefix = ''): ShapeResult {
  const shapes = emptyRecord<NodeShapes>();
  const problems: Problem[] = [];
  const names = Object.keys(graph.nodes);
  const key = (n: string) => prefix + n;
  const subResults = new Map<string, ShapeResult>();

  for (const name of names) {
    const node = graph.nodes[name];
    if (node.type === 'NIRGraph') {
      const inner = inferShapes(node, `${key(name)}.`);
      subResults.set(name, inner);
      const { inputs, outputs } = subgraphPorts(node);
      shapes[key(name)] = {
        input: inputs.length === 1 ? inner.shapes[`${key(name)}.${inputs[0]}`]?.input : undefined,
        output: outputs.length === 1 ? inner.shapes[`${key(name)}.${outputs[0]}`]?.output : undefined,
      };
    } else {
      shapes[key(name)] = ownShapes(node);
    }
  }

  const incoming = new Map<string, string[]>(names.map((n) => [n, []]));
  const outgoing = new Map<string, string[]>(names.map((n) => [n, []]));
  for (const [src, dst] of graph.edges) {
    if (!hasKey(graph.nodes, src) || !hasKey(graph.nodes, dst)) {
      const missing = !hasKey(graph.nodes, src) ? src : dst;
      problems.push(problem('GRAPH_DANGLING_EDGE', `Edge ${src} → ${dst} names "${missing}", which is not a node of this graph.`,
        'Delete the edge or add the missing node.', { edge: [src, dst] }));
      continue;
    }
    incoming.get(dst)!.push(src);
    outgoing.get(src)!.push(dst);
  }

  // Worklist: an input from the predecessors, an output from the input; a node whose output
  // appears puts its successors back on the list.
  const failed = new Set<string>();
  const queue = [...names];
  const queued = new Set(names);
  for (let head = 0; head < queue.length; head++) {
    const name = queue[head];
    queued.delete(name);
    const node = graph.nodes[name];
    const s = shapes[key(name)];
    if (!s.input) {
      const source = incoming.get(name)!.map((p) => shapes[key(p)].output).find((o) => o !== undefined);
      if (source) s.input = [...source];
    }
    if (s.input && !s.output && !failed.has(name) && node.type !== 'NIRGraph') {
      const out = outputFrom(node, s.input);
      if (typeof out === 'string') {
        failed.add(name);
        problems.push(problem('GRAPH_SHAPE_MISMATCH', `${node.type} "${key(name)}" ${out}.`,
          'Change the layer parameters or what feeds it so the shapes agree.', { node: key(name) }));
      } else {
        s.output = out;
        for (const next of outgoing.get(name)!) {
          if (!queued.has(next) && !shapes[key(next)].input) {
            queued.add(next);
            queue.push(next);
          }
        }
      }
    }
  }

  for (const [src, dst] of graph.edges) {
    if (!hasKey(graph.nodes, src) || !hasKey(graph.nodes, dst)) continue;
    const out = shapes[key(src)].output;
    const inp = shapes[key(dst)].input;
    if (out && inp && !same(out, inp)) {
      problems.push(problem('GRAPH_SHAPE_MISMATCH',
        `Edge ${key(src)} → ${key(dst)} carries ${fmt(out)} but ${graph.nodes[dst].type} "${key(dst)}" takes ${fmt(inp)}.`,
        out.length !== inp.length && sizeOf(out) === sizeOf(inp) ? 'Insert a Flatten between them.' : 'Resize one of the two layers so the sizes agree.',
        { edge: [key(src), key(dst)] }));
    }
  }

  for (const name of names) {
    const s = shapes[key(name)];
    if ((!s.input || !s.output) && !failed.has(name) && graph.nodes[name].type !== 'NIRGraph') {
      problems.push(problem('GRAPH_SHAPE_UNKNOWN', `The shape of ${graph.nodes[name].type} "${key(name)}" cannot be inferred.`,
        'Connect it (directly or through other layers) to an Input with a shape.', { node: key(name) }, 'warning'));
    }
  }

  for (const inner of subResults.values()) {
    Object.assign(shapes, inner.shapes);
    for (const p of inner.problems) problems.push(p);
  }
  return { shapes, problems };
}
