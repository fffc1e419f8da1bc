/**
 * The in-memory graph is NIR's (docs/specs/nir.md §4–§5): the 19 serialisable node types with
 * their parameters as typed arrays, named edges, nested graphs and metadata. A node is a
 * population (a layer), never a single neuron. Field names are NIR's own (`v_threshold`,
 * `tau_syn`, `input_shape`), so the codec maps datasets one to one.
 *
 * Units: NIR stores no dt and no units. Time constants and delays are in the file's own time unit
 * (seconds for snnTorch/Norse/Lava, time steps for Sinabs/Spyx); a run picks dt in that unit.
 * What the lab adds that NIR cannot express (dt, positions, neuron options, training config)
 * lives in `metadata` (see `labMetadata.ts`), so a round trip loses nothing.
 * What each type means (category, equation, each field's unit, bounds, default and how NIR
 * stores it) is in its catalogue entry, ./primitives/<type>.ts.
 */

/** A float parameter: row-major values with their shape (`[]` for a 0-d scalar). */
export interface NdArray {
  shape: number[];
  data: Float32Array;
}

/** Metadata as NIR stores it: strings, numbers, booleans, arrays and nested groups. */
export type MetaValue = string | number | boolean | number[] | string[] | NdArray | Metadata;
export interface Metadata {
  [key: string]: MetaValue;
}

interface Base {
  metadata?: Metadata;
}

export interface InputNode extends Base { type: 'Input'; shape: number[] }
export interface OutputNode extends Base { type: 'Output'; shape: number[] }
/** y = W·x + b; weight is (…, out, in) like torch.nn.Linear.weight. */
export interface AffineNode extends Base { type: 'Affine'; weight: NdArray; bias: NdArray }
/** y = W·x; weight (…, out, in). */
export interface LinearNode extends Base { type: 'Linear'; weight: NdArray }
/** y = s ⊙ x. */
export interface ScaleNode extends Base { type: 'Scale'; scale: NdArray }

export type Padding1d = [number] | 'same' | 'valid';
export type Padding2d = [number, number] | 'same' | 'valid';

/** Cross-correlation as torch.nn.Conv1d on (C, L); weight (C_out, C_in/groups, K). */
export interface Conv1dNode extends Base {
  type: 'Conv1d';
  weight: NdArray;
  bias: NdArray;
  stride: [number];
  padding: Padding1d;
  dilation: [number];
  groups: number;
  /** Spatial length L (no channel); absent in nir 0.x files, then inferred from the predecessor. */
  input_shape?: [number];
}

/** Cross-correlation as torch.nn.Conv2d on (C, H, W); weight (C_out, C_in/groups, kH, kW). */
export interface Conv2dNode extends Base {
  type: 'Conv2d';
  weight: NdArray;
  bias: NdArray;
  stride: [number, number];
  padding: Padding2d;
  dilation: [number, number];
  groups: number;
  /** (H, W), spatial only; inferred from the predecessor when absent. */
  input_shape?: [number, number];
}

/** Window sum (SumPool2d) or mean (AvgPool2d) over (C, H, W); channels unchanged. */
export interface Pool2dNode extends Base {
  type: 'SumPool2d' | 'AvgPool2d';
  kernel_size: [number, number];
  stride: [number, number];
  padding: [number, number];
}

/** Merges dims start_dim..end_dim inclusive (negative from the end), over shapes without batch. */
export interface FlattenNode extends Base {
  type: 'Flatten';
  start_dim: number;
  end_dim: number;
  /** The full input shape (the name is NIR's); inferred when absent. */
  input_type?: number[];
}

/** y(t) = x(t − delay), element-wise; delay in the file's time unit. */
export interface DelayNode extends Base { type: 'Delay'; delay: NdArray }
/** z = H(x − θ), strict. */
export interface ThresholdNode extends Base { type: 'Threshold'; threshold: NdArray }
/** dv/dt = R·I; output v. */
export interface INode extends Base { type: 'I'; r: NdArray }
/** dv/dt = R·I; z = H(v − v_threshold); on spike v ← v_reset. */
export interface IFNode extends Base { type: 'IF'; r: NdArray; v_threshold: NdArray; v_reset: NdArray }
/** τ·dv/dt = (v_leak − v) + R·I; output v. */
export interface LINode extends Base { type: 'LI'; tau: NdArray; r: NdArray; v_leak: NdArray }
/** τ·dv/dt = (v_leak − v) + R·I; z = H(v − v_threshold); on spike v ← v_reset. */
export interface LIFNode extends Base {
  type: 'LIF';
  tau: NdArray;
  r: NdArray;
  v_leak: NdArray;
  v_threshold: NdArray;
  v_reset: NdArray;
}
/** τ_syn·dI/dt = −I + w_in·S; τ_mem·dv/dt = (v_leak − v) + R·I; output v. */
export interface CubaLINode extends Base {
  type: 'CubaLI';
  tau_syn: NdArray;
  tau_mem: NdArray;
  r: NdArray;
  v_leak: NdArray;
  w_in: NdArray;
}
/** CubaLI plus z = H(v − v_threshold), v ← v_reset on spike; output z. */
export interface CubaLIFNode extends Base {
  type: 'CubaLIF';
  tau_syn: NdArray;
  tau_mem: NdArray;
  r: NdArray;
  v_leak: NdArray;
  v_threshold: NdArray;
  v_reset: NdArray;
  w_in: NdArray;
}

/** A (sub)graph: named nodes, identity edges [source, target] (fan-in summed), metadata. */
export interface NirGraph extends Base {
  type: 'NIRGraph';
  nodes: Record<string, NirNode>;
  edges: Array<[string, string]>;
}

export type NirNode =
  | InputNode | OutputNode | AffineNode | LinearNode | ScaleNode | Conv1dNode | Conv2dNode
  | Pool2dNode | FlattenNode | DelayNode | ThresholdNode | INode | IFNode | LINode | LIFNode
  | CubaLINode | CubaLIFNode | NirGraph;

export type NodeType = NirNode['type'];

export const NODE_TYPES: readonly NodeType[] = [
  'Input', 'Output', 'Affine', 'Linear', 'Scale', 'Conv1d', 'Conv2d', 'SumPool2d', 'AvgPool2d',
  'Flatten', 'Delay', 'Threshold', 'I', 'IF', 'LI', 'LIF', 'CubaLI', 'CubaLIF', 'NIRGraph',
];

export function isNodeType(value: unknown): value is NodeType {
  return typeof value === 'string' && (NODE_TYPES as readonly string[]).includes(value);
}

export function ndarray(shape: number[], data?: ArrayLike<number>): NdArray {
  const size = sizeOf(shape);
  const values = data ? Float32Array.from(data) : new Float32Array(size);
  if (values.length !== size) throw new RangeError(`ndarray: ${values.length} values for shape [${shape.join(', ')}]`);
  return { shape: [...shape], data: values };
}

export function filled(shape: number[], value: number): NdArray {
  return { shape: [...shape], data: new Float32Array(sizeOf(shape)).fill(value) };
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
