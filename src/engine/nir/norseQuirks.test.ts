/**
 * Norse's exporter writes LIFCell's w_in and IAFCell's r as 1, while Norse runs them with the
 * input added unscaled (measured against Norse by `npm run test:peers`, docs/peers.md): files
 * attributed to Norse are read as Norse ran them, IF only where the file carries Norse's signature.
 */
import { describe, expect, it } from 'vitest';
import { filled, type NirGraph } from '../graph/types';
import { guessDt } from './dtGuess';
import { repairNorseFile } from './norseQuirks';
import { WarningList } from './warnings';

function net(names: [string, string]): NirGraph {
  return {
    type: 'NIRGraph',
    nodes: {
      input: { type: 'Input', shape: [2] },
      [names[0]]: { type: 'CubaLIF', tau_syn: filled([2], 0.004), tau_mem: filled([2], 0.02), r: filled([2], 1), v_leak: filled([2], 0), v_threshold: filled([2], 1), v_reset: filled([2], 0), w_in: filled([2], 1) },
      [names[1]]: { type: 'IF', r: filled([2], 1), v_threshold: filled([2], 1), v_reset: filled([2], 0) },
      output: { type: 'Output', shape: [2] },
    },
    edges: [['input', names[0]], [names[0], names[1]], [names[1], 'output']],
  };
}

function read(graph: NirGraph) {
  const guess = guessDt(graph, Object.keys(graph.nodes));
  const warnings = new WarningList();
  repairNorseFile(graph, guess.dt, guess.confidence === 'signature', warnings);
  return { guess, warnings: warnings.items.map((w) => w.code) };
}

describe('files Norse wrote', () => {
  it('with torch.fx names: w_in = τ_syn/dt for CubaLIF and r = 1/dt for IF', () => {
    const graph = net(['_1', '_3']);
    const { guess, warnings } = read(graph);
    expect(guess).toMatchObject({ dt: 1e-3, exporter: 'norse', confidence: 'signature' });
    expect(warnings).toEqual(['NIR_NORSE_CURRENT', 'NIR_NORSE_IAF']);
    const cuba = graph.nodes._1 as { w_in: { data: Float32Array } };
    for (const w of cuba.w_in.data) expect(w).toBeCloseTo(4, 5); // τ_syn/dt = 4 ms / 1 ms
    expect(Array.from((graph.nodes._3 as { r: { data: Float32Array } }).r.data)).toEqual([1000, 1000]);
  });

  it('with other names: CubaLIF repaired (only Norse writes w_in = r = 1 there), IF left as the spec reads it', () => {
    const graph = net(['cuba', 'if1']);
    const { guess, warnings } = read(graph);
    expect(guess).toMatchObject({ exporter: 'norse', confidence: 'likely' });
    expect(warnings).toEqual(['NIR_NORSE_CURRENT']);
    expect(Array.from((graph.nodes.if1 as { r: { data: Float32Array } }).r.data)).toEqual([1, 1]);
  });
});
