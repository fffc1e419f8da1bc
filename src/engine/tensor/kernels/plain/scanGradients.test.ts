/**
 * Backward pass of every neuron variant against central finite differences. The spike is made
 * smooth for the check (forward S(z), the surrogate's primitive, so backward g = S' is its true
 * derivative): then BPTT through reset, leak, synaptic current and adaptation must equal the
 * numerical gradient of the same function (the method of docs/specs/reference/canon.py).
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../core/rng';
import type { SurrogateSpec } from '../../../surrogates/types';
import { startNodeBackend } from '../../runtime/loaders.node';
import { plainScan } from './plainScan';
import type { ScanParams, ScanSpec } from '../neuronScan';

const T = 6;
const B = 2;
const N = 3;

const VARIANTS: Array<[string, Omit<ScanSpec, 'surrogate'>]> = [
  ['LIF post, reset to v_reset (NIR)', { output: 'spikes', synaptic: false, adaptive: false, spikeFrom: 'post', reset: 'to_reset', detachReset: false }],
  ['LIF post, subtract', { output: 'spikes', synaptic: false, adaptive: false, spikeFrom: 'post', reset: 'subtract', detachReset: false }],
  ['LIF pre, subtract (Spyx)', { output: 'spikes', synaptic: false, adaptive: false, spikeFrom: 'pre', reset: 'subtract', detachReset: false }],
  ['LIF pre, reset to v_reset', { output: 'spikes', synaptic: false, adaptive: false, spikeFrom: 'pre', reset: 'to_reset', detachReset: false }],
  ['CubaLIF post', { output: 'spikes', synaptic: true, adaptive: false, spikeFrom: 'post', reset: 'to_reset', detachReset: false }],
  ['CubaLIF pre, subtract', { output: 'spikes', synaptic: true, adaptive: false, spikeFrom: 'pre', reset: 'subtract', detachReset: false }],
  ['ALIF pre, subtract (Spyx)', { output: 'spikes', synaptic: false, adaptive: true, spikeFrom: 'pre', reset: 'subtract', detachReset: false }],
  ['ALIF post', { output: 'spikes', synaptic: false, adaptive: true, spikeFrom: 'post', reset: 'subtract', detachReset: false }],
  ['LI', { output: 'membrane', synaptic: false, adaptive: false, spikeFrom: 'post', reset: 'to_reset', detachReset: false }],
  ['CubaLI', { output: 'membrane', synaptic: true, adaptive: false, spikeFrom: 'post', reset: 'to_reset', detachReset: false }],
];

const SMOOTH: SurrogateSpec[] = [
  { name: 'sigmoid', slope: 3, smooth: true },
  { name: 'spyx_arctan', slope: 1, smooth: true },
  { name: 'superspike', slope: 4, smooth: true },
];

function values(seed: number, n: number, lo: number, hi: number): Float32Array {
  const r = mulberry32(seed);
  return Float32Array.from({ length: n }, () => lo + (hi - lo) * r.uniform());
}

describe('neuron scan gradients against finite differences', () => {
  beforeAll(async () => {
    await startNodeBackend('cpu');
  });

  VARIANTS.forEach(([label, variant], v) => {
    const surrogate = SMOOTH[v % SMOOTH.length];
    it(`${label}, ${surrogate.name}`, () => {
      const spec: ScanSpec = { ...variant, surrogate };
      const x0 = values(10 + v, T * B * N, -0.5, 1.5);
      const beta0 = values(20 + v, N, 0.3, 0.9);
      const alpha0 = values(30 + v, N, 0.2, 0.8);
      const w = tf.tensor3d(values(40 + v, T * B * N, -1, 1), [T, B, N]);
      const constants = {
        gainIn: tf.tensor1d([0.9, 1.1, 0.7]), bias: tf.tensor1d([0.05, 0, -0.02]), threshold: tf.tensor1d([0.8, 1, 0.6]),
        vReset: tf.tensor1d([0, 0.1, -0.1]), gainCur: tf.tensor1d([0.5, 0.6, 0.4]), gamma: tf.tensor1d([0.7, 0.5, 0.9]),
      };
      const loss = (x: tf.Tensor, beta: tf.Tensor, alpha: tf.Tensor) => {
        const params: ScanParams = { ...constants, beta, alpha };
        return tf.sum(tf.mul(plainScan(x, params, spec).out, w)) as tf.Scalar;
      };
      const x = tf.tensor3d(x0, [T, B, N]);
      const beta = tf.tensor1d(beta0);
      const alpha = tf.tensor1d(alpha0);
      const [gx, gb, ga] = variant.synaptic
        ? tf.grads(loss)([x, beta, alpha]).map((g) => g.dataSync())
        : [...tf.grads((xi: tf.Tensor, bi: tf.Tensor) => loss(xi, bi, alpha))([x, beta]).map((g) => g.dataSync()), new Float32Array(N)];
      const h = 2e-3;
      const fd = (make: (d: number) => [Float32Array, Float32Array, Float32Array]) => {
        const at = (d: number) => {
          const [xs, bs, as] = make(d);
          return tf.tidy(() => loss(tf.tensor3d(xs, [T, B, N]), tf.tensor1d(bs), tf.tensor1d(as)).dataSync()[0]);
        };
        return (at(h) - at(-h)) / (2 * h);
      };
      const check = (analytic: number, numeric: number, what: string) => {
        expect(Math.abs(analytic - numeric), `${what}: backprop ${analytic}, finite differences ${numeric}`).toBeLessThan(2e-3 + 2e-2 * Math.abs(numeric));
      };
      for (let i = 0; i < N; i++) {
        check(gb[i], fd((d) => [x0, beta0.map((b, j) => (j === i ? b + d : b)), alpha0]), `dL/dβ[${i}]`);
        if (variant.synaptic) check(ga[i], fd((d) => [x0, beta0, alpha0.map((a, j) => (j === i ? a + d : a))]), `dL/dα[${i}]`);
      }
      for (const i of [0, 4, 7, 13, 20, 26, 35]) {
        check(gx[i], fd((d) => [x0.map((xv, j) => (j === i ? xv + d : xv)), beta0, alpha0]), `dL/dx[${i}]`);
      }
    });
  });

  it('a detached reset removes the reset path from the gradient (snnTorch), and only that', () => {
    const spec = (detachReset: boolean): ScanSpec => ({ output: 'spikes', synaptic: false, adaptive: false, spikeFrom: 'post', reset: 'subtract', detachReset, surrogate: { name: 'superspike', slope: 4, smooth: true } });
    const params = { beta: tf.tensor1d([0.8, 0.7, 0.9]), gainIn: tf.ones([N]), bias: tf.zeros([N]), threshold: tf.ones([N]), vReset: tf.zeros([N]) };
    const x = tf.tensor3d(values(7, T * B * N, 0, 1.5), [T, B, N]);
    const grad = (detach: boolean) => tf.grad((xi: tf.Tensor) => tf.sum(plainScan(xi, params, spec(detach)).out))(x).dataSync();
    const attached = grad(false);
    const detached = grad(true);
    // The last step's input reaches the output only through this step's spike, never through a reset.
    const last = (T - 1) * B * N;
    for (let i = last; i < T * B * N; i++) expect(detached[i]).toBeCloseTo(attached[i], 5);
    expect(Array.from(detached.subarray(0, last)).some((g, i) => Math.abs(g - attached[i]) > 1e-4)).toBe(true);
  });
});
