/**
 * Writing what training learned back into a NIR graph (a pure function: returns a new graph).
 *
 * Per node (path "sub.inner" inside subgraphs) a trainer may report:
 *  - `weight`, `bias`: Affine/Linear/Conv weights in NIR layout ((out, in), (C_out, C_in/g, k…));
 *  - `beta`: a learned membrane decay per neuron, `alpha`: a learned synaptic decay (CubaLI/F);
 *  - `threshold`: learned thresholds (IF/LIF/CubaLIF `v_threshold`, Threshold `threshold`).
 * Decays become time constants under forward Euler (β = 1 − dt/τ ⇔ τ = dt/(1 − β)); β is clipped
 * to [0, 1 − 1e-6] first (β = 1 would mean no leak, τ = ∞). The Euler input gain g = R·dt/τ is
 * kept, so R is rescaled with τ: R' = g·τ'/dt (and w_in' = w_in·τ_syn'/τ_syn for CubaLIF), i.e.
 * the network computes what it computed during training.
 */
import { SpikelabError } from '../core/errors';
import { sizeOf, type NdArray, type NirGraph, type NirNode } from '../graph/types';
import { cloneGraph } from './clone';
import { formatShape, sameShape } from './ndarrays';

export interface TrainedParameters {
  weight?: NdArray;
  bias?: NdArray;
  beta?: NdArray;
  alpha?: NdArray;
  threshold?: NdArray;
}

const MAX_DECAY = 1 - 1e-6;

function findNode(graph: NirGraph, path: string): NirNode | undefined {
  const [head, ...rest] = path.split('.');
  if (path in graph.nodes) return graph.nodes[path];
  const node = graph.nodes[head];
  if (node?.type === 'NIRGraph' && rest.length > 0) return findNode(node, rest.join('.'));
  return undefined;
}

function expectShape(name: string, what: string, value: NdArray, shape: number[]): void {
  if (!sameShape(value.shape, shape) || value.data.length !== sizeOf(shape)) {
    throw new SpikelabError('NIR_TRAINED_SHAPE', `Trained ${what} of "${name}" has shape ${formatShape(value.shape)}, the node needs ${formatShape(shape)}.`, 'This is a bug in the trainer: it must report parameters in the node\'s own shape.', name);
  }
}

/** τ' from a decay β under Euler, and the matching rescale of a gain parameter. */
function retime(tau: NdArray, gain: NdArray, decay: NdArray, dt: number): { tau: NdArray; gain: NdArray } {
  const newTau = new Float32Array(tau.data.length);
  const newGain = new Float32Array(tau.data.length);
  for (let i = 0; i < tau.data.length; i++) {
    const beta = Math.min(Math.max(decay.data[i], 0), MAX_DECAY);
    newTau[i] = dt / (1 - beta);
    const g = Number.isFinite(tau.data[i]) && tau.data[i] > 0 ? (gain.data[i] * dt) / tau.data[i] : 1;
    newGain[i] = (g * newTau[i]) / dt;
  }
  return { tau: { shape: [...tau.shape], data: newTau }, gain: { shape: [...gain.shape], data: newGain } };
}

function apply(node: NirNode, name: string, p: TrainedParameters, dt: number): void {
  const copy = (v: NdArray): NdArray => ({ shape: [...v.shape], data: new Float32Array(v.data) });
  if (p.weight || p.bias) {
    if (node.type !== 'Affine' && node.type !== 'Linear' && node.type !== 'Conv1d' && node.type !== 'Conv2d') {
      throw new SpikelabError('NIR_TRAINED_MISMATCH', `Trained weights were reported for "${name}", a ${node.type} node without weights.`, 'This is a bug in the trainer.', name);
    }
    if (p.weight) { expectShape(name, 'weight', p.weight, node.weight.shape); node.weight = copy(p.weight); }
    if (p.bias) {
      if (node.type === 'Linear') throw new SpikelabError('NIR_TRAINED_MISMATCH', `Linear "${name}" has no bias, yet a trained bias was reported.`, 'Turn the node into an Affine to keep a bias.', name);
      expectShape(name, 'bias', p.bias, node.bias.shape);
      node.bias = copy(p.bias);
    }
  }
  if (p.threshold) {
    if (node.type === 'Threshold') { expectShape(name, 'threshold', p.threshold, node.threshold.shape); node.threshold = copy(p.threshold); }
    else if (node.type === 'IF' || node.type === 'LIF' || node.type === 'CubaLIF') { expectShape(name, 'threshold', p.threshold, node.v_threshold.shape); node.v_threshold = copy(p.threshold); }
    else throw new SpikelabError('NIR_TRAINED_MISMATCH', `A trained threshold was reported for "${name}", a ${node.type} node.`, 'This is a bug in the trainer.', name);
  }
  if (p.beta) {
    if (node.type === 'LI' || node.type === 'LIF') {
      expectShape(name, 'decay', p.beta, node.tau.shape);
      const { tau, gain } = retime(node.tau, node.r, p.beta, dt);
      node.tau = tau;
      node.r = gain;
    } else if (node.type === 'CubaLI' || node.type === 'CubaLIF') {
      expectShape(name, 'decay', p.beta, node.tau_mem.shape);
      const { tau, gain } = retime(node.tau_mem, node.r, p.beta, dt);
      node.tau_mem = tau;
      node.r = gain;
    } else throw new SpikelabError('NIR_TRAINED_MISMATCH', `A trained decay was reported for "${name}", a ${node.type} node without a time constant.`, 'This is a bug in the trainer.', name);
  }
  if (p.alpha) {
    if (node.type !== 'CubaLI' && node.type !== 'CubaLIF') throw new SpikelabError('NIR_TRAINED_MISMATCH', `A trained synaptic decay was reported for "${name}", a ${node.type} node.`, 'Only CubaLI/CubaLIF have a synaptic time constant.', name);
    expectShape(name, 'synaptic decay', p.alpha, node.tau_syn.shape);
    const { tau, gain } = retime(node.tau_syn, node.w_in, p.alpha, dt);
    node.tau_syn = tau;
    node.w_in = gain;
  }
}

/** Returns a copy of `graph` with `trained` written in (`dt` in the graph's time unit). */
export function applyTrainedParameters(graph: NirGraph, trained: Record<string, TrainedParameters>, dt: number): NirGraph {
  if (!(dt > 0)) throw new SpikelabError('NIR_TRAINED_DT', `dt must be positive to convert decays to time constants, got ${dt}.`, 'Pass the dt the network was trained with.');
  const out = cloneGraph(graph);
  for (const [name, params] of Object.entries(trained)) {
    const node = findNode(out, name);
    if (!node) throw new SpikelabError('NIR_TRAINED_UNKNOWN_NODE', `Trained parameters were reported for "${name}", which is not a node of the graph.`, 'This is a bug in the trainer: node names must match the graph.', name);
    apply(node, name, params, dt);
  }
  return out;
}
