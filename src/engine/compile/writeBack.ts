/**
 * Trained values → a NIR graph (pure). Values are keyed "node/param" with flattened node names
 * ("sub.inner"). Weights are copied; a learned decay becomes a time constant again, keeping the
 * layer's input gain and leak drive unchanged (they were constants during training):
 *   Euler  τ' = dt/(1 − β)      exact  τ' = −dt/ln β      (β clipped to [0, 1 − 1e-6])
 *   r' = r·take/take',  v_leak' = v_leak·take/take'  (take = dt/τ Euler, 1 − β exact)
 * CubaLIF/CubaLI: β → τ_mem (with r, v_leak), α → τ_syn (with w_in). dt goes in metadata.
 */
import { neuronOptions, withGraphLabInfo, graphLabInfo, type Integration } from '../graph/labMetadata';
import type { NdArray, NirGraph, NirNode } from '../graph/types';

const MAX_DECAY = 1 - 1e-6;

function tauFrom(beta: number, dt: number, integration: Integration): number {
  const b = Math.min(Math.max(beta, 0), MAX_DECAY);
  if (integration === 'exact') return b <= 0 ? dt * 1e-3 : -dt / Math.log(b);
  return dt / (1 - b);
}

function takeOf(tau: number, dt: number, integration: Integration): number {
  return integration === 'exact' ? 1 - Math.exp(-dt / tau) : dt / tau;
}

function replaced(array: NdArray, values: Float32Array): NdArray {
  return { shape: [...array.shape], data: Float32Array.from(values) };
}

/** New τ array from learned decays, and the factor by which the matching gains must scale. */
function retime(tau: NdArray, learned: Float32Array, dt: number, integration: Integration): { tau: NdArray; scale: Float32Array } {
  const next = new Float32Array(tau.data.length);
  const scale = new Float32Array(tau.data.length);
  for (let i = 0; i < next.length; i++) {
    next[i] = tauFrom(learned[i], dt, integration);
    scale[i] = takeOf(tau.data[i], dt, integration) / takeOf(next[i], dt, integration);
  }
  return { tau: { shape: [...tau.shape], data: next }, scale };
}

function scaled(array: NdArray, scale: Float32Array): NdArray {
  return { shape: [...array.shape], data: Float32Array.from(array.data, (v, i) => v * scale[i]) };
}

function updateNode(node: NirNode, params: Record<string, Float32Array>, dt: number): NirNode {
  const integration = neuronOptions(node).integration;
  switch (node.type) {
    case 'Affine':
    case 'Conv1d':
    case 'Conv2d':
      return { ...node, weight: params.weight ? replaced(node.weight, params.weight) : node.weight, bias: params.bias ? replaced(node.bias, params.bias) : node.bias };
    case 'Linear':
      return params.weight ? { ...node, weight: replaced(node.weight, params.weight) } : node;
    case 'LIF':
    case 'LI': {
      if (!params.beta) return node;
      const { tau, scale } = retime(node.tau, params.beta, dt, integration);
      return { ...node, tau, r: scaled(node.r, scale), v_leak: scaled(node.v_leak, scale) };
    }
    case 'CubaLIF':
    case 'CubaLI': {
      let next = { ...node };
      if (params.beta) {
        const { tau, scale } = retime(node.tau_mem, params.beta, dt, integration);
        next = { ...next, tau_mem: tau, r: scaled(node.r, scale), v_leak: scaled(node.v_leak, scale) };
      }
      if (params.alpha) {
        const { tau, scale } = retime(node.tau_syn, params.alpha, dt, integration);
        next = { ...next, tau_syn: tau, w_in: scaled(node.w_in, scale) };
      }
      return next;
    }
    default:
      return node;
  }
}

function group(values: Record<string, Float32Array>): Map<string, Record<string, Float32Array>> {
  const byNode = new Map<string, Record<string, Float32Array>>();
  for (const [key, v] of Object.entries(values)) {
    const cut = key.lastIndexOf('/');
    const node = key.slice(0, cut);
    if (!byNode.has(node)) byNode.set(node, {});
    byNode.get(node)![key.slice(cut + 1)] = v;
  }
  return byNode;
}

function rewrite(graph: NirGraph, byNode: Map<string, Record<string, Float32Array>>, dt: number, prefix: string): NirGraph {
  const nodes: Record<string, NirNode> = {};
  for (const [name, node] of Object.entries(graph.nodes)) {
    const full = prefix + name;
    if (node.type === 'NIRGraph') nodes[name] = rewrite(node, byNode, dt, `${full}.`);
    else nodes[name] = byNode.has(full) ? updateNode(node, byNode.get(full)!, dt) : node;
  }
  return { ...graph, nodes };
}

export function writeBackParameters(graph: NirGraph, values: Record<string, Float32Array>, dt: number): NirGraph {
  const out = rewrite(graph, group(values), dt, '');
  return { ...out, metadata: withGraphLabInfo(graph.metadata, { ...graphLabInfo(graph.metadata), dt }) };
}
