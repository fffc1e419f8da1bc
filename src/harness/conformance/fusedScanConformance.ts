/**
 * The neuron-scan conformance suite: for each case of ./fusedScanCases.ts, the plain TF.js scan on
 * the cpu backend is the reference; the backend under test runs its fused scan (WGSL on webgpu, JS
 * loops on wasm and cpu), or the plain one where ./knownGaps.ts says it has none (webgl), and must
 * give the same spikes exactly and the same outputs, membranes and gradients dx, dβ, dα within
 * float32 tolerance (./tolerance.ts). A backend with neither kernel nor gap fails. The loss is
 * Σ out ⊙ w with a random w, so every step gets a different upstream gradient.
 */
import * as tf from '@tensorflow/tfjs-core';
import { drawScanData, paramTensors, readArrays, uniformDraw, type Arrays } from './caseData';
import { scanCases, type ScanCase } from './fusedScanCases';
import { plainScan } from '../../engine/tensor/kernels/plain/plainScan';
import { neuronScanFor, type NeuronScan, type ScanPath } from '../../engine/tensor/kernels/neuronScan';
import { webgpuBackend } from '../../engine/tensor/webgpu/webgpuBackend';
import { expectedPath } from './knownGaps';
import { withinTolerance } from './tolerance';

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

/** Forward values and gradients of one case with `scan` on the current backend. */
async function evaluate(c: ScanCase, scan: NeuronScan): Promise<Arrays> {
  const data = drawScanData(uniformDraw(c.seed * 7919), c.T, c.B, c.N);
  const tensors = tf.tidy(() => {
    const x = tf.tensor3d(data.x, [c.T, c.B, c.N]);
    const w = tf.tensor3d(data.w, [c.T, c.B, c.N]);
    const p = paramTensors(data.params);
    const fwd = scan(x, p, c.spec, { recordMembrane: true });
    const loss = (xIn: tf.Tensor, beta: tf.Tensor, alpha?: tf.Tensor) =>
      tf.sum(tf.mul(scan(xIn, { ...p, beta, alpha: alpha ?? p.alpha }, c.spec).out, w));
    const wrt = c.spec.synaptic ? [x, p.beta, p.alpha as tf.Tensor] : [x, p.beta];
    const grads = tf.grads(loss as (...a: tf.Tensor[]) => tf.Tensor)(wrt);
    const named: Record<string, tf.Tensor> = { out: fwd.out, membrane: fwd.membrane as tf.Tensor, dx: grads[0], dBeta: grads[1] };
    if (c.spec.synaptic) named.dAlpha = grads[2];
    return named;
  });
  return readArrays(tensors);
}

function compare(c: ScanCase, got: Arrays, want: Arrays): Pick<ScanCaseResult, 'ok' | 'spikeFlips' | 'relErr'> {
  const { ok, relErr } = withinTolerance(got, want);
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
  const results: ScanCaseResult[] = [];
  for (const [i, c] of cases.entries()) {
    const wanted = expectedPath(backend, 'scan', { neurons: c.N, smooth: c.spec.surrogate.smooth });
    const { scan, path } = neuronScanFor(wanted, backend);
    let result: ScanCaseResult;
    try {
      if (path !== wanted) throw new Error(`no fused neuron scan is registered on ${backend} and no known gap lists one`);
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
  const { device } = webgpuBackend();
  device.destroy();
  await device.lost;
  const c = scanCases()[0];
  try {
    tf.tidy(() => neuronScanFor('fused', 'webgpu').scan(tf.zeros([c.T, c.B, c.N]), {
      beta: tf.ones([c.N]), gainIn: tf.ones([c.N]), bias: tf.zeros([c.N]), threshold: tf.ones([c.N]), vReset: tf.zeros([c.N]),
    }, c.spec).out);
    return { ok: false, code: '', message: 'the scan ran on a destroyed device without an error' };
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    return { ok: code === 'GPU_DEVICE_LOST', code, message: error instanceof Error ? error.message : String(error) };
  }
}
