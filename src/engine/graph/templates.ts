/**
 * Whole working networks to start from (the palette's templates). Pure functions returning a
 * NirGraph with sensible parameters and seeded weights, so the same template always gives the
 * same network.
 *
 * Conventions (DESIGN.md §3): time constants are in seconds and the graph carries dt = 1 ms in
 * its lab metadata. Neurons use snnTorch-style parameters: r = τ/dt, so that under forward Euler
 * (β = 1 − dt/τ, input gain r·dt/τ = 1) one unit of input current adds one unit of membrane
 * potential, and a threshold of 1 means "fire after about one unit of net input".
 * Weights are uniform in ±gain/√fan_in (Kaiming-uniform-like), from a seeded generator.
 */
import { mulberry32 } from '../core/rng';
import { withGraphLabInfo } from './labMetadata';
import { filled, type NdArray, type NirGraph, type NirNode } from './types';

export const TEMPLATE_DT = 1e-3;

/** Uniform weights in ±gain/√fanIn with the given shape. */
export function seededWeights(shape: number[], fanIn: number, seed: number, gain = 1): NdArray {
  const rng = mulberry32(seed);
  const bound = gain / Math.sqrt(Math.max(1, fanIn));
  const size = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(size);
  for (let i = 0; i < size; i++) data[i] = (rng.uniform() * 2 - 1) * bound;
  return { shape: [...shape], data };
}

export function affine(inputs: number, outputs: number, seed: number, gain = 1): NirNode {
  return { type: 'Affine', weight: seededWeights([outputs, inputs], inputs, seed, gain), bias: filled([outputs], 0) };
}

export function lif(size: number, tau = 20e-3, threshold = 1): NirNode {
  return {
    type: 'LIF', tau: filled([size], tau), r: filled([size], tau / TEMPLATE_DT), v_leak: filled([size], 0),
    v_threshold: filled([size], threshold), v_reset: filled([size], 0),
  };
}

export function li(size: number, tau = 20e-3): NirNode {
  return { type: 'LI', tau: filled([size], tau), r: filled([size], tau / TEMPLATE_DT), v_leak: filled([size], 0) };
}

export function cubaLif(size: number, tauSyn = 5e-3, tauMem = 10e-3, threshold = 1): NirNode {
  return {
    type: 'CubaLIF', tau_syn: filled([size], tauSyn), tau_mem: filled([size], tauMem), r: filled([size], tauMem / TEMPLATE_DT),
    v_leak: filled([size], 0), v_threshold: filled([size], threshold), v_reset: filled([size], 0), w_in: filled([size], tauSyn / TEMPLATE_DT),
  };
}

export function cubaLi(size: number, tauSyn = 5e-3, tauMem = 10e-3): NirNode {
  return {
    type: 'CubaLI', tau_syn: filled([size], tauSyn), tau_mem: filled([size], tauMem), r: filled([size], tauMem / TEMPLATE_DT),
    v_leak: filled([size], 0), w_in: filled([size], tauSyn / TEMPLATE_DT),
  };
}

function graph(nodes: Record<string, NirNode>, edges: Array<[string, string]>): NirGraph {
  return { type: 'NIRGraph', nodes, edges, metadata: withGraphLabInfo(undefined, { dt: TEMPLATE_DT, timeUnit: 's', positions: {} }) };
}

export interface ClassifierSize {
  inputs: number;
  hidden: number;
  classes: number;
}

/** Input → Affine → LIF → Affine → LI → Output: the SHD-style feed-forward classifier. */
export function lifClassifier({ inputs, hidden, classes }: ClassifierSize, seed = 1): NirGraph {
  return graph(
    {
      input: { type: 'Input', shape: [inputs] },
      fc1: affine(inputs, hidden, seed, 2),
      lif1: lif(hidden),
      fc2: affine(hidden, classes, seed + 1, 1),
      readout: li(classes),
      output: { type: 'Output', shape: [classes] },
    },
    [['input', 'fc1'], ['fc1', 'lif1'], ['lif1', 'fc2'], ['fc2', 'readout'], ['readout', 'output']],
  );
}

/** As lifClassifier, with a recurrent Linear lif1 → rec → lif1 (a cycle read as a one-step delay). */
export function recurrentLifClassifier({ inputs, hidden, classes }: ClassifierSize, seed = 2): NirGraph {
  return graph(
    {
      input: { type: 'Input', shape: [inputs] },
      fc1: affine(inputs, hidden, seed, 2),
      lif1: lif(hidden),
      rec: { type: 'Linear', weight: seededWeights([hidden, hidden], hidden, seed + 7, 0.5) },
      fc2: affine(hidden, classes, seed + 1, 1),
      readout: li(classes),
      output: { type: 'Output', shape: [classes] },
    },
    [['input', 'fc1'], ['fc1', 'lif1'], ['lif1', 'rec'], ['rec', 'lif1'], ['lif1', 'fc2'], ['fc2', 'readout'], ['readout', 'output']],
  );
}

/** Input → Affine → CubaLIF → Affine → CubaLI → Output: current-based synapses. */
export function cubaLifClassifier({ inputs, hidden, classes }: ClassifierSize, seed = 3): NirGraph {
  return graph(
    {
      input: { type: 'Input', shape: [inputs] },
      fc1: affine(inputs, hidden, seed, 2),
      lif1: cubaLif(hidden),
      fc2: affine(hidden, classes, seed + 1, 1),
      readout: cubaLi(classes),
      output: { type: 'Output', shape: [classes] },
    },
    [['input', 'fc1'], ['fc1', 'lif1'], ['lif1', 'fc2'], ['fc2', 'readout'], ['readout', 'output']],
  );
}

export function conv2d(cIn: number, cOut: number, k: number, stride: number, pad: number, hw: number, seed: number): NirNode {
  return {
    type: 'Conv2d', weight: seededWeights([cOut, cIn, k, k], cIn * k * k, seed, 2), bias: filled([cOut], 0),
    stride: [stride, stride], padding: [pad, pad], dilation: [1, 1], groups: 1, input_shape: [hw, hw],
  };
}

export function lifOfShape(shape: number[], tau = 20e-3): NirNode {
  return {
    type: 'LIF', tau: filled(shape, tau), r: filled(shape, tau / TEMPLATE_DT), v_leak: filled(shape, 0),
    v_threshold: filled(shape, 1), v_reset: filled(shape, 0),
  };
}

/**
 * The N-MNIST event-frame convnet, 2×34×34 → 10:
 * conv 5×5/2 (8 ch, 16×16) → LIF → sum-pool 2 (8×8) → conv 3×3 (16 ch) → LIF → avg-pool 2 (4×4)
 * → flatten (256) → Affine → LI → Output.
 */
export function nmnistConvNet(seed = 4): NirGraph {
  return graph(
    {
      input: { type: 'Input', shape: [2, 34, 34] },
      conv1: conv2d(2, 8, 5, 2, 1, 34, seed),
      lif1: lifOfShape([8, 16, 16]),
      pool1: { type: 'SumPool2d', kernel_size: [2, 2], stride: [2, 2], padding: [0, 0] },
      conv2: conv2d(8, 16, 3, 1, 1, 8, seed + 1),
      lif2: lifOfShape([16, 8, 8]),
      pool2: { type: 'AvgPool2d', kernel_size: [2, 2], stride: [2, 2], padding: [0, 0] },
      flatten: { type: 'Flatten', start_dim: 0, end_dim: -1, input_type: [16, 4, 4] },
      fc: affine(256, 10, seed + 2, 1),
      readout: li(10),
      output: { type: 'Output', shape: [10] },
    },
    [
      ['input', 'conv1'], ['conv1', 'lif1'], ['lif1', 'pool1'], ['pool1', 'conv2'], ['conv2', 'lif2'], ['lif2', 'pool2'],
      ['pool2', 'flatten'], ['flatten', 'fc'], ['fc', 'readout'], ['readout', 'output'],
    ],
  );
}

export interface Template {
  id: string;
  label: string;
  description: string;
  build(): NirGraph;
}

/**
 * SHD's 700 cochlea channels as the lab loads them, dropped or fetched: squeezed to 128, as Spyx's
 * SHD loader does (src/engine/datasets/binning/shdRaster.ts), so the SHD templates fit that data.
 */
const SHD_BINNED_CHANNELS = 128;

export const TEMPLATES: readonly Template[] = [
  {
    id: 'shd-lif', label: 'SHD 2-layer LIF classifier', description: '128 channels (SHD as Spyx bins it) → 128 LIF → 20 classes (LI readout)',
    build: () => lifClassifier({ inputs: SHD_BINNED_CHANNELS, hidden: 128, classes: 20 }),
  },
  {
    id: 'shd-rlif', label: 'Recurrent LIF (SHD)', description: '128 channels (SHD as Spyx bins it) → 128 recurrent LIF → 20 classes',
    build: () => recurrentLifClassifier({ inputs: SHD_BINNED_CHANNELS, hidden: 128, classes: 20 }),
  },
  {
    id: 'nmnist-conv', label: 'N-MNIST conv net', description: '2×34×34 events → conv/LIF/pool ×2 → 10 classes',
    build: () => nmnistConvNet(),
  },
  {
    id: 'cuba-demo', label: 'CubaLIF demo (digits)', description: '64 pixels → 64 CubaLIF → 10 classes (CubaLI readout)',
    build: () => cubaLifClassifier({ inputs: 64, hidden: 64, classes: 10 }),
  },
  {
    id: 'digits-lif', label: 'Small LIF classifier (digits)', description: '64 pixels → 64 LIF → 10 classes; trains in seconds',
    build: () => lifClassifier({ inputs: 64, hidden: 64, classes: 10 }, 5),
  },
];
