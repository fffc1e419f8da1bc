/**
 * ALIF (./alif.ts; Bellec et al. 2018, Spyx ALIF) against its equations in float64:
 *   m_t = β·v_{t−1} + u_t;  θ_t = θ + a_{t−1};  z_t = H(m_t − θ_t);  v_t = m_t − θ_t·z_t;
 *   a_t = γ·a_{t−1} + (1 − γ)·z_t.
 */
import { describe, expect, it } from 'vitest';
import { withNeuronOptions } from '../graph/labMetadata';
import { ndarray, type LIFNode } from '../graph/types';
import { discretise } from './index';
import { drive, relativeError, runDiscrete } from './testing/runDiscrete';

const T = 80;
const dt = 1e-3;
const lif: LIFNode = {
  type: 'LIF', tau: ndarray([2], [0.02, 0.01]), r: ndarray([2], [1, 1]), v_leak: ndarray([2], [0, 0]),
  v_threshold: ndarray([2], [1, 0.8]), v_reset: ndarray([2], [0, 0]),
};

describe('ALIF raises its threshold by (1 − γ) per spike', () => {
  it('matches the float64 equations and spikes less than the plain LIF', () => {
    const gamma = [0.9, 0.7];
    const node = withNeuronOptions(lif, { model: 'ALIF', gamma: ndarray([2], gamma), reset: 'subtract' });
    const x = drive(T, 2, 60);
    const v = new Float64Array(2), a = new Float64Array(2);
    const spikes = new Float32Array(T * 2), membrane = new Float64Array(T * 2);
    for (let t = 0; t < T; t++) {
      for (let n = 0; n < 2; n++) {
        const beta = 1 - dt / lif.tau.data[n];
        const m = beta * v[n] + (dt / lif.tau.data[n]) * x[t * 2 + n];
        const theta = lif.v_threshold.data[n] + a[n];
        const z = m > theta ? 1 : 0;
        v[n] = m - theta * z;
        a[n] = gamma[n] * a[n] + (1 - gamma[n]) * z;
        spikes[t * 2 + n] = z;
        membrane[t * 2 + n] = v[n];
      }
    }
    const run = runDiscrete(discretise(node, dt), x, T);
    expect(Array.from(run.spikes)).toEqual(Array.from(spikes));
    expect(relativeError(run.membrane, membrane)).toBeLessThan(1e-6);
    const plain = runDiscrete(discretise(withNeuronOptions(lif, { reset: 'subtract' }), dt), x, T);
    const count = (s: Float32Array) => s.reduce((p, q) => p + q, 0);
    expect(count(run.spikes)).toBeLessThan(count(plain.spikes));
  });

  it('refuses a gamma of the wrong length, naming what it needs', () => {
    const node = withNeuronOptions(lif, { model: 'ALIF', gamma: ndarray([3], [0.5, 0.5, 0.5]) });
    expect(() => discretise(node, dt)).toThrow(/needs gamma with 2 values/);
  });
});
