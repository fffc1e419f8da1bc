/**
 * Workload B (NMNIST-CSNN, docs/specs/bench.md §3) as a timed training step, channel
 * multiplier m, layer by layer over all T (convolutions fold time into the batch, each LIF is one
 * scan): Conv 5×5 VALID 2→12m, LIF, MaxPool 2, Conv 5×5 12m→32m, LIF, MaxPool 2, Flatten,
 * Linear 800m→10, LI; scalar learnable β (0.5) per layer, θ = 1, Spyx semantics, SuperSpike
 * k = 25, integral cross-entropy (0.3), Adam 2e-2. The convolutions run NHWC (TF.js's layout), but
 * the conv weights are drawn OIHW in the spec's order (mulberry32(42): Wc1, Wc2, W3, each
 * row-major) and the flatten is in (c, h, w) order, so the parameters and the function are the
 * spec's. Max-pool ties route the gradient as the backend's MaxPoolGrad does.
 *
 * Data (bench.md §3: tonic ToFrame(n_time_bins = 64), binarised, packed along T): the shipped
 * `nmnist64-train` (1,000 real recordings, docs/datasets.md), read through the source the caller
 * registered (./benchData.ts), resident bit-packed and unpacked on the device per batch.
 * Synthetic [N, 2, 34, 34] frames of density 0.05 are used only when asked (data 'synthetic'),
 * when T ≠ 64 (a shrunken cell), or when the shipped split cannot be read and no data was named;
 * the returned `data`, `N` and `dataNote` say which.
 */
import * as tf from '@tensorflow/tfjs-core';
import { SpikelabError } from '../../engine/core/errors';
import { mulberry32 } from '../../engine/core/rng';
import { packedFrom } from '../../engine/datasets/formats/bitpack';
import { uploadDataset } from '../../engine/tensor/data/residentDataset';
import type { PackedSource } from '../../engine/tensor/kernels/residentDataset';
import { neuronScanFor, type ScanPath, type ScanSpec } from '../../engine/tensor/kernels/neuronScan';
import { kernelFor } from '../../engine/tensor/kernels/registry';
import { lossValue } from '../../engine/tensor/train/losses';
import { createOptimizer } from '../../engine/tensor/train/optimizer';
import { loadBenchDataset } from './benchData';
import type { TrainingWorkload } from './benchTiming';
import type { BenchData } from './benchTypes';
import { residentWorkload } from './residentWorkload';

const SIDE = 34;
const F = 2 * SIDE * SIDE;
/** The shipped split bench.md §3 asks for, and its T. */
export const NMNIST64_TRAIN = 'nmnist64-train';
const SHIPPED_T = 64;

export interface WorkloadBOptions {
  T: number;
  B: number;
  m: number;
  /** Resident samples: default the whole shipped split (1,000), or 4 batches of synthetic frames. */
  n?: number;
  path: ScanPath;
  /** 'nmnist64' (fail if it cannot be used), 'synthetic', or undefined (shipped when possible). */
  data?: BenchData;
}

export type WorkloadB = TrainingWorkload & { scanPath: ScanPath; data: string; N: number; dataNote: string };

/** Synthetic [n, ⌈T/8⌉, F] frames at density 0.05 (mulberry32(11)), labels n mod 10. */
function syntheticFrames(n: number, T: number): PackedSource {
  const rd = mulberry32(11);
  const packed = packedFrom(n, T, F, () => {
    let byte = 0;
    for (let k = 0; k < 8; k++) if (rd.uniform() < 0.05) byte |= 1 << k;
    return byte;
  });
  return { packed, labels: Uint8Array.from({ length: n }, (_, i) => i % 10), N: n, T, F };
}

/** The packed source the cell trains on, and how to report it. */
async function chooseData(o: WorkloadBOptions): Promise<{ source: PackedSource; data: string; note: string }> {
  const synthetic = (why: string) => {
    const n = o.n ?? o.B * 4;
    return { source: syntheticFrames(n, o.T), data: 'synthetic', note: `synthetic N-MNIST-shaped frames (density 0.05, N=${n}): ${why}` };
  };
  if (o.data !== undefined && o.data !== 'nmnist64' && o.data !== 'synthetic') {
    throw new SpikelabError('BENCH_BAD_OPTION', `Workload B's data "${String(o.data)}" is not one it knows.`, 'Use data nmnist64 (the shipped N-MNIST) or synthetic.');
  }
  if (o.data === 'synthetic') return synthetic('asked for (--data synthetic)');
  if (o.T !== SHIPPED_T) {
    if (o.data === 'nmnist64') {
      throw new SpikelabError('BENCH_BAD_OPTION', `${NMNIST64_TRAIN} has T = ${SHIPPED_T}; this cell asks for T = ${o.T}.`, `Use --T ${SHIPPED_T}, or --data synthetic for a shrunken cell.`);
    }
    return synthetic(`shrunken cell, T=${o.T} is not the ${SHIPPED_T} of ${NMNIST64_TRAIN}`);
  }
  let ds;
  try {
    ds = await loadBenchDataset(NMNIST64_TRAIN);
  } catch (error) {
    if (o.data === 'nmnist64') throw error;
    return synthetic(`${NMNIST64_TRAIN} could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
  if (ds.T !== SHIPPED_T || ds.featureShape.join('×') !== '2×34×34' || ds.packed.length !== ds.n * Math.ceil(ds.T / 8) * F) {
    throw new SpikelabError('BENCH_BAD_DATA', `${NMNIST64_TRAIN} holds [${ds.featureShape.join(', ')}] × T ${ds.T} in ${ds.packed.length} bytes; workload B reads [2, 34, 34] × T ${SHIPPED_T}, packed along time.`,
      'Rebuild the shipped datasets (npx tsx scripts/datasets/build.ts), or run with --data synthetic.');
  }
  const N = o.n ?? ds.n;
  if (!Number.isInteger(N) || N < o.B || N > ds.n) {
    throw new SpikelabError('BENCH_BAD_OPTION', `--n ${N} is not between the batch (${o.B}) and the ${ds.n} samples of ${NMNIST64_TRAIN}.`, `Leave --n out to use all ${ds.n}.`);
  }
  const bytes = N * Math.ceil(ds.T / 8) * F;
  return {
    source: { packed: ds.packed.subarray(0, bytes), labels: ds.labels.subarray(0, N), N, T: ds.T, F },
    data: NMNIST64_TRAIN,
    note: `${NMNIST64_TRAIN}: real N-MNIST, tonic ToFrame(n_time_bins=64) binarised, first N=${N} of ${ds.n} (bench.md §3 asks for 30,000)`,
  };
}

export async function workloadB(o: WorkloadBOptions): Promise<WorkloadB> {
  const chosen = await chooseData(o);
  // A backend without TF.js's conv2d gradient (wasm: no Conv2DBackpropFilter) registers its own.
  const conv = kernelFor('conv2d')?.([1, 1]) ?? ((x: tf.Tensor4D, w: tf.Tensor4D) => tf.conv2d(x, w, 1, 'valid'));
  const maxPool = kernelFor('pool2d')?.('max', [2, 2], [2, 2]) ?? ((x: tf.Tensor4D) => tf.maxPool(x, 2, 2, 'valid'));
  const r = mulberry32(42);
  const draw = (size: number, a: number) => Float32Array.from({ length: size }, () => (2 * r.uniform() - 1) * a);
  // Inside tidy, so the initial values die with it and only the variables stay.
  const variable = (make: () => tf.Tensor) => tf.tidy(() => tf.variable(make()));
  // Drawn OIHW row-major (bench.md §1.3), kept HWIO for tf.conv2d.
  const convWeight = (out: number, inp: number) => variable(() =>
    tf.transpose(tf.tensor4d(draw(out * inp * 25, 1.7321 / Math.sqrt(inp * 25)), [out, inp, 5, 5]), [2, 3, 1, 0]));
  const c1 = 12 * o.m;
  const c2 = 32 * o.m;
  const Wc1 = convWeight(c1, 2);
  const Wc2 = convWeight(c2, c1);
  const W3 = variable(() => tf.tensor2d(draw(800 * o.m * 10, 1.5235 / Math.sqrt(800 * o.m)), [800 * o.m, 10]));
  const betas = [0, 1, 2].map(() => variable(() => tf.scalar(0.5)));
  const N = chosen.source.N;
  const dataset = uploadDataset(chosen.source);
  const { scan, path } = neuronScanFor(o.path);
  const lif: ScanSpec = { output: 'spikes', synaptic: false, spikeFrom: 'pre', reset: 'subtract', detachReset: false, adaptive: false, surrogate: { name: 'superspike', slope: 25 } };
  const layer = (current: tf.Tensor, beta: tf.Variable, spec: ScanSpec) => {
    const [T, B, N] = current.shape;
    // β·1 rather than broadcastTo: TF.js differentiates broadcastTo (Tile) with one slice and add per neuron.
    const params = { beta: tf.mul(beta, tf.ones([N])), gainIn: tf.ones([N]), bias: tf.zeros([N]), threshold: tf.ones([N]), vReset: tf.zeros([N]) };
    return tf.reshape(scan(current, params, spec).out, [T * B, N]);
  };
  const optimizer = createOptimizer('adam', 2e-2);
  const TB = o.T * o.B;
  const forward = (x: tf.Tensor) => {
    const frames = tf.transpose(tf.reshape(x, [TB, 2, SIDE, SIDE]), [0, 2, 3, 1]) as tf.Tensor4D;
    const a1 = conv(frames, Wc1 as tf.Tensor4D); // [TB, 30, 30, c1]
    const s1 = tf.reshape(layer(tf.reshape(a1, [o.T, o.B, 30 * 30 * c1]), betas[0], lif), [TB, 30, 30, c1]) as tf.Tensor4D;
    const a2 = conv(maxPool(s1), Wc2 as tf.Tensor4D); // [TB, 11, 11, c2]
    const s2 = tf.reshape(layer(tf.reshape(a2, [o.T, o.B, 11 * 11 * c2]), betas[1], lif), [TB, 11, 11, c2]) as tf.Tensor4D;
    // Flatten in (c, h, w) order, as the spec's NCHW network does: [TB, 5, 5, c2] → [TB, c2, 5, 5].
    const flat = tf.reshape(tf.transpose(maxPool(s2), [0, 3, 1, 2]), [TB, 800 * o.m]);
    const i3 = tf.reshape(tf.matMul(flat, W3), [o.T, o.B, 10]);
    return tf.reshape(layer(i3, betas[2], { ...lif, output: 'membrane' }), [o.T, o.B, 10]);
  };
  const workload = residentWorkload({
    dataset, n: N, B: o.B, scanPath: path, optimizer, variables: [Wc1, Wc2, W3, ...betas],
    loss(x, y, lossBegins) {
      const readout = forward(x as tf.Tensor); // floats: no packedInput here
      lossBegins();
      return lossValue(readout, y, 'integral_ce', { smoothing: 0.3 });
    },
    disposeModel: () => tf.dispose([Wc1, Wc2, W3, ...betas]),
  });
  return { ...workload, data: chosen.data, N, dataNote: chosen.note };
}
