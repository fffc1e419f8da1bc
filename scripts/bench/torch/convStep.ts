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
import { timeSteps, type StepTimes } from './stepTimes';

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

export interface ConvStepResult extends StepTimes {
  impl: string;
  net: ConvNet;
  backend: string;
  T: number;
  B: number;
  warmup: number;
  steps: number;
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
  const times = await timeSteps(await convWorkload(root, o), o.warmup, o.steps);
  return { impl: `spikelab (${backend} fast path)`, net: o.net, backend, T: o.T, B: o.B, warmup: o.warmup, steps: o.steps, ...times };
}
