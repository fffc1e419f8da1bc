/**
 * Fresh weights for every synaptic layer of a graph (Affine, Linear, Conv1d, Conv2d, nested
 * subgraphs included), drawn from a seed: uniform in ±g/√fan_in (Kaiming-uniform-like, as the
 * templates draw them and as PyTorch's default layer init does), biases zero. The gain g of each
 * layer is chosen so that the new weights have the standard deviation of the ones they replace
 * (uniform in ±b has σ = b/√3), so a network's design — a template's hidden layers drawn at gain
 * 2, its readout at 1, a file's own scale — is kept; a layer whose weights are all zero gets g = 1.
 * Layer k (in node order, depth first) is drawn with seed + k, so one seed gives one network.
 */
import { seededWeights } from '../graph/templates';
import { emptyRecord } from '../core/records';
import type { NdArray, NirGraph, NirNode } from '../graph/types';

const SYNAPTIC = new Set(['Affine', 'Linear', 'Conv1d', 'Conv2d']);

function std(data: Float32Array): number {
  let sum = 0;
  let sq = 0;
  for (const v of data) {
    sum += v;
    sq += v * v;
  }
  const mean = sum / Math.max(1, data.length);
  return Math.sqrt(Math.max(0, sq / Math.max(1, data.length) - mean * mean));
}

/** fan_in of a weight [out, in] or [c_out, c_in / groups, k…]: every axis but the first. */
function fanIn(weight: NdArray): number {
  return weight.shape.slice(1).reduce((a, b) => a * b, 1);
}

function redrawn(weight: NdArray, seed: number): NdArray {
  const n = fanIn(weight);
  const sigma = std(weight.data);
  const gain = sigma > 0 ? Math.sqrt(3) * sigma * Math.sqrt(Math.max(1, n)) : 1;
  return seededWeights(weight.shape, n, seed, gain);
}

export interface Reinitialised {
  graph: NirGraph;
  /** The layers drawn afresh, as dotted paths for nested graphs ("block.fc1"). */
  layers: string[];
}

/** The graph with fresh synaptic weights from `seed`; everything else is shared with the input. */
export function reinitialisedGraph(graph: NirGraph, seed: number): Reinitialised {
  const layers: string[] = [];
  let next = 0;
  const visit = (g: NirGraph, prefix: string): NirGraph => {
    const nodes = emptyRecord<NirNode>();
    for (const [name, node] of Object.entries(g.nodes)) {
      if (node.type === 'NIRGraph') {
        nodes[name] = visit(node, `${prefix}${name}.`);
      } else if (SYNAPTIC.has(node.type) && 'weight' in node && node.weight) {
        const fresh = { ...node, weight: redrawn(node.weight, seed + next++) } as NirNode;
        if ('bias' in fresh && fresh.bias) (fresh as { bias: NdArray }).bias = { shape: [...fresh.bias.shape], data: new Float32Array(fresh.bias.data.length) };
        nodes[name] = fresh;
        layers.push(`${prefix}${name}`);
      } else {
        nodes[name] = node;
      }
    }
    return { ...g, nodes };
  };
  return { graph: visit(graph, ''), layers };
}
