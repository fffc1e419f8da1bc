/**
 * Spikelab's side of the conv-net comparison (./convSideBySide.ts bundles this and runs it
 * interleaved with ./nmnist_conv.py): ms per training step of one of two networks on the shipped
 * N-MNIST frames (public/datasets/nmnist64-train, resident bit-packed, each batch gathered and
 * unpacked inside the step), on the wasm or cpu backend's fast path:
 *   B         bench workload B at m = 1 (src/harness/bench/benchWorkloadB.ts)
 *   template  the lab's N-MNIST conv net (src/engine/graph/templates.ts nmnistConvNet) compiled by
 *             Program at dt = 1 ms, SuperSpike k = 25, reset detached, mean_membrane_ce with
 *             label smoothing 0.3, Adam 1e-2 (the app's defaults)
 * A step is forward over all T, loss, BPTT, Adam, ending with the loss read back.
 */
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs-core';
import { fileFetcher } from '../../../src/engine/datasets/fetchersNode';
import { zlibGunzip } from '../../../src/engine/datasets/formats/gzipNode';
import { nmnistConvNet, TEMPLATE_DT } from '../../../src/engine/graph/templates';
import { uploadDataset } from '../../../src/engine/tensor/data/residentDataset';
import { reshapeUntaped } from '../../../src/engine/tensor/kernels/plain/reshape';
import { Program } from '../../../src/engine/tensor/program/program';
import { startNodeBackend } from '../../../src/engine/tensor/runtime/loaders.node';
import { lossValue } from '../../../src/engine/tensor/train/losses';
import { createOptimizer } from '../../../src/engine/tensor/train/optimizer';
import { loadBenchDataset, setBenchDataSource } from '../../../src/harness/bench/benchData';
import type { TrainingWorkload } from '../../../src/harness/bench/benchTiming';
import { NMNIST64_TRAIN, workloadB } from '../../../src/harness/bench/benchWorkloadB';
import { residentWorkload } from '../../../src/harness/bench/residentWorkload';

export type ConvNet = 'B' | 'template';

export interface ConvStepOptions {
  net: ConvNet;
  T: number;
  B: number;
  warmup: number;
  steps: number;
  /** Resident samples (default 8 batches). */
  n?: number;
}

export interface ConvStepResult {
  impl: string;
  net: ConvNet;
  backend: string;
  T: number;
  B: number;
  warmup: number;
  steps: number;
  ms_per_step: number;
  ms_min: number;
  ms_max: number;
  losses: number[];
}

async function templateWorkload(o: ConvStepOptions, n: number): Promise<TrainingWorkload> {
  const ds = await loadBenchDataset(NMNIST64_TRAIN);
  const F = 2 * 34 * 34;
  const bytes = n * Math.ceil(ds.T / 8) * F;
  const dataset = uploadDataset({ packed: ds.packed.subarray(0, bytes), labels: ds.labels.subarray(0, n), N: n, T: ds.T, F });
  const program = new Program(nmnistConvNet(), { dt: TEMPLATE_DT, surrogate: { name: 'superspike', slope: 25 }, detachReset: true, path: 'fused' });
  const variables = Object.values(program.variables).filter((v) => v.trainable);
  return residentWorkload({
    dataset, n, B: o.B, scanPath: 'fused', optimizer: createOptimizer('adam', 1e-2), variables,
    loss: (x, y) => lossValue(program.forward(reshapeUntaped(x as tf.Tensor, [o.T, o.B, 2, 34, 34])).output, y, 'mean_membrane_ce', { smoothing: 0.3, readoutScale: program.readoutScale }),
    disposeModel: () => program.dispose(),
  });
}

/** The network's training step on the active backend, the data read from root/public/datasets. */
export async function convWorkload(root: string, o: ConvStepOptions): Promise<TrainingWorkload> {
  setBenchDataSource({ fetchBytes: fileFetcher(join(root, 'public', 'datasets')), codec: zlibGunzip });
  const n = o.n ?? 8 * o.B;
  return o.net === 'B' ? workloadB({ T: o.T, B: o.B, m: 1, n, path: 'fused', data: 'nmnist64' }) : templateWorkload(o, n);
}

export async function benchConvStep(backend: 'wasm' | 'cpu', root: string, o: ConvStepOptions): Promise<ConvStepResult> {
  await startNodeBackend(backend);
  const w = await convWorkload(root, o);
  const times: number[] = [];
  const losses: number[] = [];
  try {
    for (let i = 0; i < o.warmup + o.steps; i++) {
      if (i > 0 && i % w.stepsPerEpoch === 0) w.shuffle(i / w.stepsPerEpoch);
      const started = performance.now();
      const loss = w.step(i % w.stepsPerEpoch, () => {});
      const value = (await loss.data())[0];
      const ms = performance.now() - started;
      loss.dispose();
      losses.push(Number(value.toFixed(6)));
      if (i >= o.warmup) times.push(ms);
    }
  } finally {
    w.dispose();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const round1 = (v: number) => Math.round(v * 10) / 10;
  return {
    impl: `spikelab (${backend} fast path)`, net: o.net, backend, T: o.T, B: o.B, warmup: o.warmup, steps: o.steps,
    ms_per_step: round1(median), ms_min: round1(sorted[0]), ms_max: round1(sorted[sorted.length - 1]), losses,
  };
}
