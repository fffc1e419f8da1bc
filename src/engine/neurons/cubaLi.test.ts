/**
 * CubaLI against its equations τ_syn·dI/dt = −I + w_in·S, τ_mem·dv/dt = (v_leak − v) + R·I,
 * output v (NIR spec), in float64, the current first and the membrane from the new current
 * (./cubaLi.ts), Euler and exact.
 */
import { describe, expect, it } from 'vitest';
import { withNeuronOptions } from '../graph/labMetadata';
import { ndarray, type CubaLINode } from '../graph/types';
import { discretise } from './index';
import { drive, relativeError, runDiscrete } from './testing/runDiscrete';

const T = 40;
const dt = 1e-3;
const node: CubaLINode = {
  type: 'CubaLI', tau_syn: ndarray([2], [0.005, 0.002]), tau_mem: ndarray([2], [0.01, 0.03]),
  r: ndarray([2], [1, 3]), v_leak: ndarray([2], [0.1, -0.1]), w_in: ndarray([2], [2, 0.5]),
};

describe('CubaLI follows its two equations, current first', () => {
  for (const integration of ['euler', 'exact'] as const) {
    it(`${integration} integration: the membrane output within 1e-6 of its scale`, () => {
      const x = drive(T, 2);
      const relax = (y: number, target: number, tau: number) => integration === 'euler' ? y + (dt / tau) * (target - y) : target + (y - target) * Math.exp(-dt / tau);
      const I = new Float64Array(2), v = new Float64Array(2), want = new Float64Array(T * 2);
      for (let t = 0; t < T; t++) {
        for (let n = 0; n < 2; n++) {
          I[n] = relax(I[n], node.w_in.data[n] * x[t * 2 + n], node.tau_syn.data[n]);
          v[n] = relax(v[n], node.v_leak.data[n] + node.r.data[n] * I[n], node.tau_mem.data[n]);
          want[t * 2 + n] = v[n];
        }
      }
      const run = runDiscrete(discretise(withNeuronOptions(node, { integration }), dt), x, T);
      expect(relativeError(run.membrane, want)).toBeLessThan(1e-6);
      expect(run.spikes.every((z) => z === 0)).toBe(true);
    });
  }
});
