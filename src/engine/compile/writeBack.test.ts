import { describe, expect, it } from 'vitest';
import { withNeuronOptions } from '../graph/labMetadata';
import { filled, type NirGraph } from '../graph/types';
import { writeBackParameters } from './writeBack';

const graph = (): NirGraph => ({
  type: 'NIRGraph',
  nodes: {
    in: { type: 'Input', shape: [2] },
    fc: { type: 'Linear', weight: filled([2, 2], 0.5) },
    lif: { type: 'LIF', tau: filled([2], 0.01), r: filled([2], 10), v_leak: filled([2], 0.2), v_threshold: filled([2], 1), v_reset: filled([2], 0) },
    sub: { type: 'NIRGraph', nodes: { input: { type: 'Input', shape: [2] }, cuba: { type: 'CubaLIF', tau_syn: filled([2], 0.005), tau_mem: filled([2], 0.01), r: filled([2], 1), v_leak: filled([2], 0), v_threshold: filled([2], 1), v_reset: filled([2], 0), w_in: filled([2], 1) }, output: { type: 'Output', shape: [2] } }, edges: [['input', 'cuba'], ['cuba', 'output']] },
  },
  edges: [['in', 'fc'], ['fc', 'lif'], ['lif', 'sub']],
});

describe('writeBackParameters', () => {
  it('copies weights and turns learned decays into time constants, keeping the input gains', () => {
    const out = writeBackParameters(graph(), { 'fc/weight': Float32Array.from([1, 2, 3, 4]), 'lif/beta': Float32Array.from([0.8, 1.2]), 'sub.cuba/alpha': Float32Array.from([0.5, 0.5]) }, 0.001);
    expect(out.nodes.fc.type === 'Linear' && Array.from(out.nodes.fc.weight.data)).toEqual([1, 2, 3, 4]);
    const lif = out.nodes.lif;
    if (lif.type !== 'LIF') throw new Error('not LIF');
    expect(lif.tau.data[0]).toBeCloseTo(0.005, 8); // τ = dt/(1 − β)
    expect(lif.tau.data[1]).toBeCloseTo(0.001 / 1e-6, 0); // β > 1 clipped below 1
    // Euler input gain R·dt/τ stays 10·0.001/0.01 = 1, leak drive (dt/τ)·v_leak stays 0.02.
    expect((lif.r.data[0] * 0.001) / lif.tau.data[0]).toBeCloseTo(1, 6);
    expect((lif.v_leak.data[0] * 0.001) / lif.tau.data[0]).toBeCloseTo(0.02, 6);
    const sub = out.nodes.sub;
    const cuba = sub.type === 'NIRGraph' ? sub.nodes.cuba : undefined;
    if (cuba?.type !== 'CubaLIF') throw new Error('not CubaLIF');
    expect(cuba.tau_syn.data[0]).toBeCloseTo(0.002, 8);
    expect((cuba.w_in.data[0] * 0.001) / cuba.tau_syn.data[0]).toBeCloseTo(0.2, 6);
    expect(out.metadata?.spikelab).toMatchObject({ dt: 0.001 });
  });

  it('inverts exact integration with τ = −dt/ln β', () => {
    const g = graph();
    g.nodes.lif = withNeuronOptions(g.nodes.lif, { integration: 'exact' });
    const out = writeBackParameters(g, { 'lif/beta': Float32Array.from([Math.exp(-0.1), 0.5]) }, 0.001);
    if (out.nodes.lif.type !== 'LIF') throw new Error('not LIF');
    expect(out.nodes.lif.tau.data[0]).toBeCloseTo(0.01, 6);
  });
});
