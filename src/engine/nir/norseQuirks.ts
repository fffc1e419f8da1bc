/**
 * Files Norse wrote (../nir/dtGuess.ts attributes them: r = 1, w_in = 1, v_leak = 0, τ in
 * seconds) describe two neuron types differently from how Norse runs them
 * (docs/peers.md, measured against Norse 1.1 by `npm run test:peers`):
 *  - LIFCell → NIR CubaLIF with w_in = 1, but Norse adds the input to the current unscaled
 *    (norse/torch/functional/lif.py: i ← i + x after the decay), where NIR's w_in = 1 means a
 *    gain dt/τ_syn. Read as w_in = τ_syn/dt, which is Norse's current exactly;
 *  - IAFCell → NIR IF with r = 1, but Norse adds the input to the membrane unscaled
 *    (norse/torch/functional/iaf.py: v ← v + x), where NIR's r = 1 means a gain r·dt. Read as
 *    r = 1/dt — only when the file carries Norse's signature (`confidence: 'signature'`): an IF
 *    with r = 1 beside LIFs is also what a hand-written file following the spec holds.
 * Each repair is a warning naming the node, so the person sees what was reinterpreted; the values
 * hold for the dt the file was read at (change dt and read it again to redo them).
 */
import type { NirGraph, NirNode } from '../graph/types';
import type { WarningList } from './warnings';

function scaled(a: { shape: number[]; data: Float32Array }, f: (v: number, i: number) => number) {
  return { shape: [...a.shape], data: Float32Array.from(a.data, f) };
}

/** Applies the repairs in place, with one warning per node changed. dt in seconds. */
export function repairNorseFile(graph: NirGraph, dt: number, signature: boolean, warnings: WarningList, prefix = ''): void {
  for (const [name, node] of Object.entries(graph.nodes)) {
    const where = `${prefix}${name}`;
    if (node.type === 'NIRGraph') {
      repairNorseFile(node, dt, signature, warnings, `${where}.`);
      continue;
    }
    let repaired: NirNode | null = null;
    if (node.type === 'CubaLIF' && node.w_in.data.every((v) => v === 1)) {
      repaired = { ...node, w_in: scaled(node.tau_syn, (tau) => tau / dt) };
      warnings.add('NIR_NORSE_CURRENT', `CubaLIF "${where}" has w_in = 1 as Norse's exporter writes for LIFCell, whose current adds the input unscaled: read as w_in = τ_syn/dt (dt = ${dt} s), so it runs as it did in Norse.`, where);
    } else if (signature && node.type === 'IF' && node.r.data.every((v) => v === 1)) {
      repaired = { ...node, r: scaled(node.r, () => 1 / dt) };
      warnings.add('NIR_NORSE_IAF', `IF "${where}" has r = 1 as Norse's exporter writes for IAFCell, whose membrane adds the input unscaled: read as r = 1/dt (dt = ${dt} s), so it runs as it did in Norse.`, where);
    }
    if (repaired) graph.nodes[name] = repaired;
  }
}
