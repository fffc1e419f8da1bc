/**
 * LIF against its equation τ·dv/dt = (v_leak − v) + R·I, z = H(v − θ), v ← v_reset on a spike
 * (NIR spec, docs/specs/nir.md), integrated here in float64 step by step:
 *   Euler  v ← v + (dt/τ)·((v_leak − v) + R·x_t)
 *   exact  v ← v∞ + (v − v∞)·e^(−dt/τ), v∞ = v_leak + R·x_t   (input held over the step)
 * then fire and reset. The engine's path is discretise (./lif.ts) → the CPU scan loops.
 */
import { describe, expect, it } from 'vitest';
import { withNeuronOptions } from '../graph/labMetadata';
import { ndarray, type LIFNode } from '../graph/types';
import { discretise } from './index';
import { drive, relativeError, runDiscrete } from './testing/runDiscrete';

const T = 60;
const dt = 1e-3;
const lif: LIFNode = {
  type: 'LIF',
  tau: ndarray([3], [0.01, 0.02, 0.005]),
  r: ndarray([3], [1, 2, 0.5]),
  v_leak: ndarray([3], [0, 0.1, -0.2]),
  v_threshold: ndarray([3], [1, 1.5, 0.5]),
  v_reset: ndarray([3], [0, -0.1, 0.05]),
};

function reference(node: LIFNode, x: Float32Array, step: 'euler' | 'exact', reset: 'to_reset' | 'subtract') {
  const N = node.tau.data.length;
  const v = new Float64Array(N);
  const spikes = new Float32Array(T * N), membrane = new Float64Array(T * N);
  for (let t = 0; t < T; t++) {
    for (let n = 0; n < N; n++) {
      const tau = node.tau.data[n], r = node.r.data[n], leak = node.v_leak.data[n];
      const u = x[t * N + n];
      v[n] = step === 'euler' ? v[n] + (dt / tau) * (leak - v[n] + r * u) : leak + r * u + (v[n] - leak - r * u) * Math.exp(-dt / tau);
      if (v[n] > node.v_threshold.data[n]) {
        spikes[t * N + n] = 1;
        v[n] = reset === 'to_reset' ? node.v_reset.data[n] : v[n] - node.v_threshold.data[n];
      }
      membrane[t * N + n] = v[n];
    }
  }
  return { spikes, membrane };
}

describe('LIF follows τ·dv/dt = (v_leak − v) + R·I', () => {
  const x = drive(T, 3, 40);
  for (const integration of ['euler', 'exact'] as const) {
    for (const reset of ['to_reset', 'subtract'] as const) {
      it(`${integration} integration, reset ${reset}: same spikes, membrane within 1e-6 of its scale`, () => {
        const run = runDiscrete(discretise(withNeuronOptions(lif, { integration, reset }), dt), x, T);
        const want = reference(lif, x, integration, reset);
        expect(Array.from(run.spikes)).toEqual(Array.from(want.spikes));
        expect(want.spikes.reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
        expect(relativeError(run.membrane, want.membrane)).toBeLessThan(1e-6);
      });
    }
  }

  it('relaxes to v_leak without input', () => {
    const run = runDiscrete(discretise(lif, dt), new Float32Array(T * 3), T);
    const last = run.membrane.subarray((T - 1) * 3);
    // v_t = v_leak·(1 − (1 − dt/τ)^t) under Euler
    for (let n = 0; n < 3; n++) {
      const want = lif.v_leak.data[n] * (1 - (1 - dt / lif.tau.data[n]) ** T);
      expect(last[n]).toBeCloseTo(want, 6);
    }
  });

  it("fires from the previous membrane with spike_from 'pre' (Spyx), one step later", () => {
    const x = new Float32Array(T * 3).fill(60);
    const post = runDiscrete(discretise(lif, dt), x, T);
    const pre = runDiscrete(discretise(withNeuronOptions(lif, { spikeFrom: 'pre' }), dt), x, T);
    const first = (s: Float32Array, n: number) => { for (let t = 0; t < T; t++) if (s[t * 3 + n]) return t; return -1; };
    for (let n = 0; n < 3; n++) {
      expect(first(post.spikes, n)).toBeGreaterThanOrEqual(0);
      expect(first(pre.spikes, n)).toBe(first(post.spikes, n) + 1);
    }
  });
});
