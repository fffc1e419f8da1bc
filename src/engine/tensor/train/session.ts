/**
 * A training session: a compiled program, its optimiser and the data, driven step by step
 * (BPTT through all T steps; Spikes Heaviside forward, surrogate backward). The caller decides
 * the pace: `step()` once (Step), `run()` until the epochs are done or the signal aborts (Play /
 * Pause / Stop: state is kept, so `run()` again resumes). Every step runs in tf.tidy and the
 * gradients are disposed, so memory stays flat. Batches follow a seeded permutation per epoch
 * (Fisher–Yates, mulberry32, seed + epoch) and drop the remainder (bench.md §1.9). Spike data
 * that comes packed is uploaded once (../data/residentDataset.ts) and each batch is gathered on the
 * device by the epoch's permutation, left as bits where the first layers read bits directly and
 * unpacked there otherwise; nothing but scalar metrics comes back. With `augment`, each training
 * sample is shifted in time / channel (../../train/augment.ts) as it is gathered.
 */
import * as tf from '@tensorflow/tfjs-core';
import { SpikelabError } from '../../core/errors';
import { permutation } from '../../core/rng';
import { sizeOf, type NirGraph } from '../../graph/types';
import { checkAugment, drawShifts, shiftBatch } from '../../train/augment';
import type { EpochMetrics, SimulationRecord, StepMetrics, TrainConfig, TrainingData } from '../../train/types';
import { uploadDataset, type ResidentDataset } from '../data/residentDataset';
import { Program, type PackedInput } from '../program/program';
import { correctCount, logitsOf, lossValue } from './losses';
import { clipByGlobalNorm, createOptimizer } from './optimizer';

export interface RunCallbacks {
  onStep?(metrics: StepMetrics): void;
  onEpoch?(metrics: EpochMetrics): void;
  signal?: AbortSignal;
}

function checkConfig(config: TrainConfig, data: TrainingData): void {
  const bad = (what: string, hint: string) => { throw new SpikelabError('TRAIN_BAD_CONFIG', what, hint); };
  if (!(config.dt > 0)) bad(`dt must be positive, got ${config.dt}.`, 'Use the data\'s step in the graph\'s time unit.');
  if (!Number.isInteger(config.batchSize) || config.batchSize < 1) bad(`Batch size must be a positive integer, got ${config.batchSize}.`, 'Try 32.');
  if (config.batchSize > data.n) bad(`Batch size ${config.batchSize} is larger than the ${data.n} training samples.`, `Use at most ${data.n}.`);
  if (!(config.lr > 0)) bad(`Learning rate must be positive, got ${config.lr}.`, 'Try 1e-3 with Adam.');
  if (!Number.isInteger(config.epochs) || config.epochs < 1) bad(`Epochs must be a positive integer, got ${config.epochs}.`, 'Try 1.');
  if (config.augment) checkAugment(config.augment, data.T, data.featureShape);
}

export class TrainingSession {
  readonly program: Program;
  readonly config: TrainConfig;
  private readonly train: TrainingData;
  private readonly test?: TrainingData;
  private readonly optimizer: tf.Optimizer;
  private epoch = 0;
  private stepInEpoch = 0;
  private order: Uint32Array;
  private readonly resident?: ResidentDataset;
  private orderOnDevice?: tf.Tensor1D;
  private stepsDone = 0;
  private epochLoss = 0;
  private epochCorrect = 0;
  private epochSamples = 0;
  private epochStarted = Date.now();

  constructor(graph: NirGraph, data: { train: TrainingData; test?: TrainingData }, config: TrainConfig) {
    checkConfig(config, data.train);
    this.program = new Program(graph, { dt: config.dt, surrogate: config.surrogate, detachReset: config.detachReset, path: config.path });
    const want = this.program.inputShape;
    const have = data.train.featureShape;
    const F = sizeOf(have);
    if (sizeOf(want) !== F) {
      this.program.dispose();
      throw new SpikelabError('DATA_SHAPE_MISMATCH', `The dataset gives [${have.join(', ')}] per step but the network's Input takes [${want.join(', ')}].`,
        'Pick a dataset whose shape fits the Input, or change the Input shape.');
    }
    const outSize = sizeOf(this.program.outputShape);
    if (outSize < data.train.classes) {
      this.program.dispose();
      throw new SpikelabError('DATA_SHAPE_MISMATCH', `The network has ${outSize} outputs but the dataset has ${data.train.classes} classes.`,
        `Give the last layer ${data.train.classes} neurons.`);
    }
    this.config = config;
    this.train = data.train;
    this.test = data.test;
    this.optimizer = createOptimizer(config.optimizer, config.lr);
    this.order = permutation(this.train.n, config.seed + this.epoch);
    const { packed } = data.train;
    if (packed && packed.length === data.train.n * Math.ceil(data.train.T / 8) * F) {
      this.resident = uploadDataset({ packed, labels: data.train.labels, N: data.train.n, T: data.train.T, F });
    }
  }

  /** Bytes the training split holds on the device (1 bit per step and feature), or 0 when batches come from the host. */
  get residentBytes(): number {
    return this.resident?.residentBytes ?? 0;
  }

  /**
   * The next training batch: from the resident dataset by the epoch's on-device permutation, left
   * as bits when the first layers multiply bits directly (nothing unpacked to float32), else
   * unpacked on the device; from the host when the data is not resident.
   */
  private trainBatch(indices: Uint32Array): { x: tf.Tensor | PackedInput; labels: tf.Tensor1D } {
    const { augment } = this.config;
    const moves = augment && (augment.timeShift > 0 || augment.channelShift > 0) ? drawShifts(indices.length, augment, this.config.seed, this.stepsDone) : undefined;
    if (!this.resident) return this.input(this.train, indices, moves);
    this.orderOnDevice ??= tf.tensor1d(Int32Array.from(this.order), 'int32');
    const B = indices.length;
    const resident = this.resident;
    const order = this.orderOnDevice;
    const offset = this.stepInEpoch * B;
    const shifts = () => (moves ? tf.tensor2d(moves, [B, 2], 'int32') : undefined);
    if (this.program.acceptsPackedInput && resident.packedBatch) {
      const { words, y } = tf.tidy(() => {
        const packed = resident.packedBatch!(order, offset, B, shifts());
        return { words: packed.words, y: packed.y };
      });
      return { x: { words, T: this.train.T, B, F: sizeOf(this.train.featureShape) }, labels: y };
    }
    return tf.tidy(() => {
      const { x, y } = resident.batch(order, offset, B, shifts());
      return { x: tf.reshape(x, [this.train.T, B, ...this.program.inputShape]), labels: y };
    });
  }

  get stepsPerEpoch(): number {
    return Math.floor(this.train.n / this.config.batchSize);
  }

  get totalSteps(): number {
    return this.stepsPerEpoch * this.config.epochs;
  }

  get finished(): boolean {
    return this.stepsDone >= this.totalSteps;
  }

  private input(data: TrainingData, indices: ArrayLike<number>, shifts?: Int32Array): { x: tf.Tensor; labels: tf.Tensor1D } {
    const B = indices.length;
    const values = data.batch(indices);
    const x = tf.tensor(shifts ? shiftBatch(values, data.T, B, sizeOf(data.featureShape), shifts) : values, [data.T, B, ...this.program.inputShape]);
    const labels = tf.tensor1d(Int32Array.from(indices, (i) => data.labels[i]), 'int32');
    return { x, labels };
  }

  /** One optimisation step on the next batch. */
  async step(): Promise<StepMetrics> {
    if (this.finished) throw new SpikelabError('TRAIN_FINISHED', 'Training has run all its epochs.', 'Reset to train again, or raise the number of epochs.');
    const started = performance.now();
    const B = this.config.batchSize;
    const indices = this.order.subarray(this.stepInEpoch * B, (this.stepInEpoch + 1) * B);
    const { x, labels } = this.trainBatch(indices);
    const spiking = this.program.neuronLayers().filter((l) => l.output === 'spikes').map((l) => l.name);
    let lossT: tf.Scalar | undefined;
    let correctT: tf.Scalar | undefined;
    let rateT: tf.Tensor | undefined;
    try {
      tf.tidy(() => {
        const { value, grads } = tf.variableGrads(() => {
          const { output, records } = this.program.forward(x, { record: spiking });
          const rates = spiking.map((n) => tf.mean(records[n].out));
          rateT = tf.keep(rates.length ? tf.stack(rates) : tf.zeros([0]));
          correctT = tf.keep(correctCount(output, labels, this.config.loss));
          let loss = lossValue(output, labels, this.config.loss, { smoothing: this.config.smoothing });
          if (this.config.rateReg && spiking.length) {
            const penalty = tf.addN(spiking.map((n) => tf.mean(tf.square(tf.mean(records[n].out, 0)))));
            loss = tf.add(loss, tf.mul(this.config.rateReg, penalty));
          }
          return loss;
        }, Object.values(this.program.variables).filter((v) => v.trainable));
        lossT = tf.keep(value);
        this.optimizer.applyGradients(this.config.clipNorm ? clipByGlobalNorm(grads, this.config.clipNorm) : grads);
      });
    } catch (error) {
      tf.dispose([lossT, correctT, rateT].filter((t): t is tf.Tensor => t !== undefined));
      throw error;
    } finally {
      tf.dispose([x instanceof tf.Tensor ? x : x.words, labels]); // also when the step throws: the batch is not kept
    }
    const [loss, correct, rates] = await Promise.all([lossT!.data(), correctT!.data(), rateT!.data()]);
    tf.dispose([lossT!, correctT!, rateT!]);
    if (!Number.isFinite(loss[0])) {
      throw new SpikelabError('TRAIN_DIVERGED', `The loss became ${loss[0]} at step ${this.stepsDone + 1}.`, 'Lower the learning rate or enable gradient clipping, then reset.');
    }
    this.stepsDone++;
    this.stepInEpoch++;
    this.epochLoss += loss[0] * B;
    this.epochCorrect += correct[0];
    this.epochSamples += B;
    const metrics: StepMetrics = {
      epoch: this.epoch,
      step: this.stepsDone,
      stepsPerEpoch: this.stepsPerEpoch,
      totalSteps: this.totalSteps,
      loss: loss[0],
      accuracy: correct[0] / B,
      samplesPerSec: (B * 1000) / Math.max(performance.now() - started, 1e-3),
      rates: Object.fromEntries(spiking.map((n, i) => [n, rates[i]])),
    };
    if (this.stepInEpoch >= this.stepsPerEpoch) metrics.epochDone = await this.finishEpoch();
    return metrics;
  }

  private async finishEpoch(): Promise<EpochMetrics> {
    const metrics: EpochMetrics = {
      epoch: this.epoch,
      trainLoss: this.epochLoss / Math.max(this.epochSamples, 1),
      trainAccuracy: this.epochCorrect / Math.max(this.epochSamples, 1),
      seconds: (Date.now() - this.epochStarted) / 1000,
    };
    if (this.test) {
      const { loss, accuracy } = await this.evaluate(this.test);
      metrics.testLoss = loss;
      metrics.testAccuracy = accuracy;
    }
    this.epoch++;
    this.stepInEpoch = 0;
    this.epochLoss = this.epochCorrect = this.epochSamples = 0;
    this.epochStarted = Date.now();
    this.order = permutation(this.train.n, this.config.seed + this.epoch);
    this.orderOnDevice?.dispose();
    this.orderOnDevice = undefined;
    return metrics;
  }

  /** Trains until all epochs are done or `signal` aborts; resumable. */
  async run(callbacks: RunCallbacks = {}): Promise<void> {
    while (!this.finished && !callbacks.signal?.aborted) {
      const metrics = await this.step();
      callbacks.onStep?.(metrics);
      if (metrics.epochDone) callbacks.onEpoch?.(metrics.epochDone);
    }
  }

  /** Mean loss and accuracy over a split, in batches (forward only). */
  async evaluate(data: TrainingData = this.test ?? this.train, batchSize = this.config.batchSize): Promise<{ loss: number; accuracy: number; n: number }> {
    let lossSum = 0;
    let correct = 0;
    for (let start = 0; start < data.n; start += batchSize) {
      const indices = Array.from({ length: Math.min(batchSize, data.n - start) }, (_, i) => start + i);
      const { x, labels } = this.input(data, indices);
      const [l, c] = tf.tidy(() => {
        const { output } = this.program.forward(x);
        return [tf.mul(lossValue(output, labels, this.config.loss, { smoothing: this.config.smoothing }), indices.length), correctCount(output, labels, this.config.loss)];
      });
      lossSum += (await l.data())[0];
      correct += (await c.data())[0];
      tf.dispose([x, labels, l, c]);
    }
    return { loss: lossSum / data.n, accuracy: correct / data.n, n: data.n };
  }

  /** Runs one sample and records every neuron population (spikes and membranes). */
  async simulate(index: number, split: 'train' | 'test' = 'train'): Promise<SimulationRecord> {
    return simulateSample(this.program, split === 'test' && this.test ? this.test : this.train, index, this.config.loss);
  }

  trainedGraph(): NirGraph {
    return this.program.trainedGraph();
  }

  dispose(): void {
    this.resident?.dispose();
    this.orderOnDevice?.dispose();
    this.optimizer.dispose();
    this.program.dispose();
  }
}

/** One sample through a program with every neuron population recorded. */
export async function simulateSample(program: Program, data: TrainingData, index: number, loss: TrainConfig['loss'] = 'integral_ce'): Promise<SimulationRecord> {
  if (!Number.isInteger(index) || index < 0 || index >= data.n) {
    throw new SpikelabError('DATA_BAD_INDEX', `Sample ${index} does not exist; the split has ${data.n}.`, `Pick 0 … ${data.n - 1}.`);
  }
  const input = data.batch([index]);
  const x = tf.tensor(input, [data.T, 1, ...program.inputShape]);
  const layers = program.neuronLayers();
  // Flat list for tf.tidy: logits, then (out, membrane) per layer; an empty tensor marks "none".
  const tensors = tf.tidy(() => {
    const result = program.forward(x, { record: 'all', recordMembrane: true });
    const list: tf.Tensor[] = [logitsOf(result.output, loss)];
    for (const layer of layers) {
      const rec = result.records[layer.name];
      list.push(rec?.out ?? tf.zeros([0]), rec?.membrane ?? (layer.output === 'membrane' && rec ? rec.out : tf.zeros([0])));
    }
    return list;
  });
  const [logits, ...perLayer] = tensors;
  const out: SimulationRecord = { T: data.T, label: data.labels[index], prediction: (await tf.argMax(logits, 1).data())[0], input, inputShape: [...program.inputShape], layers: [] };
  for (const [i, layer] of layers.entries()) {
    const [spikes, membrane] = [perLayer[2 * i], perLayer[2 * i + 1]];
    const entry: SimulationRecord['layers'][number] = { ...layer };
    if (layer.output === 'spikes' && spikes.size > 0) entry.spikes = Uint8Array.from(await spikes.data());
    if (membrane.size > 0) entry.membrane = (await membrane.data()) as Float32Array;
    out.layers.push(entry);
  }
  tf.dispose([x, ...tensors]);
  return out;
}
