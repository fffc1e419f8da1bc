/**
 * LI against its equation τ·dv/dt = (v_leak − v) + R·I, output v, no spikes (NIR spec), in
 * float64: Euler v ← v + (dt/τ)·((v_leak − v) + R·x_t); exact v ← v∞ + (v − v∞)·e^(−dt/τ).
 * Also Spyx's readout U_t = β·U_{t−1} + x_t, which is R = τ/dt (./li.ts).
 */
import { describe, expect, it } from 'vitest';
import { withNeuronOptions } from '../graph/labMetadata';
import { ndarray, type LINode } from '../graph/types';
import { discretise } from './index';
import { drive, relativeError, runDiscrete } from './testing/runDiscrete';

const T = 40;
const dt = 1e-3;
const node: LINode = { type: 'LI', tau: ndarray([3], [0.01, 0.02, 0.005]), r: ndarray([3], [1, 2, 0.5]), v_leak: ndarray([3], [0, 0.3, -0.2]) };

describe('LI follows τ·dv/dt = (v_leak − v) + R·I', () => {
  for (const integration of ['euler', 'exact'] as const) {
    it(`${integration} integration: the membrane output within 1e-6 of its scale, never a spike`, () => {
      const x = drive(T, 3);
      const v = new Float64Array(3), want = new Float64Array(T * 3);
      for (let t = 0; t < T; t++) {
        for (let n = 0; n < 3; n++) {
          const target = node.v_leak.data[n] + node.r.data[n] * x[t * 3 + n], tau = node.tau.data[n];
          v[n] = integration === 'euler' ? v[n] + (dt / tau) * (target - v[n]) : target + (v[n] - target) * Math.exp(-dt / tau);
          want[t * 3 + n] = v[n];
        }
      }
      const run = runDiscrete(discretise(withNeuronOptions(node, { integration }), dt), x, T);
      expect(relativeError(run.membrane, want)).toBeLessThan(1e-6);
      expect(run.spikes.every((z) => z === 0)).toBe(true);
    });
  }

  it('with R = τ/dt is Spyx\'s readout U_t = β·U_{t−1} + x_t', () => {
    const tau = 0.02;
    const spyx: LINode = { type: 'LI', tau: ndarray([1], [tau]), r: ndarray([1], [tau / dt]), v_leak: ndarray([1], [0]) };
    const x = drive(T, 1);
    const run = runDiscrete(discretise(spyx, dt), x, T);
    let u = 0;
    for (let t = 0; t < T; t++) {
      u = (1 - dt / tau) * u + x[t];
      expect(run.membrane[t]).toBeCloseTo(u, 4);
    }
  });
});
