/**
 * Trained parameters back into NIR. Reference numbers by hand from τ = dt/(1 − β) (forward Euler,
 * ../shared/specs/nir.md §7): dt = 1 ms, β = 0.9 → τ = 10 ms; β = 0.95 → τ = 20 ms; gain
 * R·dt/τ kept (snnTorch convention R = τ/dt ⇒ gain 1 ⇒ R' = τ'/dt).
 */
import { describe, expect, it } from 'vitest';
import { filled, ndarray, type NirGraph } from '../graph/types';
import { applyTrainedParameters } from './trained';

const net = (): NirGraph => ({
  type: 'NIRGraph',
  nodes: {
    input: { type: 'Input', shape: [2] },
    fc: { type: 'Affine', weight: filled([2, 2], 0), bias: filled([2], 0) },
    lif: { type: 'LIF', tau: filled([2], 0.02), r: filled([2], 20), v_leak: filled([2], 0), v_threshold: filled([2], 1), v_reset: filled([2], 0) },
    sub: {
      type: 'NIRGraph',
      nodes: {
        input: { type: 'Input', shape: [2] },
        cuba: { type: 'CubaLIF', tau_syn: filled([2], 0.005), tau_mem: filled([2], 0.01), r: filled([2], 10), v_leak: filled([2], 0), v_threshold: filled([2], 1), v_reset: filled([2], 0), w_in: filled([2], 5) },
        output: { type: 'Output', shape: [2] },
      },
      edges: [['input', 'cuba'], ['cuba', 'output']],
    },
    output: { type: 'Output', shape: [2] },
  },
  edges: [['input', 'fc'], ['fc', 'lif'], ['lif', 'sub'], ['sub', 'output']],
});

describe('applyTrainedParameters', () => {
  it('writes weights, thresholds and decays (as τ = dt/(1 − β), gain kept) into a copy', () => {
    const graph = net();
    const out = applyTrainedParameters(graph, {
      fc: { weight: ndarray([2, 2], [1, 2, 3, 4]), bias: ndarray([2], [0.5, -0.5]) },
      lif: { beta: ndarray([2], [0.9, 0.95]), threshold: ndarray([2], [1.5, 2]) },
      'sub.cuba': { alpha: ndarray([2], [0.8, 0.8]), beta: ndarray([2], [0.9, 0.9]) },
    }, 1e-3);
    const lif = out.nodes.lif as Extract<typeof out.nodes.lif, { type: 'LIF' }>;
    expect(Array.from(lif.tau.data)).toEqual([expect.closeTo(0.01, 7), expect.closeTo(0.02, 7)]);
    expect(Array.from(lif.r.data)).toEqual([expect.closeTo(10, 4), expect.closeTo(20, 4)]);
    expect(Array.from(lif.v_threshold.data)).toEqual([1.5, 2]);
    const fc = out.nodes.fc as Extract<typeof out.nodes.fc, { type: 'Affine' }>;
    expect(Array.from(fc.weight.data)).toEqual([1, 2, 3, 4]);
    const cuba = (out.nodes.sub as NirGraph).nodes.cuba as Extract<NirGraph['nodes'][string], { type: 'CubaLIF' }>;
    // α = 0.8 → τ_syn = 5 ms (unchanged), w_in kept at 5; β = 0.9 → τ_mem = 10 ms, r kept at 10.
    expect(cuba.tau_syn.data[0]).toBeCloseTo(0.005, 7);
    expect(cuba.w_in.data[0]).toBeCloseTo(5, 4);
    expect(cuba.tau_mem.data[0]).toBeCloseTo(0.01, 7);
    expect(cuba.r.data[0]).toBeCloseTo(10, 4);
    // The input graph is not modified.
    expect(Array.from((graph.nodes.lif as typeof lif).tau.data)).toEqual([0.019999999552965164, 0.019999999552965164]);
  });

  it('refuses parameters of the wrong shape, for the wrong node, or for unknown nodes', () => {
    expect(() => applyTrainedParameters(net(), { fc: { weight: ndarray([4], [1, 2, 3, 4]) } }, 1e-3)).toThrow(expect.objectContaining({ code: 'NIR_TRAINED_SHAPE' }));
    expect(() => applyTrainedParameters(net(), { lif: { weight: filled([2, 2], 1) } }, 1e-3)).toThrow(expect.objectContaining({ code: 'NIR_TRAINED_MISMATCH' }));
    expect(() => applyTrainedParameters(net(), { ghost: { beta: filled([2], 0.9) } }, 1e-3)).toThrow(expect.objectContaining({ code: 'NIR_TRAINED_UNKNOWN_NODE' }));
    expect(() => applyTrainedParameters(net(), {}, 0)).toThrow(expect.objectContaining({ code: 'NIR_TRAINED_DT' }));
  });

  it('clips a decay of 1 (no leak) to a finite time constant', () => {
    const out = applyTrainedParameters(net(), { lif: { beta: ndarray([2], [1, 1.2]) } }, 1e-3);
    const tau = (out.nodes.lif as Extract<typeof out.nodes.lif, { type: 'LIF' }>).tau.data;
    expect(Array.from(tau).every((t) => Number.isFinite(t) && t > 100)).toBe(true);
  });
});
