/**
 * Conformance of the fused JS scan with the plain TF.js scan (the reference): every case of
 * ../../../harness/conformance/fusedScanCases.ts (every ScanSpec variant, every surrogate) plus smooth-forward cases,
 * on the cpu backend and some on wasm (lane counts past one block of the SIMD loops included). Spikes must be identical (smooth forwards: within tolerance); outputs, membranes and the
 * gradients dx, dβ, dα of L = Σ out ⊙ w (random w) within 1e-4 of the tensor's largest value.
 * β[0] = 1.05 is clipped (no gradient) and β[2] = 1 is the inclusive edge of the clip.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { startNodeBackend } from '../runtime/loaders.node';
import { scanCases, type ScanCase } from '../../../harness/conformance/fusedScanCases';
import { drawScanData, paramTensors, uniformDraw } from '../../../harness/conformance/caseData';
import { plainScan } from '../kernels/plain/plainScan';
import { neuronScanFor, type NeuronScan, type ScanSpec } from '../kernels/neuronScan';
import { jsScan, makeJsScan } from './jsScan';
import { simdScanSupports } from './simdScan';
import './register';

type Arrays = Record<string, Float32Array>;

/** The draws of the conformance suite's cases, from this test's own seed. */
const draw = (c: ScanCase) => drawScanData(uniformDraw(c.seed * 104729), c.T, c.B, c.N);

function evaluate(c: ScanCase, scan: NeuronScan): Arrays {
  const data = draw(c);
  return tf.tidy(() => {
    const x = tf.tensor3d(data.x, [c.T, c.B, c.N]);
    const w = tf.tensor3d(data.w, [c.T, c.B, c.N]);
    const p = paramTensors(data.params);
    const fwd = scan(x, p, c.spec, { recordMembrane: true });
    const loss = (xIn: tf.Tensor, beta: tf.Tensor, alpha?: tf.Tensor) => tf.sum(tf.mul(scan(xIn, { ...p, beta, alpha: alpha ?? p.alpha }, c.spec).out, w));
    const grads = tf.grads(loss as (...a: tf.Tensor[]) => tf.Tensor)(c.spec.synaptic ? [x, p.beta, p.alpha!] : [x, p.beta]);
    const named: Record<string, tf.Tensor> = { out: fwd.out, membrane: fwd.membrane!, dx: grads[0], dBeta: grads[1] };
    if (c.spec.synaptic) named.dAlpha = grads[2];
    return Object.fromEntries(Object.entries(named).map(([k, t]) => [k, t.dataSync() as Float32Array]));
  });
}

function expectConform(c: ScanCase, got: Arrays, want: Arrays): void {
  for (const key of Object.keys(want)) {
    const a = got[key];
    const b = want[key];
    expect(a.length, `${key} length`).toBe(b.length);
    const scale = b.reduce((s, v) => Math.max(s, Math.abs(v)), 0);
    let worst = 0;
    for (let i = 0; i < b.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
    expect(worst, `${c.name}: ${key} (scale ${scale})`).toBeLessThanOrEqual(1e-4 * scale + 1e-5);
  }
  if (c.spec.output === 'spikes' && !c.spec.surrogate.smooth) expect(Array.from(got.out), `${c.name}: spikes`).toEqual(Array.from(want.out));
}

const smoothCases: ScanCase[] = (['sigmoid', 'superspike', 'triangular'] as const).map((name, i) => {
  const spec: ScanSpec = { output: 'spikes', synaptic: i === 1, adaptive: i === 2, spikeFrom: i === 0 ? 'post' : 'pre', reset: i === 1 ? 'to_reset' : 'subtract', detachReset: false, surrogate: { name, slope: 3, smooth: true } };
  return { name: `smooth ${name}`, spec, T: 7, B: 2, N: 5, seed: 100 + i };
});

describe('fused JS neuron scan against the plain TF.js scan', () => {
  beforeAll(async () => {
    await startNodeBackend('cpu');
  });

  const jsLoops = makeJsScan({ simd: false });
  for (const c of [...scanCases(), ...smoothCases]) {
    it(c.name, () => {
      const want = evaluate(c, plainScan);
      expectConform(c, evaluate(c, jsLoops), want);
      expectConform({ ...c, name: `${c.name} (SIMD where covered)` }, evaluate(c, jsScan), want);
    });
  }

  it('runs the SIMD loops on lane counts that are multiples of 4 (LIF, LI, every rational surrogate)', () => {
    for (const [i, name] of (['superspike', 'spyx_arctan', 'snntorch_atan', 'triangular', 'boxcar', 'straight_through'] as const).entries()) {
      for (const spec of [
        { output: 'spikes', synaptic: false, adaptive: false, spikeFrom: 'post', reset: 'subtract', detachReset: true, surrogate: { name, slope: 5 } },
        { output: 'spikes', synaptic: false, adaptive: false, spikeFrom: 'pre', reset: 'to_reset', detachReset: false, surrogate: { name, slope: 5 } },
        { output: 'spikes', synaptic: false, adaptive: false, spikeFrom: 'post', reset: 'to_reset', detachReset: false, surrogate: { name, slope: 5 } },
        { output: 'spikes', synaptic: false, adaptive: false, spikeFrom: 'pre', reset: 'subtract', detachReset: false, surrogate: { name, slope: 5 } },
        { output: 'membrane', synaptic: false, adaptive: false, spikeFrom: 'post', reset: 'to_reset', detachReset: false, surrogate: { name, slope: 5 } },
      ] as ScanSpec[]) {
        // N = 8: the parameters repeat every N lanes; N = 5 (B 4) and 6 (B 2): every 4N and 2N lanes (simdScan.ts paramLanes).
        for (const [B, N] of [[3, 8], [4, 5], [2, 6]]) {
          const c: ScanCase = { name: `SIMD ${name} ${spec.output} ${spec.spikeFrom} ${spec.reset}, B ${B}, N ${N}`, spec, T: 9, B, N, seed: 200 + i };
          const n = new Float32Array(c.N);
          expect(simdScanSupports(spec, { beta: n, gainIn: n, bias: n, threshold: n, vReset: n }, c.B * c.N), c.name).toBe(true);
          expectConform(c, evaluate(c, jsScan), evaluate(c, plainScan));
        }
      }
    }
  });

  it('runs the SIMD loops block by block of lanes (900 lanes: a whole block and a partial one), on cpu and wasm', async () => {
    const specs: ScanSpec[] = [
      { output: 'spikes', synaptic: false, adaptive: false, spikeFrom: 'post', reset: 'to_reset', detachReset: true, surrogate: { name: 'superspike', slope: 25 } },
      { output: 'spikes', synaptic: false, adaptive: false, spikeFrom: 'pre', reset: 'subtract', detachReset: false, surrogate: { name: 'spyx_arctan', slope: 5 } },
      { output: 'membrane', synaptic: false, adaptive: false, spikeFrom: 'post', reset: 'to_reset', detachReset: false, surrogate: { name: 'superspike', slope: 5 } },
    ];
    const cases = specs.map((spec, i): ScanCase => ({ name: `SIMD blocks ${spec.output} ${spec.spikeFrom} ${spec.reset}`, spec, T: 6, B: 3, N: 300, seed: 300 + i }));
    const want = cases.map((c) => evaluate(c, plainScan));
    cases.forEach((c, i) => expectConform(c, evaluate(c, jsScan), want[i]));
    await startNodeBackend('wasm');
    try {
      cases.forEach((c, i) => expectConform({ ...c, name: `${c.name} (wasm)` }, evaluate(c, jsScan), want[i]));
    } finally {
      await startNodeBackend('cpu');
    }
  });

  it('is the scan the registry picks on cpu and wasm (and runs there)', async () => {
    expect(neuronScanFor('fused', 'cpu')).toEqual({ scan: jsScan, path: 'fused' });
    expect(neuronScanFor('fused', 'wasm')).toEqual({ scan: jsScan, path: 'fused' });
    const c = scanCases().find((s) => s.spec.synaptic && s.spec.adaptive && s.spec.output === 'spikes')!;
    const want = evaluate(c, plainScan);
    await startNodeBackend('wasm');
    try {
      expectConform(c, evaluate(c, jsScan), want);
    } finally {
      await startNodeBackend('cpu');
    }
  });

  it('leaves no tensors behind and rejects parameters of the wrong size', () => {
    const c = scanCases()[0];
    evaluate(c, jsScan);
    const before = tf.memory().numTensors;
    evaluate(c, jsScan);
    expect(tf.memory().numTensors).toBe(before);
    const params = { beta: tf.ones([2]), gainIn: tf.ones([3]), bias: tf.zeros([3]), threshold: tf.ones([3]), vReset: tf.zeros([3]) };
    expect(() => jsScan(tf.zeros([2, 1, 3]), params, c.spec)).toThrow(expect.objectContaining({ code: 'GRAPH_UNSUPPORTED' }));
    tf.dispose(Object.values(params));
  });
});
