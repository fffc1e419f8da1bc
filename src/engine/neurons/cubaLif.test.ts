/**
 * CubaLIF against its equations τ_syn·dI/dt = −I + w_in·S, τ_mem·dv/dt = (v_leak − v) + R·I,
 * z = H(v − θ), v ← v_reset (NIR spec), in float64: the current first, then the membrane from the
 * new current (Norse's order; ./cubaLif.ts):
 *   Euler  I ← I + (dt/τ_syn)·(−I + w_in·x_t);  v ← v + (dt/τ_mem)·((v_leak − v) + R·I)
 *   exact  I ← I∞ + (I − I∞)·e^(−dt/τ_syn), I∞ = w_in·x_t;  v likewise with the new I held.
 * Also the published trace: constant input 1, τ_mem 10 ms, τ_syn 5 ms, dt 1 ms, R = 1,
 * w_in = τ_syn/dt gives v = 0.1, 0.27, 0.487 (Norse's LIFCell, cubaLif.ts's doc comment; the
 * same cell is checked against Norse itself in docs/peers.md).
 */
import { describe, expect, it } from 'vitest';
import { withNeuronOptions } from '../graph/labMetadata';
import { ndarray, type CubaLIFNode } from '../graph/types';
import { discretise } from './index';
import { drive, relativeError, runDiscrete } from './testing/runDiscrete';

const T = 60;
const dt = 1e-3;
const node: CubaLIFNode = {
  type: 'CubaLIF',
  tau_syn: ndarray([3], [0.005, 0.002, 0.01]),
  tau_mem: ndarray([3], [0.01, 0.02, 0.005]),
  r: ndarray([3], [1, 2, 0.5]),
  v_leak: ndarray([3], [0, 0.1, -0.2]),
  v_threshold: ndarray([3], [1, 1.5, 0.5]),
  v_reset: ndarray([3], [0, -0.1, 0.05]),
  w_in: ndarray([3], [1, 0.5, 2]),
};

function relax(y: number, target: number, tau: number, step: 'euler' | 'exact'): number {
  return step === 'euler' ? y + (dt / tau) * (target - y) : target + (y - target) * Math.exp(-dt / tau);
}

function reference(x: Float32Array, step: 'euler' | 'exact') {
  const N = 3;
  const v = new Float64Array(N), I = new Float64Array(N);
  const spikes = new Float32Array(T * N), membrane = new Float64Array(T * N);
  for (let t = 0; t < T; t++) {
    for (let n = 0; n < N; n++) {
      I[n] = relax(I[n], node.w_in.data[n] * x[t * N + n], node.tau_syn.data[n], step);
      v[n] = relax(v[n], node.v_leak.data[n] + node.r.data[n] * I[n], node.tau_mem.data[n], step);
      if (v[n] > node.v_threshold.data[n]) { spikes[t * N + n] = 1; v[n] = node.v_reset.data[n]; }
      membrane[t * N + n] = v[n];
    }
  }
  return { spikes, membrane };
}

describe('CubaLIF follows its two equations, current first', () => {
  const x = drive(T, 3, 40);
  for (const integration of ['euler', 'exact'] as const) {
    it(`${integration} integration: same spikes, membrane within 1e-6 of its scale`, () => {
      const run = runDiscrete(discretise(withNeuronOptions(node, { integration }), dt), x, T);
      const want = reference(x, integration);
      expect(Array.from(run.spikes)).toEqual(Array.from(want.spikes));
      expect(want.spikes.reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
      expect(relativeError(run.membrane, want.membrane)).toBeLessThan(1e-6);
    });
  }

  it('gives Norse\'s trace 0.1, 0.27, 0.487 for constant input 1 (τ_mem 10 ms, τ_syn 5 ms, w_in = τ_syn/dt)', () => {
    const cell: CubaLIFNode = {
      type: 'CubaLIF', tau_syn: ndarray([1], [0.005]), tau_mem: ndarray([1], [0.01]), r: ndarray([1], [1]),
      v_leak: ndarray([1], [0]), v_threshold: ndarray([1], [1]), v_reset: ndarray([1], [0]), w_in: ndarray([1], [0.005 / dt]),
    };
    const run = runDiscrete(discretise(cell, dt), new Float32Array(3).fill(1), 3);
    expect(Array.from(run.membrane).map((v) => Number(v.toFixed(4)))).toEqual([0.1, 0.27, 0.487]);
  });
});
