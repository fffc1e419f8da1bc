/**
 * The recurrent-scan conformance suite: for each case below, the step-by-step TF.js recurrent
 * scan (../../engine/tensor/kernels/plain/plainRecurrentScan.ts) on the cpu backend is the reference; the backend
 * under test runs its fused recurrent scan (WGSL on webgpu, JS loops on wasm and cpu), or the
 * step-by-step one where ./knownGaps.ts lists a gap (webgl; N past the WGSL limit; a backend with
 * neither fails), and must give the same spikes exactly and the same
 * membranes and gradients ∂x, ∂W, ∂β, ∂α, ∂r within float32 tolerance (./tolerance.ts). The loss is Σ out ⊙ w with
 * a random w. Cases: LIF and CubaLIF × post/pre × subtract/to_reset × attached/detached reset,
 * ALIF, every surrogate, Affine feedback with its bias from step 0 or 1, and one N = 300 case
 * (several neurons per invocation in the WGSL kernel). Sizes are tiny so SwiftShader runs them all.
 */
import * as tf from '@tensorflow/tfjs-core';
import { SURROGATE_NAMES, surrogateSpec } from '../../engine/surrogates';
import { drawScanData, paramTensors, readArrays, uniformDraw, type Arrays } from './caseData';
import type { ScanCase } from './fusedScanCases';
import { plainRecurrentScan } from '../../engine/tensor/kernels/plain/plainRecurrentScan';
import { recurrentScanFor, type RecurrentScan } from '../../engine/tensor/kernels/recurrentScan';
import { expectedPath } from './knownGaps';
import { withinTolerance } from './tolerance';
import type { ScanSpec } from '../../engine/tensor/kernels/neuronScan';

export interface RecurrentCase extends ScanCase {
  /** Affine feedback: its bias enters from this step. */
  biasFrom?: 0 | 1;
}

export interface RecurrentCaseResult {
  name: string;
  backend: string;
  path: 'fused' | 'plain';
  ok: boolean;
  spikeFlips: number;
  /** Spikes in the reference (a case without any would test nothing). */
  spikes: number;
  relErr: Record<string, number>;
  error?: string;
}

export function recurrentCases(): RecurrentCase[] {
  const cases: RecurrentCase[] = [];
  const add = (spec: ScanSpec, label: string, size: Partial<RecurrentCase> = {}) => {
    const seed = cases.length + 1;
    cases.push({ name: `${label} [${spec.surrogate.name}]`, spec, T: 6 + (seed % 5), B: 1 + (seed % 3), N: 3 + ((seed * 5) % 17), seed, ...size });
  };
  const primary = surrogateSpec('superspike');
  const spiking = { output: 'spikes', adaptive: false } as const;
  for (const synaptic of [false, true]) {
    for (const spikeFrom of ['post', 'pre'] as const) {
      for (const reset of ['subtract', 'to_reset'] as const) {
        for (const detachReset of [false, true]) {
          add({ ...spiking, synaptic, spikeFrom, reset, detachReset, surrogate: primary },
            `${synaptic ? 'CubaLIF' : 'LIF'} ${spikeFrom} ${reset}${detachReset ? ' detached' : ''}`);
        }
      }
    }
  }
  for (const spikeFrom of ['post', 'pre'] as const) {
    add({ output: 'spikes', adaptive: true, synaptic: false, spikeFrom, reset: 'subtract', detachReset: false, surrogate: primary }, `ALIF ${spikeFrom}`);
  }
  for (const name of SURROGATE_NAMES) {
    add({ ...spiking, synaptic: false, spikeFrom: 'post', reset: 'to_reset', detachReset: true, surrogate: surrogateSpec(name) }, 'LIF (NIR/Norse)');
  }
  for (const biasFrom of [0, 1] as const) {
    add({ ...spiking, synaptic: biasFrom === 1, spikeFrom: 'post', reset: 'subtract', detachReset: false, surrogate: primary }, `Affine feedback, bias from step ${biasFrom}`, { biasFrom });
  }
  add({ ...spiking, synaptic: false, spikeFrom: 'post', reset: 'subtract', detachReset: true, surrogate: primary }, 'LIF N = 300', { T: 4, B: 2, N: 300 });
  // More rows than one dispatch dimension holds (65,535 workgroups): WebGPU folds the dispatch into 2-D.
  add({ ...spiking, synaptic: false, spikeFrom: 'post', reset: 'subtract', detachReset: true, surrogate: primary }, 'LIF B = 66,000', { T: 3, B: 66_000, N: 2 });
  return cases;
}

/** The data of ./caseData.ts, then W [N, N] and the feedback bias r [N]. */
function draw(c: RecurrentCase) {
  const vec = uniformDraw(c.seed * 6151);
  const data = drawScanData(vec, c.T, c.B, c.N);
  const bound = 1.5 / Math.sqrt(c.N);
  return { ...data, weight: vec(c.N * c.N, -bound, bound), bias: vec(c.N, -0.2, 0.3) };
}

/** Forward values and gradients of one case with `scan` on the current backend. */
export async function evaluateRecurrent(c: RecurrentCase, scan: RecurrentScan): Promise<Arrays> {
  const data = draw(c);
  const tensors = tf.tidy(() => {
    const x = tf.tensor3d(data.x, [c.T, c.B, c.N]);
    const w = tf.tensor3d(data.w, [c.T, c.B, c.N]);
    const weight = tf.tensor2d(data.weight, [c.N, c.N]);
    const bias = tf.tensor1d(data.bias);
    const p = paramTensors(data.params);
    if (!c.spec.adaptive) delete p.gamma;
    const withBias = c.biasFrom !== undefined;
    const fwd = scan(x, { weight, ...(withBias ? { bias, biasFrom: c.biasFrom } : {}) }, p, c.spec, { recordMembrane: true });
    const wrt = [x, weight, p.beta, ...(c.spec.synaptic ? [p.alpha!] : []), ...(withBias ? [bias] : [])];
    const loss = (...args: tf.Tensor[]) => {
      const [xIn, wIn, beta] = args;
      const alpha = c.spec.synaptic ? args[3] : p.alpha;
      const r = withBias ? args[args.length - 1] : undefined;
      return tf.sum(tf.mul(scan(xIn, { weight: wIn, ...(r ? { bias: r, biasFrom: c.biasFrom } : {}) }, { ...p, beta, alpha }, c.spec).out, w));
    };
    const grads = tf.grads(loss)(wrt);
    const named: Record<string, tf.Tensor> = { out: fwd.out, membrane: fwd.membrane!, dx: grads[0], dW: grads[1], dBeta: grads[2] };
    if (c.spec.synaptic) named.dAlpha = grads[3];
    if (withBias) named.dBias = grads[grads.length - 1];
    return named;
  });
  return readArrays(tensors);
}

export function compareRecurrent(got: Arrays, want: Arrays): Pick<RecurrentCaseResult, 'ok' | 'spikeFlips' | 'spikes' | 'relErr'> {
  const { ok, relErr } = withinTolerance(got, want);
  let spikeFlips = 0;
  let spikes = 0;
  for (let i = 0; i < want.out.length; i++) {
    if (got.out[i] !== want.out[i]) spikeFlips++;
    if (want.out[i] !== 0) spikes++;
  }
  return { ok: ok && spikeFlips === 0 && spikes > 0, spikeFlips, spikes, relErr };
}

/** Runs every case on `backend` (already initialised, as is cpu) against plain-on-cpu; leaves `backend` active. */
export async function runRecurrentConformance(backend: string, onCase?: (r: RecurrentCaseResult) => void): Promise<RecurrentCaseResult[]> {
  const cases = recurrentCases();
  await tf.setBackend('cpu');
  const references: Arrays[] = [];
  for (const c of cases) references.push(await evaluateRecurrent(c, plainRecurrentScan));
  await tf.setBackend(backend);
  const results: RecurrentCaseResult[] = [];
  for (const [i, c] of cases.entries()) {
    const path = expectedPath(backend, 'recurrent', { neurons: c.N });
    const fused = path === 'fused' ? recurrentScanFor(c.spec, c.N, backend) : null;
    let result: RecurrentCaseResult;
    try {
      if (path === 'fused' && !fused) throw new Error(`no fused recurrent scan for N = ${c.N} is registered on ${backend} and no known gap lists one`);
      result = { name: c.name, backend, path, ...compareRecurrent(await evaluateRecurrent(c, fused ?? plainRecurrentScan), references[i]) };
    } catch (error) {
      result = { name: c.name, backend, path, ok: false, spikeFlips: -1, spikes: 0, relErr: {}, error: error instanceof Error ? error.message : String(error) };
    }
    results.push(result);
    onCase?.(result);
  }
  return results;
}
