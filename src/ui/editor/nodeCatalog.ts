/**
 * What the editor knows about each NIR type: its category (colour on the canvas, as nirviz:
 * connections, convolutions, neurons, I/O), its equation, the unit of each parameter, and a
 * default node for the palette.
 */
import { filled, type NdArray, type NirNode, type NodeType } from '../../engine/graph/types';
import { seededWeights } from '../../engine/graph/templates';

export type Category = 'io' | 'connection' | 'conv' | 'neuron' | 'graph';

export const CATEGORY: Record<NodeType, Category> = {
  Input: 'io', Output: 'io',
  Affine: 'connection', Linear: 'connection', Scale: 'connection', Flatten: 'connection', Delay: 'connection',
  Conv1d: 'conv', Conv2d: 'conv', SumPool2d: 'conv', AvgPool2d: 'conv',
  Threshold: 'neuron', I: 'neuron', IF: 'neuron', LI: 'neuron', LIF: 'neuron', CubaLI: 'neuron', CubaLIF: 'neuron',
  NIRGraph: 'graph',
};

export const CATEGORY_LABEL: Record<Category, string> = {
  io: 'Input / output', connection: 'Connections', conv: 'Convolutions and pooling', neuron: 'Neurons', graph: 'Subgraph',
};

export const EQUATION: Record<NodeType, string> = {
  Input: 'x ↦ x (the data enters here)',
  Output: 'y ↦ y (the prediction leaves here)',
  Affine: 'y = W·x + b',
  Linear: 'y = W·x',
  Scale: 'y = s ⊙ x',
  Conv1d: 'y = W ⋆ x + b (cross-correlation over length)',
  Conv2d: 'y = W ⋆ x + b (cross-correlation over height × width)',
  SumPool2d: 'y = Σ over each k×k window',
  AvgPool2d: 'y = mean over each k×k window',
  Flatten: 'y = x reshaped, dims start..end merged',
  Delay: 'y(t) = x(t − d)',
  Threshold: 'z = H(x − θ)',
  I: 'dv/dt = R·I',
  IF: 'dv/dt = R·I;  z = H(v − θ);  v ← v_reset on spike',
  LI: 'τ·dv/dt = (v_leak − v) + R·I',
  LIF: 'τ·dv/dt = (v_leak − v) + R·I;  z = H(v − θ);  v ← v_reset on spike',
  CubaLI: 'τ_syn·dI/dt = −I + w_in·S;  τ_mem·dv/dt = (v_leak − v) + R·I',
  CubaLIF: 'τ_syn·dI/dt = −I + w_in·S;  τ_mem·dv/dt = (v_leak − v) + R·I;  z = H(v − θ);  v ← v_reset',
  NIRGraph: 'a nested graph: its Input and Output nodes connect it',
};

/** Unit of a parameter, given the run's time unit ("s" unless the file says otherwise). */
export function unitOf(param: string, timeUnit = 's'): string {
  if (param.startsWith('tau') || param === 'delay') return timeUnit;
  if (param.startsWith('v_') || param === 'threshold' || param === 'r') return 'a.u.';
  if (['weight', 'bias', 'scale', 'w_in'].includes(param)) return 'gain';
  if (['stride', 'padding', 'dilation', 'kernel_size', 'input_shape', 'shape', 'input_type'].includes(param)) return 'elements';
  return '';
}

const size = 10;
const neuron = (keys: string[], values: Record<string, number>): Record<string, NdArray> =>
  Object.fromEntries(keys.map((k) => [k, filled([size], values[k] ?? 0)]));

/** A sensible node of each type (10 neurons, τ = 20 ms, θ = 1) for the palette. */
export function defaultNode(type: NodeType, seed = 1): NirNode {
  const tau = 20e-3;
  switch (type) {
    case 'Input': return { type, shape: [size] };
    case 'Output': return { type, shape: [size] };
    case 'Affine': return { type, weight: seededWeights([size, size], size, seed), bias: filled([size], 0) };
    case 'Linear': return { type, weight: seededWeights([size, size], size, seed) };
    case 'Scale': return { type, scale: filled([size], 1) };
    case 'Conv1d': return {
      type, weight: seededWeights([4, 2, 3], 6, seed), bias: filled([4], 0), stride: [1], padding: [1], dilation: [1], groups: 1, input_shape: [32],
    };
    case 'Conv2d': return {
      type, weight: seededWeights([8, 2, 3, 3], 18, seed), bias: filled([8], 0), stride: [1, 1], padding: [1, 1], dilation: [1, 1], groups: 1,
      input_shape: [34, 34],
    };
    case 'SumPool2d': case 'AvgPool2d': return { type, kernel_size: [2, 2], stride: [2, 2], padding: [0, 0] };
    case 'Flatten': return { type, start_dim: 0, end_dim: -1 };
    case 'Delay': return { type, delay: filled([size], 1e-3) };
    case 'Threshold': return { type, threshold: filled([size], 1) };
    case 'I': return { type, r: filled([size], 1) };
    case 'IF': return { type, ...neuron(['r', 'v_threshold', 'v_reset'], { r: 1, v_threshold: 1 }) } as NirNode;
    case 'LI': return { type, ...neuron(['tau', 'r', 'v_leak'], { tau, r: tau / 1e-3 }) } as NirNode;
    case 'LIF': return { type, ...neuron(['tau', 'r', 'v_leak', 'v_threshold', 'v_reset'], { tau, r: tau / 1e-3, v_threshold: 1 }) } as NirNode;
    case 'CubaLI': return {
      type, ...neuron(['tau_syn', 'tau_mem', 'r', 'v_leak', 'w_in'], { tau_syn: 5e-3, tau_mem: 10e-3, r: 10, w_in: 5 }),
    } as NirNode;
    case 'CubaLIF': return {
      type, ...neuron(['tau_syn', 'tau_mem', 'r', 'v_leak', 'v_threshold', 'v_reset', 'w_in'], { tau_syn: 5e-3, tau_mem: 10e-3, r: 10, v_threshold: 1, w_in: 5 }),
    } as NirNode;
    case 'NIRGraph': return {
      type, nodes: { input: { type: 'Input', shape: [size] }, lif: defaultNode('LIF'), output: { type: 'Output', shape: [size] } },
      edges: [['input', 'lif'], ['lif', 'output']],
    };
  }
}

/** A short, lower-case base name for a new node of this type ("lif", "conv2d", "input"). */
export function baseName(type: NodeType): string {
  return type === 'NIRGraph' ? 'subgraph' : type.toLowerCase();
}
