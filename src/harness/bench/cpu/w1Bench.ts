/**
 * Workload W1 timed through the engine under Node (scripts/cpu-bench.ts bundles and runs this):
 * the NIR graph of ../../../engine/workloads/w1Graph.ts compiled by Program, one training step =
 * forward over all T, integral cross-entropy without smoothing, BPTT, Adam 1e-3 (variableGrads + applyGradients in
 * tf.tidy), ending with the loss read back. The batches are built once and stay resident (as
 * the PyTorch baseline's do), so a step times the network, not the data pipeline.
 * One result per (backend, path): the median of `steps` timed steps after `warmup`, and the loss
 * of every step, so the plain and fast paths can be checked to compute the same thing.
 * `benchW1Session` times the app's own loop instead (TrainingSession.step: the batch gathered
 * from per-sample spike storage, uploaded, then the same step, with firing rates read back).
 */
import * as tf from '@tensorflow/tfjs-core';
import { startNodeBackend } from '../../../engine/tensor/runtime/loaders.node';
import { Program } from '../../../engine/tensor/program/program';
import type { ScanPath } from '../../../engine/tensor/kernels/neuronScan';
import { lossValue } from '../../../engine/tensor/train/losses';
import { createOptimizer } from '../../../engine/tensor/train/optimizer';
import { TrainingSession } from '../../../engine/tensor/train/session';
import { mulberry32 } from '../../../engine/core/rng';
import { DEFAULT_TRAIN_CONFIG } from '../../../engine/train/defaults';
import type { TrainingData } from '../../../engine/train/types';
import { W1_CLASSES, W1_INPUTS, w1Graph } from '../../../engine/workloads/w1Graph';
import { w1Input } from './w1Input';

export interface W1BenchOptions {
  T: number;
  B: number;
  H: number;
  warmup: number;
  steps: number;
}

export interface W1BenchResult {
  workload: 'W1';
  backend: string;
  path: ScanPath;
  spikeMatMulLayers: string[];
  T: number;
  B: number;
  H: number;
  warmup: number;
  steps: number;
  msPerStep: number;
  msMin: number;
  msMax: number;
  /** Loss of every step, warm-up included (the same batches in the same order for every path). */
  losses: number[];
  /** Mean hidden firing rate in the first step (spikes per neuron per step). */
  hiddenRate: number;
}

const BATCHES = 2;

function median(times: number[]): { msPerStep: number; msMin: number; msMax: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return { msPerStep: sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2, msMin: sorted[0], msMax: sorted[sorted.length - 1] };
}

/** n samples of Bernoulli(0.02) spikes stored per sample as bytes [T·700]; batch() gathers [T, B, 700]. */
function spikeData(n: number, T: number): TrainingData {
  const r = mulberry32(11);
  const samples = Array.from({ length: n }, () => Uint8Array.from({ length: T * W1_INPUTS }, () => (r.uniform() < 0.02 ? 1 : 0)));
  return {
    n, T, featureShape: [W1_INPUTS], classes: W1_CLASSES, labels: Uint8Array.from({ length: n }, (_, i) => i % W1_CLASSES),
    batch(indices) {
      const B = indices.length;
      const out = new Float32Array(T * B * W1_INPUTS);
      for (let b = 0; b < B; b++) {
        const sample = samples[indices[b]];
        for (let t = 0; t < T; t++) out.set(sample.subarray(t * W1_INPUTS, (t + 1) * W1_INPUTS), (t * B + b) * W1_INPUTS);
      }
      return out;
    },
  };
}

export async function benchW1Session(backend: 'wasm' | 'cpu', path: ScanPath, o: W1BenchOptions): Promise<Omit<W1BenchResult, 'hiddenRate' | 'spikeMatMulLayers'> & { mode: 'session' }> {
  await startNodeBackend(backend);
  const data = spikeData(2 * o.B, o.T);
  const session = new TrainingSession(w1Graph({ H: o.H }), { train: data }, {
    ...DEFAULT_TRAIN_CONFIG, dt: 1, batchSize: o.B, epochs: 1000, lr: 1e-3, optimizer: 'adam', surrogate: { name: 'superspike', slope: 25 },
    loss: 'integral_ce', smoothing: 0, detachReset: true, path,
  });
  const losses: number[] = [];
  const times: number[] = [];
  try {
    for (let i = 0; i < o.warmup + o.steps; i++) {
      const started = performance.now();
      const metrics = await session.step();
      const ms = performance.now() - started;
      losses.push(metrics.loss);
      if (i >= o.warmup) times.push(ms);
    }
  } finally {
    session.dispose();
  }
  return { workload: 'W1', mode: 'session', backend, path, ...o, ...median(times), losses };
}

export async function benchW1(backend: 'wasm' | 'cpu', path: ScanPath, o: W1BenchOptions): Promise<W1BenchResult> {
  await startNodeBackend(backend);
  const program = new Program(w1Graph({ H: o.H }), { dt: 1, surrogate: { name: 'superspike', slope: 25 }, detachReset: true, path });
  const optimizer = createOptimizer('adam', 1e-3);
  const batches = Array.from({ length: BATCHES }, (_, i) => w1Input({ T: o.T, B: o.B, seed: 7 + i }));
  const variables = Object.values(program.variables).filter((v) => v.trainable);
  const losses: number[] = [];
  const times: number[] = [];
  let hiddenRate = NaN;
  try {
    for (let i = 0; i < o.warmup + o.steps; i++) {
      const { x, labels } = batches[i % BATCHES];
      const started = performance.now();
      let rate: tf.Tensor | undefined;
      const loss = tf.tidy(() => {
        const { value, grads } = tf.variableGrads(() => {
          const { output, records } = program.forward(x, { record: i === 0 ? ['lif'] : [] });
          if (i === 0) rate = tf.keep(tf.mean(records.lif.out));
          return lossValue(output, labels, 'integral_ce', { smoothing: 0 });
        }, variables);
        optimizer.applyGradients(grads);
        return value;
      });
      losses.push(loss.dataSync()[0]);
      const ms = performance.now() - started;
      loss.dispose();
      if (rate) {
        hiddenRate = rate.dataSync()[0];
        rate.dispose();
      }
      if (i >= o.warmup) times.push(ms);
    }
  } finally {
    optimizer.dispose();
    tf.dispose(batches.flatMap((b) => [b.x, b.labels]));
    program.dispose();
  }
  return { workload: 'W1', backend, path, spikeMatMulLayers: [...program.spikeMatMuls.keys()], ...o, ...median(times), losses, hiddenRate };
}
