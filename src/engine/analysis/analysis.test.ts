/**
 * Hardware counts and surrogate diagnostics on hand-computed cases (the expected numbers are
 * worked out in the comments from the definitions in ./hardwareCounts.ts and
 * ./surrogateDiagnostics.ts).
 */
import { describe, expect, it } from 'vitest';
import { filled, ndarray, type NirGraph } from '../graph/types';
import type { SimulationRecord } from '../train/types';
import { HOROWITZ_45NM, hardwareCounts } from './hardwareCounts';
import { surrogateDiagnostics } from './surrogateDiagnostics';

const lif = (n: number) => ({ type: 'LIF' as const, tau: filled([n], 0.02), r: filled([n], 1), v_leak: filled([n], 0), v_threshold: filled([n], 1), v_reset: filled([n], 0) });

describe('hardware counts', () => {
  it('counts SynOps = events × fan-out and the ANN MACs of a two-layer net', () => {
    const graph: NirGraph = {
      type: 'NIRGraph',
      nodes: {
        input: { type: 'Input', shape: [4] },
        fc1: { type: 'Linear', weight: filled([3, 4], 0.5) },
        lif1: lif(3),
        fc2: { type: 'Affine', weight: filled([2, 3], 0.5), bias: filled([2], 0) },
        out: { type: 'LI', tau: filled([2], 0.02), r: filled([2], 1), v_leak: filled([2], 0) },
        output: { type: 'Output', shape: [2] },
      },
      edges: [['input', 'fc1'], ['fc1', 'lif1'], ['lif1', 'fc2'], ['fc2', 'out'], ['out', 'output']],
    };
    const record: SimulationRecord = {
      T: 2, label: 0, prediction: 0, inputShape: [4],
      input: Float32Array.from([1, 0, 1, 0, 0, 1, 0, 0]), // 3 input events
      layers: [
        { name: 'lif1', type: 'LIF', output: 'spikes', size: 3, threshold: 1, spikes: Uint8Array.from([1, 1, 0, 1, 0, 1]) }, // 4 spikes
        { name: 'out', type: 'LI', output: 'membrane', size: 2, threshold: 0, membrane: new Float32Array(4) },
      ],
    };
    const counts = hardwareCounts(graph, record, 1e-3);
    // fc1: 3 events × (12 MACs / 4 inputs) = 9 SynOps; ANN 12 × 2 steps = 24. fc2: 4 × (6 / 3) = 8; ANN 12.
    expect(counts.layers).toEqual([
      { layer: 'fc1', source: 'input', drive: 'spikes', events: 3, macsPerStep: 12, synOps: 9, annMacs: 24 },
      { layer: 'fc2', source: 'lif1', drive: 'spikes', events: 4, macsPerStep: 6, synOps: 8, annMacs: 12 },
    ]);
    expect(counts).toMatchObject({ synOps: 17, denseMacs: 0, annMacs: 36, unrecorded: [] });
    expect(counts.energy.snnPj).toBeCloseTo(17 * HOROWITZ_45NM.acPj, 9);
    expect(counts.energy.annPj).toBeCloseTo(36 * HOROWITZ_45NM.macPj, 9);
    // lif1: 4 spikes over 3 neurons × 2 steps × 1 ms = 666.7 Hz.
    expect(counts.populations[0]).toMatchObject({ name: 'lif1', spikes: 4 });
    expect(counts.populations[0].rate).toBeCloseTo(4 / (3 * 2 * 1e-3), 6);
    // A probe that records one neuron of lif1 still counts the whole population (spikeTotal).
    const probed = { ...record, layers: [{ ...record.layers[0], spikes: Uint8Array.from([1, 0]), neurons: Uint32Array.from([1]), spikeTotal: 4 }, record.layers[1]] };
    expect(hardwareCounts(graph, probed, 1e-3).layers[1]).toMatchObject({ layer: 'fc2', events: 4, synOps: 8 });
  });

  it('counts a conv layer by its MACs and an analogue input as dense, through a Flatten', () => {
    const graph: NirGraph = {
      type: 'NIRGraph',
      nodes: {
        input: { type: 'Input', shape: [1, 4, 4] },
        conv: { type: 'Conv2d', weight: filled([2, 1, 3, 3], 0.1), bias: filled([2], 0), stride: [1, 1], padding: [0, 0], dilation: [1, 1], groups: 1, input_shape: [4, 4] },
        lif1: { ...lif(8), tau: filled([2, 2, 2], 0.02), r: filled([2, 2, 2], 1), v_leak: filled([2, 2, 2], 0), v_threshold: filled([2, 2, 2], 1), v_reset: filled([2, 2, 2], 0) },
        flat: { type: 'Flatten', start_dim: 0, end_dim: -1 },
        fc: { type: 'Linear', weight: filled([3, 8], 0.1) },
        output: { type: 'Output', shape: [3] },
      },
      edges: [['input', 'conv'], ['conv', 'lif1'], ['lif1', 'flat'], ['flat', 'fc'], ['fc', 'output']],
    };
    const record: SimulationRecord = {
      T: 1, label: 0, prediction: 0, inputShape: [1, 4, 4], input: ndarray([16], Array.from({ length: 16 }, (_, i) => i / 16)).data,
      layers: [{ name: 'lif1', type: 'LIF', output: 'spikes', size: 8, threshold: 1, spikes: Uint8Array.from([1, 0, 0, 0, 0, 0, 1, 1]) }],
    };
    const counts = hardwareCounts(graph, record, 1e-3);
    // conv: out [2, 2, 2] × 1 × 3·3 = 72 MACs per step, driven densely by the analogue input.
    expect(counts.layers[0]).toMatchObject({ layer: 'conv', source: 'input', drive: 'dense', macsPerStep: 72, synOps: 0, annMacs: 72 });
    // fc: 3 spikes of lif1 (through the Flatten) × 24/8 = 9 SynOps.
    expect(counts.layers[1]).toMatchObject({ layer: 'fc', source: 'lif1', drive: 'spikes', events: 3, synOps: 9, annMacs: 24 });
    expect(counts.denseMacs).toBe(72);
  });
});

describe('surrogate diagnostics', () => {
  it('finds the dead, the saturated and the share of negligible gradient (SuperSpike k = 25)', () => {
    // g(z) = 1/(1 + 25|z|)² ≥ 0.01 ⇔ |z| ≤ 0.36. Neuron 0 sits at z = −2 (dead), neuron 1 at
    // z = +1.5 (saturated), neuron 2 at z = 0 (learning): 2 of 3 values get a negligible gradient.
    const T = 10;
    const membrane = Float32Array.from({ length: T * 3 }, (_, k) => [-1, 2.5, 1][k % 3]);
    const d = surrogateDiagnostics(membrane, 3, [1], { name: 'superspike', slope: 25 });
    expect(d.band[0]).toBeCloseTo(-0.36, 6);
    expect(d.band[1]).toBeCloseTo(0.36, 6);
    expect(d).toMatchObject({ values: 30, deadNeurons: 1, saturatedNeurons: 1, neurons: 3 });
    expect(d.negligible).toBeCloseTo(2 / 3, 9);
    expect(d.counts.reduce((a, b) => a + b, 0)).toBe(30);
    const zero = d.edges.findIndex((e, i) => e <= 0 && d.edges[i + 1] > 0);
    expect(d.gradient.indexOf(Math.max(...d.gradient))).toBe(zero); // the curve peaks in the bin holding z = 0
  });

  it('has no negligible band for the straight-through estimator (g = 1 everywhere)', () => {
    const d = surrogateDiagnostics(Float32Array.from([0, 5, -5, 2]), 2, [1, 1], { name: 'straight_through', slope: 1 });
    expect(d.band).toEqual([-Infinity, Infinity]);
    expect(d).toMatchObject({ negligible: 0, deadNeurons: 0, saturatedNeurons: 0 });
  });
});
