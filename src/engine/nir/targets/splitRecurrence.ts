/**
 * A recurrent layer P ⇄ F(W, b) written so that an importer without a working recurrent mapping
 * still runs it exactly (snnTorch 0.9.4: its RLeaky path wires the layer's input into W_rec and
 * fails in nirtorch, docs/peers.md; a longer cycle goes to nirtorch's own interpreter instead):
 *
 *   ff → P ⇄ F(W, b)   becomes   ff'(…, bias + b) → P → F'(W) → I → P
 *
 * with I an identity Linear and F's bias moved into the feed-forward layer ff (the same b at every
 * step). P's input stays I_t = ff(x_t) + b + W·s_{t−1} whichever edge of the new cycle a
 * simulator delays, since the feedback now carries no bias: W·0 = 0 at t = 0 in every reading.
 */
import { emptyRecord } from '../../core/records';
import type { AffineNode, LinearNode, NirNode } from '../../graph/types';
import type { PeerGraph } from './peerGraph';

export type SplitOutcome = { ok: true; message: string } | { ok: false; message: string };

function identity(n: number): LinearNode {
  const data = new Float32Array(n * n);
  for (let i = 0; i < n; i++) data[i * n + i] = 1;
  return { type: 'Linear', weight: { shape: [n, n], data } };
}

export function splitRecurrence(graph: PeerGraph, population: string, feedback: string): SplitOutcome {
  const rec = graph.nodes[feedback] as AffineNode | LinearNode;
  const n = rec.weight.shape[0];
  const bias = rec.type === 'Affine' ? rec.bias.data : null;
  const feedsOnly = (s: string) => graph.edges.filter(([from]) => from === s).length === 1;
  const forward = graph.edges.filter(([s, d]) => d === population && s !== feedback).map(([s]) => s)
    .find((s) => (graph.nodes[s].type === 'Affine' || graph.nodes[s].type === 'Linear') && feedsOnly(s));
  const hasBias = bias !== null && bias.some((b) => b !== 0);
  if (hasBias && forward === undefined) {
    return { ok: false, message: `is recurrent with a feedback bias, which has to move into a Linear/Affine layer that feeds only "${population}" for snnTorch's importer; it has none.` };
  }
  if (hasBias && forward !== undefined) {
    const ff = graph.nodes[forward] as AffineNode | LinearNode;
    const rows = ff.weight.shape[0];
    const before = ff.type === 'Affine' ? ff.bias.data : new Float32Array(rows);
    graph.nodes[forward] = { type: 'Affine', weight: ff.weight, bias: { shape: [rows], data: Float32Array.from(before, (v, i) => v + bias![i]) } } as NirNode;
  }
  graph.nodes[feedback] = { type: 'Linear', weight: rec.weight };
  let loop = `${feedback}_loop`;
  for (let k = 2; loop in graph.nodes; k++) loop = `${feedback}_loop${k}`;
  const nodes = emptyRecord<NirNode>();
  for (const [name, node] of Object.entries(graph.nodes)) {
    nodes[name] = node;
    if (name === feedback) nodes[loop] = identity(n);
  }
  graph.nodes = nodes;
  graph.edges = graph.edges.flatMap(([s, d]): Array<[string, string]> => (s === feedback && d === population ? [[feedback, loop], [loop, population]] : [[s, d]]));
  return {
    ok: true,
    message: `Recurrent layer written as ${population} → ${feedback} → ${loop} (identity) → ${population}${hasBias ? `, with ${feedback}'s bias moved into ${forward}` : ''}: snnTorch's importer cannot build RLeaky/RSynaptic from NIR (it feeds the layer's input through W_rec), while this cycle runs exactly in nirtorch's interpreter.`,
  };
}
