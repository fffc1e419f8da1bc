/**
 * The neuron-scan conformance suite: for each case of ./fusedScanCases.ts, the plain TF.js scan on
 * the cpu backend is the reference; the scan that `neuronScanFor(backend)` picks on the backend
 * under test (fused WGSL on webgpu, plain elsewhere) must give the same spikes exactly and the same
 * outputs, membranes and gradients dx, dβ, dα within float32 tolerance. The loss is Σ out ⊙ w with
 * a random w, so every step gets a different upstream gradient.
 */
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32 } from '../../core/rng';
import { scanCases, type ScanCase } from './fusedScanCases';
import { plainScan } from './plainScan';
import { neuronScanFor, type ScanPath } from './registry';
import type { NeuronScan, ScanParams } from './types';

/** |got − want| ≤ RTOL·max|want| + ATOL, per tensor. */
export const RTOL = 1e-4;
export const ATOL = 1e-5;

export interface ScanCaseResult {
  name: string;
  backend: string;
  path: ScanPath;
  ok: boolean;
  /** Steps whose spike differs from the reference (must be 0). */
  spikeFlips: number;
  /** Largest error relative to the tensor's largest reference magnitude. */
  relErr: Record<string, number>;
  error?: string;
}

type Arrays = Record<string, Float32Array>;

function draw(c: ScanCase): { x: Float32Array; w: Float32Array; params: Arrays } {
  const r = mulberry32(c.seed * 7919);
  const u = (lo: number, hi: number) => lo + (hi - lo) * r.uniform();
  const vec = (n: number, lo: number, hi: number) => Float32Array.from({ length: n }, () => u(lo, hi));
  const size = c.T * c.B * c.N;
  const beta = vec(c.N, 0.3, 1);
  beta[0] = 1.05; // outside [0, 1]: clipped, no gradient
  if (c.N > 2) beta[2] = 1; // the IF edge: gradient passes at exactly 1
  const params: Arrays = {
    beta, gainIn: vec(c.N, 0.6, 1.4), bias: vec(c.N, -0.05, 0.1), threshold: vec(c.N, 0.6, 1.2),
    vReset: vec(c.N, -0.2, 0.2), alpha: vec(c.N, 0.3, 0.95), gainCur: vec(c.N, 0.5, 1.2), gamma: vec(c.N, 0.5, 0.95),
  };
  return { x: vec(size, -0.3, 1.3), w: vec(size, -1, 1), params };
}

/** Forward values and gradients of one case with `scan` on the current backend. */
async function evaluate(c: ScanCase, scan: NeuronScan): Promise<Arrays> {
  const data = draw(c);
  const tensors = tf.tidy(() => {
    const x = tf.tensor3d(data.x, [c.T, c.B, c.N]);
    const w = tf.tensor3d(data.w, [c.T, c.B, c.N]);
    const p = Object.fromEntries(Object.entries(data.params).map(([k, v]) => [k, tf.tensor1d(v)])) as unknown as ScanParams;
    const fwd = scan(x, p, c.spec, { recordMembrane: true });
    const loss = (xIn: tf.Tensor, beta: tf.Tensor, alpha?: tf.Tensor) =>
      tf.sum(tf.mul(scan(xIn, { ...p, beta, alpha: alpha ?? p.alpha }, c.spec).out, w));
    const wrt = c.spec.synaptic ? [x, p.beta, p.alpha as tf.Tensor] : [x, p.beta];
    const grads = tf.grads(loss as (...a: tf.Tensor[]) => tf.Tensor)(wrt);
    const named: Record<string, tf.Tensor> = { out: fwd.out, membrane: fwd.membrane as tf.Tensor, dx: grads[0], dBeta: grads[1] };
    if (c.spec.synaptic) named.dAlpha = grads[2];
    return named;
  });
  const out: Arrays = {};
  for (const [k, t] of Object.entries(tensors)) out[k] = (await t.data()) as Float32Array;
  tf.dispose(Object.values(tensors));
  return out;
}

function compare(c: ScanCase, got: Arrays, want: Arrays): Pick<ScanCaseResult, 'ok' | 'spikeFlips' | 'relErr'> {
  const relErr: Record<string, number> = {};
  let ok = true;
  for (const key of Object.keys(want)) {
    const a = got[key];
    const b = want[key];
    if (!a || a.length !== b.length) {
      relErr[key] = Infinity;
      ok = false;
      continue;
    }
    let scale = 0;
    for (const v of b) scale = Math.max(scale, Math.abs(v));
    let worst = 0;
    let pass = true;
    for (let i = 0; i < b.length; i++) {
      const d = Math.abs(a[i] - b[i]);
      if (!(d <= RTOL * scale + ATOL)) pass = false;
      worst = Math.max(worst, d / Math.max(scale, ATOL));
    }
    relErr[key] = Number.isNaN(worst) ? Infinity : worst;
    ok &&= pass;
  }
  let spikeFlips = 0;
  if (c.spec.output === 'spikes') for (let i = 0; i < want.out.length; i++) if (got.out[i] !== want.out[i]) spikeFlips++;
  return { ok: ok && spikeFlips === 0, spikeFlips, relErr };
}

/**
 * Runs every case on `backend` (already initialised, as is cpu) against plain-on-cpu; leaves the
 * backend active. `onCase` reports progress.
 */
export async function runScanConformance(backend: string, onCase?: (r: ScanCaseResult) => void): Promise<ScanCaseResult[]> {
  const cases = scanCases();
  await tf.setBackend('cpu');
  const references: Arrays[] = [];
  for (const c of cases) references.push(await evaluate(c, plainScan));
  await tf.setBackend(backend);
  const { scan, path } = neuronScanFor(backend);
  const results: ScanCaseResult[] = [];
  for (const [i, c] of cases.entries()) {
    let result: ScanCaseResult;
    try {
      result = { name: c.name, backend, path, ...compare(c, await evaluate(c, scan), references[i]) };
    } catch (error) {
      result = { name: c.name, backend, path, ok: false, spikeFlips: -1, relErr: {}, error: error instanceof Error ? error.message : String(error) };
    }
    results.push(result);
    onCase?.(result);
  }
  return results;
}

/**
 * Destroys the WebGPU device and checks that the next fused scan fails at once with
 * GPU_DEVICE_LOST (a clear message, no hang). Run last: the backend is unusable afterwards.
 */
export async function runDeviceLostCheck(): Promise<{ ok: boolean; code: string; message: string }> {
  const backend = tf.backend() as unknown as { device: GPUDevice };
  backend.device.destroy();
  await backend.device.lost;
  const c = scanCases()[0];
  try {
    tf.tidy(() => neuronScanFor('webgpu').scan(tf.zeros([c.T, c.B, c.N]), {
      beta: tf.ones([c.N]), gainIn: tf.ones([c.N]), bias: tf.zeros([c.N]), threshold: tf.ones([c.N]), vReset: tf.zeros([c.N]),
    }, c.spec).out);
    return { ok: false, code: '', message: 'the scan ran on a destroyed device without an error' };
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    return { ok: code === 'GPU_DEVICE_LOST', code, message: error instanceof Error ? error.message : String(error) };
  }
}
