/**
 * Workload C (Linear+LIF micro-benchmark, docs/specs/bench.md §4), time-major with T = 500,
 * B = 16 (not the T/B swap of Open Neuromorphic): X = (2u − 1)·√3 from mulberry32(7) drawn
 * [t][b][i]; W [n, n] from mulberry32(42), a = 1.5235/√n; I = X W hoisted over T; LIF with fixed
 * β = 0.9, θ = 1, Spyx semantics (spike from the previous membrane, subtractive reset kept),
 * Spyx arctan(k = 2); L = Σ S. fwd_ms: forward + sync; fwdbwd_ms: value and gradient w.r.t. W
 * + sync, per call (5 warm-up calls, then the median of `calls`). X lives on the device.
 */
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32 } from '../../engine/core/rng';
import { neuronScanFor, type ScanPath } from '../../engine/tensor/kernels/neuronScan';
import type { ScanParams, ScanSpec } from '../../engine/tensor/kernels/neuronScan';
import { median, memorySampler } from './benchTiming';

/** Per-neuron scan constants of a plain LIF population: decay β, unit gain, θ = 1, reset to 0. */
function neuronConstants(N: number, beta: number): ScanParams {
  return { beta: tf.fill([N], beta), gainIn: tf.ones([N]), bias: tf.zeros([N]), threshold: tf.ones([N]), vReset: tf.zeros([N]) };
}

export interface CTimes {
  warmup_s: number;
  fwd_ms: number;
  fwdbwd_ms: number;
  fwdbwd_ms_min: number;
  fwdbwd_ms_max: number;
  spikes: number;
  peak_mem_bytes: number;
  mem_method: string;
  scanPath: ScanPath;
}

export async function workloadC(o: { T: number; B: number; n: number; path: ScanPath; warmup: number; calls: number }): Promise<CTimes> {
  const rx = mulberry32(7);
  const X = tf.tensor3d(Float32Array.from({ length: o.T * o.B * o.n }, () => (2 * rx.uniform() - 1) * Math.sqrt(3)), [o.T, o.B, o.n]);
  const rw = mulberry32(42);
  const a = 1.5235 / Math.sqrt(o.n);
  const W = tf.variable(tf.tensor2d(Float32Array.from({ length: o.n * o.n }, () => (2 * rw.uniform() - 1) * a), [o.n, o.n]));
  const { scan, path } = neuronScanFor(o.path);
  const spec: ScanSpec = { output: 'spikes', synaptic: false, spikeFrom: 'pre', reset: 'subtract', detachReset: false, adaptive: false, surrogate: { name: 'spyx_arctan', slope: 2 } };
  const params = neuronConstants(o.n, 0.9);
  const mem = memorySampler();
  const forward = () => {
    const I = tf.reshape(tf.matMul(tf.reshape(X, [o.T * o.B, o.n]), W), [o.T, o.B, o.n]);
    const L = tf.sum(scan(I, params, spec).out) as tf.Scalar;
    mem.sample();
    return L;
  };
  const fwd = async () => {
    const L = tf.tidy(forward);
    const v = (await L.data())[0];
    L.dispose();
    return v;
  };
  const fwdbwd = async () => {
    const { value, grads } = tf.variableGrads(forward, [W]);
    await grads[W.name].data();
    mem.sample();
    const v = (await value.data())[0];
    tf.dispose([value, ...Object.values(grads)]);
    return v;
  };
  const timed = async (f: () => Promise<number>) => {
    const t0 = performance.now();
    await f();
    return performance.now() - t0;
  };
  try {
    const t0 = performance.now();
    await fwdbwd();
    const warmup_s = (performance.now() - t0) / 1000;
    for (let i = 1; i < o.warmup; i++) await fwdbwd();
    await fwd();
    const f: number[] = [];
    const fb: number[] = [];
    for (let i = 0; i < o.calls; i++) f.push(await timed(fwd));
    for (let i = 0; i < o.calls; i++) fb.push(await timed(fwdbwd));
    const spikes = await fwd();
    return { warmup_s, fwd_ms: median(f), fwdbwd_ms: median(fb), fwdbwd_ms_min: Math.min(...fb), fwdbwd_ms_max: Math.max(...fb), spikes,
      peak_mem_bytes: mem.peak(), mem_method: mem.method, scanPath: path };
  } finally {
    tf.dispose([X, W, ...Object.values(params)]);
  }
}
