/**
 * Networks made in the lab for the lab → peer direction of `npm run test:peers` (docs/peers.md):
 * small seeded graphs with per-neuron parameters that are neither the peers' conventions nor
 * uniform (τ, r, w_in vary per neuron), so a target rewrite that gets one factor wrong shows up.
 * Time constants in seconds, dt = 1 ms in the lab metadata (as the lab's templates).
 */
import { mulberry32, type Rng } from '../../src/engine/core/rng';
import { withGraphLabInfo, withNeuronOptions } from '../../src/engine/graph/labMetadata';
import { affine, lifClassifier, seededWeights, TEMPLATE_DT } from '../../src/engine/graph/templates';
import { filled, type NdArray, type NirGraph, type NirNode } from '../../src/engine/graph/types';

export const LAB_F = 8;
export const LAB_N = 12;
export const LAB_OUT = 4;
export const LAB_T = 100;

export interface LabCase {
  name: string;
  neuron: string;
  graph: NirGraph;
}

function vary(rng: Rng, n: number, lo: number, hi: number, times: (i: number) => number = () => 1): NdArray {
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = (lo + (hi - lo) * rng.uniform()) * times(i);
  return { shape: [n], data };
}

function lifNode(rng: Rng, n: number, vLeak: NdArray = filled([n], 0), vReset: NdArray = filled([n], 0)): NirNode {
  const tau = vary(rng, n, 5e-3, 20e-3);
  return { type: 'LIF', tau, r: vary(rng, n, 0.5, 1.5, (i) => tau.data[i] / TEMPLATE_DT), v_leak: vLeak, v_threshold: filled([n], 1), v_reset: vReset };
}

function cubaLifNode(rng: Rng, n: number): NirNode {
  const tauSyn = vary(rng, n, 2e-3, 8e-3);
  const tauMem = vary(rng, n, 10e-3, 30e-3);
  return {
    type: 'CubaLIF', tau_syn: tauSyn, tau_mem: tauMem, r: vary(rng, n, 0.5, 1.5, (i) => tauMem.data[i] / TEMPLATE_DT),
    v_leak: filled([n], 0), v_threshold: filled([n], 1), v_reset: filled([n], 0), w_in: vary(rng, n, 0.5, 1.5, (i) => tauSyn.data[i] / TEMPLATE_DT),
  };
}

function liNode(rng: Rng, n: number): NirNode {
  const tau = vary(rng, n, 10e-3, 30e-3);
  return { type: 'LI', tau, r: vary(rng, n, 0.5, 1.5, (i) => tau.data[i] / TEMPLATE_DT), v_leak: filled([n], 0) };
}

function cubaLiNode(rng: Rng, n: number): NirNode {
  const tauSyn = vary(rng, n, 2e-3, 8e-3);
  const tauMem = vary(rng, n, 10e-3, 30e-3);
  return {
    type: 'CubaLI', tau_syn: tauSyn, tau_mem: tauMem, r: vary(rng, n, 0.5, 1.5, (i) => tauMem.data[i] / TEMPLATE_DT),
    v_leak: filled([n], 0), w_in: vary(rng, n, 0.5, 1.5, (i) => tauSyn.data[i] / TEMPLATE_DT),
  };
}

function ifNode(rng: Rng, n: number): NirNode {
  return { type: 'IF', r: vary(rng, n, 0.5, 1.5, () => 1 / TEMPLATE_DT), v_threshold: filled([n], 1), v_reset: filled([n], 0) };
}

function affineWithBias(rng: Rng, inputs: number, outputs: number, seed: number, gain: number, biasLo: number, biasHi: number): NirNode {
  return { type: 'Affine', weight: seededWeights([outputs, inputs], inputs, seed, gain), bias: vary(rng, outputs, biasLo, biasHi) };
}

function graph(nodes: Record<string, NirNode>, edges: Array<[string, string]>): NirGraph {
  return { type: 'NIRGraph', nodes, edges, metadata: withGraphLabInfo(undefined, { dt: TEMPLATE_DT, timeUnit: 's', positions: {} }) };
}

/** Input → fc1 → hidden → fc2 → out → Output, optionally with hidden → rec → hidden. */
function twoLayer(hidden: NirNode, out: NirNode, seed: number, gain: number, rec?: NirNode, gain2 = gain, bias2 = 0): NirGraph {
  const nodes: Record<string, NirNode> = {
    input: { type: 'Input', shape: [LAB_F] },
    fc1: affine(LAB_F, LAB_N, seed, gain),
    lif1: hidden,
    fc2: { type: 'Affine', weight: seededWeights([LAB_OUT, LAB_N], LAB_N, seed + 1, gain2), bias: filled([LAB_OUT], bias2) },
    lif2: out,
    output: { type: 'Output', shape: [LAB_OUT] },
  };
  const edges: Array<[string, string]> = [['input', 'fc1'], ['fc1', 'lif1'], ['lif1', 'fc2'], ['fc2', 'lif2'], ['lif2', 'output']];
  if (rec) {
    nodes.rec = rec;
    edges.push(['lif1', 'rec'], ['rec', 'lif1']);
  }
  return graph(nodes, edges);
}

/** The graph with `options` on every LIF node (lab metadata `spikelab.reset` / `spike_from`). */
function withOptions(g: NirGraph, options: Parameters<typeof withNeuronOptions>[1]): NirGraph {
  const nodes: Record<string, NirNode> = {};
  for (const [name, node] of Object.entries(g.nodes)) nodes[name] = node.type === 'LIF' ? withNeuronOptions(node, options) : node;
  return { ...g, nodes };
}

export function labCases(): LabCase[] {
  const rng = mulberry32(1701);
  return [
    { name: 'lab.LIF', neuron: 'LIF', graph: twoLayer(lifNode(rng, LAB_N), lifNode(rng, LAB_OUT), 31, 2, undefined, 4, 0.3) },
    { name: 'lab.CubaLIF', neuron: 'CubaLIF', graph: twoLayer(cubaLifNode(rng, LAB_N), cubaLifNode(rng, LAB_OUT), 32, 1) },
    { name: 'lab.LI', neuron: 'LIF + LI readout', graph: twoLayer(lifNode(rng, LAB_N), liNode(rng, LAB_OUT), 33, 2) },
    { name: 'lab.CubaLI', neuron: 'CubaLIF + CubaLI readout', graph: twoLayer(cubaLifNode(rng, LAB_N), cubaLiNode(rng, LAB_OUT), 34, 1) },
    { name: 'lab.IF', neuron: 'IF', graph: twoLayer(ifNode(rng, LAB_N), ifNode(rng, LAB_OUT), 35, 1, undefined, 2) },
    {
      name: 'lab.RLIF', neuron: 'recurrent LIF (Affine with bias)',
      graph: twoLayer(lifNode(rng, LAB_N), lifNode(rng, LAB_OUT), 36, 2, affineWithBias(rng, LAB_N, LAB_N, 46, 0.5, 0.1, 0.4), 4, 0.3),
    },
    {
      name: 'lab.RCubaLIF', neuron: 'recurrent CubaLIF (Affine with bias)',
      graph: twoLayer(cubaLifNode(rng, LAB_N), cubaLifNode(rng, LAB_OUT), 37, 1, affineWithBias(rng, LAB_N, LAB_N, 47, 0.5, 0.05, 0.2)),
    },
    // What NIR's fields can say but the peers' importers may not read: v_reset ≠ 0, v_leak ≠ 0.
    { name: 'lab.LIF.v_reset', neuron: 'LIF, v_reset = −0.3', graph: twoLayer(lifNode(rng, LAB_N, filled([LAB_N], 0), filled([LAB_N], -0.3)), lifNode(rng, LAB_OUT, filled([LAB_OUT], 0), filled([LAB_OUT], -0.3)), 39, 2, undefined, 4, 0.3) },
    { name: 'lab.LIF.v_leak', neuron: 'LIF, v_leak ∈ [0.1, 0.5]', graph: twoLayer(lifNode(rng, LAB_N, vary(rng, LAB_N, 0.1, 0.5)), lifNode(rng, LAB_OUT, vary(rng, LAB_OUT, 0.1, 0.5)), 40, 2, undefined, 4, 0) },
    // What only the lab's metadata says (docs/peers.md): subtractive reset, spike from the pre-update membrane.
    { name: 'lab.LIF.subtract', neuron: 'LIF, reset by subtraction (lab metadata)', graph: withOptions(twoLayer(lifNode(rng, LAB_N), lifNode(rng, LAB_OUT), 41, 2, undefined, 4, 0.3), { reset: 'subtract' }) },
    { name: 'lab.LIF.pre', neuron: 'LIF, spike from the pre-update membrane (lab metadata)', graph: withOptions(twoLayer(lifNode(rng, LAB_N), lifNode(rng, LAB_OUT), 42, 2, undefined, 4, 0.3), { spikeFrom: 'pre' }) },
    { name: 'lab.template.lifClassifier', neuron: 'LIF + LI readout (lab template)', graph: lifClassifier({ inputs: LAB_F, hidden: LAB_N, classes: LAB_OUT }, 38) },
  ];
}

/** Seeded Bernoulli input, time-major [T][F], p = 0.3. */
export function labInput(seed: number, T = LAB_T, F = LAB_F, p = 0.3): number[][] {
  const rng = mulberry32(seed);
  return Array.from({ length: T }, () => Array.from({ length: F }, () => (rng.uniform() < p ? 1 : 0)));
}
