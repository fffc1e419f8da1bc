/**
 * The fused first layer (op 'bitLinearScan', ./bitLinearScan.ts) against what it replaces: op
 * 'bitMatMul' (+ the Affine's bias with tf.add) and then the neuron scan, on wasm and cpu, for
 * every variant of ../../../harness/conformance/fusedScanCases.ts that the SIMD scan covers. The
 * current is summed in the same order, so the spikes must be identical; the membrane, ∂W, ∂b and
 * ∂β of L = Σ s ⊙ r (random r) within 1e-4 of each tensor's largest value. β as a trainable
 * variable takes the path that keeps v of every step; a constant β the one that keeps two rows.
 * Then the spike rows it hands over (./spikeMatMul.ts knownRowsOf, through a reshape): the same
 * matmul, ∂W and ∂x as from a copy of the spikes; and the layers the op declines (synaptic, N not
 * a multiple of 4). With time weights w [K, T] the op returns Σ_t w[k, t]·s_t in place of the
 * spikes: those sums within 1e-6 of the reference spikes' sums, the recorded membrane as without
 * them (within 1e-4), and the gradients of
 * L = Σ_k Σ out[k] ⊙ r_k within 1e-4 of the reference's with r = Σ_k w[k, t]·r_k, for every
 * covered variant.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomWordRows } from '../../../harness/conformance/bitMatMulConformance';
import { drawScanData, paramTensors, uniformDraw } from '../../../harness/conformance/caseData';
import { scanCases } from '../../../harness/conformance/fusedScanCases';
import { maxError } from '../../../harness/conformance/maxError';
import type { ScanParams, ScanSpec } from '../kernels/neuronScan';
import { startNodeBackend } from '../runtime/loaders.node';
import { bitLinearScan } from './bitLinearScan';
import { bitMatMul } from './bitMatMul';
import { jsScan } from './jsScan';
import { knownRowsOf, spikeMatMul } from './spikeMatMul';
import { reshapeUntaped } from '../kernels/plain/reshape';
import { simdScanSupports } from './simdScan';

const [T, B, N, F] = [11, 3, 8, 45];

interface Results {
  out: Float32Array;
  membrane: Float32Array;
  dW: Float32Array;
  db: Float32Array;
  dBeta: Float32Array;
}

/** Σ_t w[k, t]·x_t for x [T, B·N]: [K, B·N], summed in time order in float32. */
function timeWeighted(x: Float32Array, weights: Float32Array): Float32Array {
  const [L, K] = [x.length / T, weights.length / T];
  const sums = new Float32Array(K * L);
  for (let k = 0; k < K; k++) for (let t = 0; t < T; t++) for (let i = 0; i < L; i++) sums[k * L + i] += weights[k * T + t] * x[t * L + i];
  return sums;
}

/**
 * The layer's results through the fused op or the reference; with `weights` [K·T], the fused op
 * returns the time-weighted sums (the reference's spikes are summed the same way) and the loss
 * weighs them by r_k [K, B, N] (the reference's spikes by Σ_k w[k, t]·r_k).
 */
function evaluate(spec: ScanSpec, seed: number, fused: boolean, trainableBeta: boolean, weights?: Float32Array): Results {
  const data = drawScanData(uniformDraw(seed), T, B, N);
  const draw = uniformDraw(seed + 1);
  const words = tf.tensor2d(randomWordRows(T * B, F, 0.15, seed), [T * B, Math.ceil(F / 32)], 'int32');
  const w = tf.tensor2d(draw(N * F, -0.3, 0.7), [N, F]);
  const b = tf.tensor1d(draw(N, -0.1, 0.2));
  const K = weights ? weights.length / T : 0;
  const rk = weights ? draw(K * B * N, -1, 1) : undefined;
  const perStep = rk ? new Float32Array(T * B * N).map((_, j) => Array.from({ length: K }, (_k, k) => weights![k * T + Math.floor(j / (B * N))] * rk[k * B * N + (j % (B * N))]).reduce((a, v) => a + v, 0)) : undefined;
  const r = fused && rk ? tf.tensor3d(rk, [K, B, N]) : tf.tensor3d(perStep ?? draw(T * B * N, -1, 1), [T, B, N]);
  const p = paramTensors(data.params);
  const beta = trainableBeta ? tf.variable(p.beta) : p.beta;
  const layer = (wIn: tf.Tensor, bIn: tf.Tensor, params: ScanParams, recordMembrane = false) => {
    if (fused) {
      const made = bitLinearScan({ words, T, B, F, weight: wIn as tf.Tensor2D, bias: bIn as tf.Tensor1D }, params, spec, { recordMembrane, timeWeights: weights });
      if (!made) throw new Error('the fused op declined a layer it covers');
      return made;
    }
    const current = tf.add(bitMatMul(words, F, wIn as tf.Tensor2D), bIn);
    return jsScan(tf.reshape(current, [T, B, N]), params, spec, { recordMembrane });
  };
  const forward = tf.tidy(() => {
    const made = layer(w, b, { ...p, beta }, true);
    return [made.out, made.membrane!].map((t) => t.dataSync() as Float32Array);
  });
  const grads = trainableBeta ? tf.variableGrads(() => tf.sum(tf.mul(layer(w, b, { ...p, beta }).out, r)) as tf.Scalar, [beta as tf.Variable]).grads : {};
  const wrt = tf.grads((wIn: tf.Tensor, bIn: tf.Tensor) => tf.sum(tf.mul(layer(wIn, bIn, { ...p, beta }).out, r)))([w, b]);
  const results = {
    out: weights && !fused ? timeWeighted(forward[0], weights) : forward[0], membrane: forward[1], dW: wrt[0].dataSync() as Float32Array, db: wrt[1].dataSync() as Float32Array,
    dBeta: trainableBeta ? (Object.values(grads)[0].dataSync() as Float32Array) : new Float32Array(N),
  };
  tf.dispose([words, w, b, r, beta, ...Object.values(p), ...wrt, ...Object.values(grads)]);
  return results;
}

const covered = scanCases().filter((c) => simdScanSupports(c.spec, { beta: new Float32Array(N), gainIn: new Float32Array(N), bias: new Float32Array(N), threshold: new Float32Array(N), vReset: new Float32Array(N) }, B * N)
  && !c.spec.synaptic && !c.spec.adaptive);

describe('fused first layer (bits → Affine → neuron scan) against bitMatMul then the scan', () => {
  beforeAll(async () => {
    await startNodeBackend('wasm');
    await startNodeBackend('cpu');
  });

  it('covers the LIF, IF and LI variants of the conformance suite', () => {
    expect(covered.length).toBeGreaterThanOrEqual(12);
    expect(covered.some((c) => c.spec.output === 'membrane')).toBe(true);
    expect(covered.some((c) => c.spec.spikeFrom === 'pre')).toBe(true);
  });

  for (const backend of ['wasm', 'cpu'] as const) {
    it(`gives the same spikes, membranes and gradients (${backend})`, async () => {
      await tf.setBackend(backend);
      for (const c of covered) {
        for (const trainableBeta of [true, false]) {
          const got = evaluate(c.spec, c.seed, true, trainableBeta);
          const want = evaluate(c.spec, c.seed, false, trainableBeta);
          const label = `${c.name}, β ${trainableBeta ? 'trainable' : 'constant'}`;
          if (c.spec.output === 'spikes') {
            expect(Array.from(got.out), `${label}: spikes`).toEqual(Array.from(want.out));
            expect(want.out.some((v) => v === 1), `${label}: the layer fires`).toBe(true);
          }
          for (const key of ['membrane', 'dW', 'db', 'dBeta'] as const) {
            const { err, scale } = maxError(got[key], want[key]);
            if (key !== 'dBeta' || trainableBeta) expect(scale, `${label}: ${key} is not all zero`).toBeGreaterThan(0);
            expect(err, `${label}: ${key} (scale ${scale})`).toBeLessThanOrEqual(1e-4 * scale + 1e-6);
          }
        }
      }
    });
  }

  it('returns time-weighted sums of its spikes in their place, with the same gradients (wasm)', async () => {
    await tf.setBackend('wasm');
    // The closed-form readout's c_t = Σ_{j<T−t} 0.9^j, and 1/T (a time mean).
    const weights = new Float32Array(2 * T).map((_, i) => (i < T ? (1 - 0.9 ** (T - i)) / 0.1 : 1 / T));
    for (const c of covered) {
      for (const trainableBeta of [true, false]) {
        const got = evaluate(c.spec, c.seed, true, trainableBeta, weights);
        const want = evaluate(c.spec, c.seed, false, trainableBeta, weights);
        const label = `${c.name}, β ${trainableBeta ? 'trainable' : 'constant'}, summed`;
        expect(got.out.length, label).toBe(2 * B * N);
        for (const key of ['out', 'membrane', 'dW', 'db', 'dBeta'] as const) {
          const { err, scale } = maxError(got[key], want[key]);
          if (key !== 'dBeta' || trainableBeta) expect(scale, `${label}: ${key} is not all zero`).toBeGreaterThan(0);
          expect(err, `${label}: ${key} (scale ${scale})`).toBeLessThanOrEqual((key === 'out' ? 1e-6 : 1e-4) * scale + 1e-6);
        }
      }
    }
  });

  it('hands its spikes\' rows to the matmul reading them, through a reshape, with the same result', async () => {
    await tf.setBackend('wasm');
    const spec = covered.find((c) => c.spec.output === 'spikes' && c.spec.spikeFrom === 'post')!.spec;
    const data = drawScanData(uniformDraw(9), T, B, N);
    const draw = uniformDraw(10);
    tf.tidy(() => {
      const words = tf.tensor2d(randomWordRows(T * B, F, 0.15, 9), [T * B, 2], 'int32');
      // Weights that keep the layer below MAX_DENSITY.binary of spikes (denser, it hands over no rows: the reader goes dense).
      const made = bitLinearScan({ words, T, B, F, weight: tf.tensor2d(draw(N * F, -0.25, 0.3), [N, F]) }, paramTensors(data.params), spec)!;
      const rate = Array.from(made.out.dataSync()).filter((v) => v === 1).length / (T * B * N);
      expect(rate).toBeGreaterThan(0.02);
      expect(rate).toBeLessThan(0.5);
      const rows = reshapeUntaped(made.out, [T * B, N]);
      const known = knownRowsOf(rows, T * B, N);
      expect(known).not.toBeNull();
      const copy = tf.tensor2d(rows.dataSync(), [T * B, N]); // the same values without known rows
      expect(knownRowsOf(copy, T * B, N)).toBeNull();
      const spikes = Array.from(copy.dataSync());
      expect(known!.nnz).toBe(spikes.filter((v) => v === 1).length);
      expect(known!.nnz).toBeGreaterThan(0);
      const w2 = tf.tensor2d(draw(4 * N, -1, 1), [4, N]);
      const r = tf.tensor2d(draw(T * B * 4, -1, 1), [T * B, 4]);
      const viaKnown = tf.grads((x: tf.Tensor, w: tf.Tensor) => tf.sum(tf.mul(spikeMatMul(x as tf.Tensor2D, w as tf.Tensor2D, { inputGrad: true }), r)));
      const [dxKnown, dwKnown] = viaKnown([rows, w2]);
      const [dxCopy, dwCopy] = viaKnown([copy, w2]);
      expect(Array.from(spikeMatMul(rows as tf.Tensor2D, w2, { inputGrad: false }).dataSync())).toEqual(Array.from(spikeMatMul(copy, w2, { inputGrad: false }).dataSync()));
      expect(Array.from(dwKnown.dataSync())).toEqual(Array.from(dwCopy.dataSync()));
      expect(Array.from(dxKnown.dataSync())).toEqual(Array.from(dxCopy.dataSync()));
    });
  });

  it('declines what it does not cover: a synaptic current, N not a multiple of 4', async () => {
    await tf.setBackend('wasm');
    const words = tf.tensor2d(randomWordRows(T * B, F, 0.1, 5), [T * B, 2], 'int32');
    const spec = covered[0].spec;
    const data = drawScanData(uniformDraw(3), T, B, 6);
    const params = paramTensors(data.params);
    expect(bitLinearScan({ words, T, B, F, weight: tf.zeros([6, F]) as tf.Tensor2D }, params, spec)).toBeNull();
    const eight = paramTensors(drawScanData(uniformDraw(4), T, B, 8).params);
    expect(bitLinearScan({ words, T, B, F, weight: tf.zeros([8, F]) as tf.Tensor2D }, eight, { ...spec, synaptic: true })).toBeNull();
    expect(bitLinearScan({ words, T, B, F, weight: tf.zeros([8, F]) as tf.Tensor2D }, eight, spec)).not.toBeNull();
  });
});
