/**
 * The NIR paper's single Norse LIF neuron (test/fixtures/nir/upstream/nir_01_lif__lif_norse.nir:
 * Affine w = 1, b = 0 → LIF τ = 2.5 ms, θ = 0.1, r = 1, v_leak = 0, reset to 0; dt 0.1 ms as the
 * paper simulated it) driven by stimuli:
 *  - a step current, simulated with simulateStimulus: the membrane charges as the forward-Euler
 *    solution v_t = β·v_{t−1} + (1 − β)·r·I_t, β = 1 − dt/τ = 0.96 (computed here from the
 *    equation), fires when it crosses θ and resets to 0; with exact integration it follows the
 *    exact solution v(k·dt) = r·I·(1 − e^(−k·dt/τ)) up to the first spike;
 *  - the paper's own input (test/fixtures/nir-paper/lif_*.csv, column 0) rebuilt from pulse and
 *    regular stimuli given in seconds: it equals the CSV's input step for step, and the neuron's
 *    trace matches Norse (Euler) and lif_exact.csv (exact) as src/engine/tensor/program/dynamics.test.ts checks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NIR_FIXTURES, NIR_PAPER } from '../../../test/paths';
import { withNeuronOptions } from '../graph/labMetadata';
import type { NirGraph } from '../graph/types';
import { readNir } from '../nir/index';
import { startNodeBackend } from '../tensor/runtime/loaders.node';
import { Program } from '../tensor/program/program';
import { simulateSample } from '../tensor/train/session';
import type { SimulationRecord } from '../train/types';
import { generateStimulus } from './generate';
import { simulateStimulus } from './simulate';
import type { StimulusSpec } from './types';

const DT = 1e-4;
const TAU = 2.5e-3;
const THETA = 0.1;

let graph: NirGraph;

const lifOf = (record: SimulationRecord) => {
  const layer = record.layers.find((l) => l.output === 'spikes')!;
  return { v: Array.from(layer.membrane!), z: Array.from(layer.spikes!) };
};

function csv(name: string): number[][] {
  return readFileSync(join(NIR_PAPER, name), 'utf8').trim().split('\n').map((line) => line.split(',').map(Number));
}

const exactly = (g: NirGraph): NirGraph => ({ ...g, nodes: { ...g.nodes, 1: withNeuronOptions(g.nodes['1'], { integration: 'exact' }) } });

describe("lif_norse.nir driven by stimuli", () => {
  beforeAll(async () => {
    await startNodeBackend('cpu');
    ({ graph } = await readNir(new Uint8Array(readFileSync(join(NIR_FIXTURES, 'upstream', 'nir_01_lif__lif_norse.nir')))));
  });

  it('charges under a step current as forward Euler says, spikes at θ and resets', async () => {
    const I = 0.2;
    const step: StimulusSpec = { kind: 'step', amplitude: I, onset: 0.001, duration: 0.01 }; // steps 10 … 109
    const T = 200;
    const record = await simulateStimulus(graph, step, { T, dt: DT });
    expect(record.T).toBe(T);
    expect(record.inputShape).toEqual([1]);
    expect(Array.from(record.input).map((x, t) => (x ? t : -1)).filter((t) => t >= 0)).toEqual(Array.from({ length: 100 }, (_, i) => 10 + i));
    const { v, z } = lifOf(record);

    // The recorded membrane is m_t, before the reset; the state after a spike is v_reset = 0.
    const beta = 1 - DT / TAU;
    let state = 0;
    const expected: number[] = [];
    const spikes: number[] = [];
    for (let t = 0; t < T; t++) {
      const m = beta * state + (1 - beta) * 1 * record.input[t];
      const fired = m > THETA ? 1 : 0;
      expected.push(m);
      spikes.push(fired);
      state = fired ? 0 : m;
    }
    v.forEach((m, t) => expect(Math.abs(m - expected[t]), `step ${t}`).toBeLessThan(1e-6));
    expect(z).toEqual(spikes);
    const fired = z.flatMap((s, t) => (s ? [t] : []));
    // Rest before the onset; first crossing after ⌈ln(1 − θ/(r·I)) / ln β⌉ = 17 steps of input.
    expect(v.slice(0, 10).every((m) => m === 0)).toBe(true);
    expect(fired[0]).toBe(10 + Math.ceil(Math.log(1 - THETA / I) / Math.log(beta)) - 1);
    expect(fired.length).toBeGreaterThan(3);
    expect(v[fired[0] + 1]).toBeCloseTo((1 - beta) * I, 6); // reset to 0, then one step of charging
    // After the current stops the membrane only decays, and never fires again.
    expect(fired.every((t) => t < 110)).toBe(true);
    for (let t = 111; t < T; t++) expect(v[t]).toBeCloseTo(beta * v[t - 1], 7);
  });

  it('follows the exact solution r·I·(1 − e^(−t/τ)) with exact integration', async () => {
    const I = 0.09; // below θ/r: charges towards 0.09 and never fires
    const record = await simulateStimulus(exactly(graph), { kind: 'step', amplitude: I, onset: 0.001 }, { T: 300, dt: DT });
    const { v, z } = lifOf(record);
    expect(z.every((s) => s === 0)).toBe(true);
    v.forEach((m, t) => {
      const k = t - 10 + 1; // steps of input received by the end of step t
      expect(Math.abs(m - (k > 0 ? I * (1 - Math.exp((-k * DT) / TAU)) : 0)), `step ${t}`).toBeLessThan(1e-6);
    });
  });

  it("rebuilds the paper's input from pulses and regular trains in seconds and reproduces its traces", async () => {
    const T = 1000;
    const grid = { T, dt: DT, inputShape: [1] };
    const parts: StimulusSpec[] = [
      ...[0.006, 0.022, 0.027, 0.031, 0.032, 0.035, 0.037, 0.04, 0.041, 0.084, 0.085].map((at): StimulusSpec => ({ kind: 'pulse', at })),
      { kind: 'regular', rate: 1000, onset: 0.043, duration: 0.0105 }, // 43 … 53 ms, every 1 ms
      { kind: 'regular', rate: 1000, onset: 0.067, duration: 0.0115 }, // 67 … 78 ms
    ];
    const input = new Float32Array(T);
    for (const part of parts) generateStimulus(part, grid).forEach((x, t) => (input[t] += x));
    const norse = csv('lif_norse.csv');
    expect(Array.from(input)).toEqual(norse.map((row) => row[0]));

    const run = async (g: NirGraph) => {
      const program = new Program(g, { dt: DT, surrogate: { name: 'superspike', slope: 25 } });
      try {
        const { v, z } = lifOf(await simulateSample(program, { n: 1, T, featureShape: [1], classes: 1, labels: new Uint8Array(1), batch: () => input }, 0));
        return { v: v.map((m, t) => (z[t] ? 0 : m)), z }; // the CSVs give v after the reset
      } finally {
        program.dispose();
      }
    };
    const euler = await run(graph);
    euler.v.forEach((m, t) => expect(Math.abs(m - norse[t][1])).toBeLessThan(1e-6));
    expect(euler.z).toEqual(norse.map((row) => (row[2] > 0 ? 1 : 0)));
    const exact = await run(exactly(graph));
    const exactRows = csv('lif_exact.csv');
    const first = exact.z.indexOf(1);
    // lif_exact.csv resets mid-step in continuous time: identical until the first spike (see dynamics.test.ts).
    exact.v.forEach((m, t) => expect(Math.abs(m - exactRows[t][1])).toBeLessThan(t < first ? 1e-6 : 0.01));
    expect(exact.z).toEqual(exactRows.map((row) => (row[2] > 0 ? 1 : 0)));
  });
});
