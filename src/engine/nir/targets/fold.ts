/**
 * Folding a population's input gain into the layers that feed it: with x = Σ_s W_s·u_s + b_s,
 *
 *   g_i·x_i = (f_i·g_i')·x_i  ⇒  scale row i of every W_s and b_s by f_i and use gain g_i' = g_i/f_i
 *   g_i·x_i + b_i = g_i·(x_i + b_i/g_i)  ⇒  add o_i = b_i/g_i to one source's bias first (v_leak → bias)
 *
 * which leaves every membrane value the same (and divides it by f_i's threshold part when a
 * threshold is folded too). Possible only when every source is a Linear/Affine whose one reader
 * is this population (a recurrent W_rec included).
 */
import type { AffineNode, LinearNode, NdArray, NirNode } from '../../graph/types';
import type { PeerGraph } from './peerGraph';

function dense(node: NirNode): node is AffineNode | LinearNode {
  return node.type === 'Affine' || node.type === 'Linear';
}

/** Why the inputs of `name` cannot take a fold, or null when they can. */
export function foldBlocker(graph: PeerGraph, name: string, size: number): string | null {
  const sources = graph.edges.filter(([, d]) => d === name).map(([s]) => s);
  if (sources.length === 0) return 'nothing feeds it';
  for (const s of sources) {
    const node = graph.nodes[s];
    if (!dense(node)) return `its input "${s}" is ${node.type === 'Input' ? 'the network input' : `a ${node.type}`}, not a Linear/Affine layer`;
    if (node.weight.shape.length !== 2 || node.weight.shape[0] !== size) return `"${s}" is not a plain (out, in) matrix of ${size} rows`;
    const readers = graph.edges.filter(([from]) => from === s).length;
    if (readers !== 1) return `"${s}" also feeds other nodes`;
  }
  return null;
}

function scaledRows(a: NdArray, factor: number[]): NdArray {
  const cols = a.shape.length === 2 ? a.shape[1] : 1;
  const data = new Float32Array(a.data.length);
  for (let i = 0; i < a.data.length; i++) data[i] = a.data[i] * factor[Math.floor(i / cols)];
  return { shape: [...a.shape], data };
}

/** Applies the fold in place (call foldBlocker first). `offset`, when given, goes into the first source's bias. */
export function foldInto(graph: PeerGraph, name: string, factor: number[], offset?: number[]): void {
  const sources = graph.edges.filter(([, d]) => d === name).map(([s]) => s);
  sources.forEach((s, k) => {
    const node = graph.nodes[s] as AffineNode | LinearNode;
    const rows = node.weight.shape[0];
    let bias = node.type === 'Affine' ? Array.from(node.bias.data) : new Array<number>(rows).fill(0);
    if (k === 0 && offset) bias = bias.map((b, i) => b + offset[i]);
    const hasBias = node.type === 'Affine' || bias.some((b) => b !== 0);
    const weight = scaledRows(node.weight, factor);
    graph.nodes[s] = hasBias
      ? { ...node, type: 'Affine', weight, bias: { shape: [rows], data: Float32Array.from(bias, (b, i) => b * factor[i]) } }
      : { ...node, type: 'Linear', weight };
  });
}
