/**
 * IF against its equation dv/dt = R·I, z = H(v − θ), v ← v_reset (NIR spec), in float64:
 * v ← v + R·dt·x_t (Euler and exact agree: no leak), then fire and reset.
 */
import { describe, expect, it } from 'vitest';
import { withNeuronOptions } from '../graph/labMetadata';
import { ndarray, type IFNode } from '../graph/types';
import { discretise } from './index';
import { drive, relativeError, runDiscrete } from './testing/runDiscrete';

const T = 50;
const dt = 1e-3;
const node: IFNode = { type: 'IF', r: ndarray([3], [100, 250, 50]), v_threshold: ndarray([3], [1, 1.5, 0.5]), v_reset: ndarray([3], [0, -0.2, 0.1]) };

describe('IF follows dv/dt = R·I', () => {
  for (const reset of ['to_reset', 'subtract'] as const) {
    it(`reset ${reset}: same spikes and membranes as the float64 integration`, () => {
      const x = drive(T, 3);
      const N = 3;
      const v = new Float64Array(N), spikes = new Float32Array(T * N), membrane = new Float64Array(T * N);
      for (let t = 0; t < T; t++) {
        for (let n = 0; n < N; n++) {
          v[n] += node.r.data[n] * dt * x[t * N + n];
          if (v[n] > node.v_threshold.data[n]) { spikes[t * N + n] = 1; v[n] = reset === 'to_reset' ? node.v_reset.data[n] : v[n] - node.v_threshold.data[n]; }
          membrane[t * N + n] = v[n];
        }
      }
      const run = runDiscrete(discretise(withNeuronOptions(node, { reset }), dt), x, T);
      expect(Array.from(run.spikes)).toEqual(Array.from(spikes));
      expect(spikes.reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
      expect(relativeError(run.membrane, membrane)).toBeLessThan(1e-6);
    });
  }

  it('does not leak: with no input the membrane stays where it was', () => {
    const x = new Float32Array(T * 3);
    x.fill(0.5, 0, 3); // one kick at t = 0, below threshold for every neuron
    const run = runDiscrete(discretise(node, dt), x, T);
    for (let n = 0; n < 3; n++) expect(run.membrane[(T - 1) * 3 + n]).toBeCloseTo(node.r.data[n] * dt * 0.5, 6);
  });
});
