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
 * With `microBatch`, a batch is computed in pieces whose gradients are summed before the one
 * update (./accumulate.ts, ./microBatches.ts), so a caller's `between` runs inside a long step and
 * a pause there abandons the step without changing the weights.
 * Each update uses the schedule's learning rate (../../train/schedule.ts) and decoupled weight
 * decay (./optimizer.ts). With a test split, the best test epoch is tracked (./bestWeights.ts):
 * early stopping ends the run after `earlyStop` epochs without a better one, and with `keepBest`
 * (the default) the run ends holding the best epoch's weights, so a saved graph is that epoch's.
 * On a GPU backend `run()` reads each step's figures a few steps late (`readbackLag`, the metrics
 * ring): step k + 1 (its gather included) is queued before step k's figures, one packed buffer
 * of them, are awaited, so the device queue never drains between steps. Every queued step is
 * reported, in order; Pause, an epoch's end and a step cut into micro-batches drain the ring
 * first, and steps slower than PIPELINE_MAX_STEP_MS run one at a time (a Pause waits for at most
 * readbackLag such steps).
 */
import * as tf from '@tensorflow/tfjs-core';
import { SpikelabError } from '../../core/errors';
import { permutation } from '../../core/rng';
import { sizeOf, type NirGraph } from '../../graph/types';
import { checkAugment, drawShifts, shiftBatch } from '../../train/augment';
import { TRAINING_DEFAULTS } from '../../train/defaults';
import { checkSchedule, learningRateAt } from '../../train/schedule';
import { writeBackParameters } from '../../compile/writeBack';
import { planFor, type Probes } from '../../train/probes';
import type { BestEpoch, EpochMetrics, EvaluationResult, SimulationRecord, StepMetrics, TaskProgress, TrainConfig, TrainingData } from '../../train/types';
import { uploadDataset } from '../data/residentDataset';
import type { ResidentDataset } from '../kernels/residentDataset';
import { Program, type PackedInput } from '../program/program';
import { GradientAccumulator, type StepFigures } from './accumulate';
import { BestWeights } from './bestWeights';
import { evaluateSplit, type EvaluationOptions } from './evaluation';
import { logitsOf } from './losses';
import { MicroBatchPlanner } from './microBatches';
import { clipByGlobalNorm, createOptimizer, decayWeights, type ScheduledOptimizer } from './optimizer';

export interface RunCallbacks {
  onStep?(metrics: StepMetrics): void;
  onEpoch?(metrics: EpochMetrics): void;
  signal?: AbortSignal;
  /**
   * Awaited between steps, between the micro-batches of a long step and between the batches of
   * an epoch's test evaluation: where a caller yields to its event loop, records a sample and
   * reports progress. The signal is checked right after it.
   */
  between?(progress: TaskProgress): Promise<void> | void;
}

function checkConfig(config: TrainConfig, data: TrainingData, hasTest: boolean): void {
  const bad = (what: string, hint: string) => { throw new SpikelabError('TRAIN_BAD_CONFIG', what, hint); };
  if (!(config.dt > 0)) bad(`dt must be positive, got ${config.dt}.`, 'Use the data\'s step in the graph\'s time unit.');
  if (!Number.isInteger(config.batchSize) || config.batchSize < 1) bad(`Batch size must be a positive integer, got ${config.batchSize}.`, 'Try 32.');
  if (config.batchSize > data.n) bad(`Batch size ${config.batchSize} is larger than the ${data.n} training samples.`, `Use at most ${data.n}.`);
  if (!(config.lr > 0)) bad(`Learning rate must be positive, got ${config.lr}.`, 'Try 1e-3 with Adam.');
  if (!Number.isInteger(config.epochs) || config.epochs < 1) bad(`Epochs must be a positive integer, got ${config.epochs}.`, 'Try 1.');
  if (config.augment) checkAugment(config.augment, data.T, data.featureShape);
  if (config.schedule) checkSchedule(config.schedule);
  const decay = config.weightDecay ?? 0;
  if (!(decay >= 0 && decay * config.lr < 1)) bad(`Weight decay must be 0 or more with lr·λ below 1, got λ = ${decay}.`, 'Try 1e-4; 0 turns it off.');
  const patience = config.earlyStop ?? 0;
  if (!Number.isInteger(patience) || patience < 0) bad(`Early-stopping patience must be a whole number of epochs, got ${patience}.`, '0 turns it off; try 3.');
  if (patience > 0 && !hasTest) bad('Early stopping watches the test accuracy, but this run has no test split.', 'Pick a dataset with a test split, or set the patience to 0.');
  const micro = config.microBatch;
  if (micro !== undefined && micro !== 'auto' && (!Number.isInteger(micro) || micro < 1)) bad(`The micro-batch size must be a positive integer or 'auto', got ${micro}.`, 'Leave it out to compute each batch in one pass.');
}

/** Parameter values on the host, keyed as the program's variables, after `step` finished steps. */
export interface ParameterSnapshot {
  step: number;
  values: Record<string, Float32Array>;
}

/** Steps whose figures a GPU backend's `run()` lets stay in flight (the depth of the metrics ring). */
export const GPU_READBACK_LAG = 2;
/**
 * Steps slower than this (ms) run one at a time: the round trip a ring hides (~1 ms) is noise
 * next to them, and steps in flight would delay a Pause by their length.
 */
export const PIPELINE_MAX_STEP_MS = 100;

export interface SessionOptions {
  /**
   * How many steps `run()` may queue before it awaits the oldest one's figures: 0 reads each
   * step's figures before the next is queued. Default: GPU_READBACK_LAG on webgpu and webgl,
   * whose commands run asynchronously; 0 on the CPU backends, whose ops finish as they are called.
   */
  readbackLag?: number;
  /** Steps pipeline only while the last one took less than this (ms); default PIPELINE_MAX_STEP_MS. */
  pipelineMaxStepMs?: number;
}

/** A step whose update is queued and whose figures are on their way back. */
interface QueuedStep {
  number: number;
  started: number;
  lr: number;
  pieces: number[];
  lastPieceStarted: number;
  figures: Promise<StepFigures>;
}

export class TrainingSession {
  readonly program: Program;
  readonly config: TrainConfig;
  private readonly train: TrainingData;
  private readonly test?: TrainingData;
  private readonly optimizer: ScheduledOptimizer;
  private readonly bestWeights: BestWeights;
  private epoch = 0;
  private stepInEpoch = 0;
  private order: Uint32Array;
  private readonly resident?: ResidentDataset;
  private orderOnDevice?: tf.Tensor1D;
  /** Steps whose figures have been read (reported). */
  private stepsDone = 0;
  /** Steps queued (their updates applied or on their way): the weights' step. Ahead of stepsDone only inside `run()`. */
  private stepsQueued = 0;
  private queuedInEpoch = 0;
  private lastReportedAt = 0;
  /** How long the last reported step took (ms), from its start or the previous report. */
  private lastStepMs = Infinity;
  private readonly readbackLag: number;
  private readonly pipelineMaxStepMs: number;
  private epochLoss = 0;
  private epochCorrect = 0;
  private epochSamples = 0;
  private epochStarted = Date.now();
  private epochBudget: number;
  /** Set between the last step of an epoch and the end of its test evaluation. */
  private pendingEpoch?: EpochMetrics;
  private readonly planner: MicroBatchPlanner;

  constructor(graph: NirGraph, data: { train: TrainingData; test?: TrainingData }, config: TrainConfig, options: SessionOptions = {}) {
    checkConfig(config, data.train, data.test !== undefined);
    this.readbackLag = Math.max(0, Math.floor(options.readbackLag ?? (['webgpu', 'webgl'].includes(tf.getBackend()) ? GPU_READBACK_LAG : 0)));
    this.pipelineMaxStepMs = options.pipelineMaxStepMs ?? PIPELINE_MAX_STEP_MS;
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
    this.epochBudget = config.epochs;
    this.planner = new MicroBatchPlanner(config.microBatch);
    this.train = data.train;
    this.test = data.test;
    this.optimizer = createOptimizer(config.optimizer, config.lr);
    this.bestWeights = new BestWeights(this.program.variables, config.keepBest ?? TRAINING_DEFAULTS.keepBest, config.earlyStop ?? 0);
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
   * Samples `offset … offset + n` of this step's batch: from the resident dataset by the epoch's
   * on-device permutation, left as bits when the first layers multiply bits directly (nothing
   * unpacked to float32), else unpacked on the device; from the host when the data is not
   * resident. `moves` are these samples' shifts.
   */
  private trainBatch(indices: Uint32Array, offset: number, moves?: Int32Array): { x: tf.Tensor | PackedInput; labels: tf.Tensor1D } {
    if (!this.resident) return this.input(this.train, indices, moves);
    this.orderOnDevice ??= tf.tensor1d(Int32Array.from(this.order), 'int32');
    const B = indices.length;
    const resident = this.resident;
    const order = this.orderOnDevice;
    const start = this.queuedInEpoch * this.config.batchSize + offset;
    const shifts = () => (moves ? tf.tensor2d(moves, [B, 2], 'int32') : undefined);
    if (this.program.acceptsPackedInput && resident.packedBatch) {
      const { words, y } = tf.tidy(() => {
        const packed = resident.packedBatch!(order, start, B, shifts());
        return { words: packed.words, y: packed.y };
      });
      return { x: { words, T: this.train.T, B, F: sizeOf(this.train.featureShape) }, labels: y };
    }
    return tf.tidy(() => {
      const { x, y } = resident.batch(order, start, B, shifts());
      return { x: tf.reshape(x, [this.train.T, B, ...this.program.inputShape]), labels: y };
    });
  }

  get stepsPerEpoch(): number {
    return Math.floor(this.train.n / this.config.batchSize);
  }

  get totalSteps(): number {
    return this.stepsPerEpoch * this.epochBudget;
  }

  /** Steps done since the start. */
  get stepsTaken(): number {
    return this.stepsDone;
  }

  /** Steps whose updates are queued but whose figures are not reported yet (0 outside `run()`). */
  get stepsInFlight(): number {
    return this.stepsQueued - this.stepsDone;
  }

  /** All steps of the budget done (or early stopping ended the run) and the last epoch closed (its test split evaluated). */
  get finished(): boolean {
    return (this.stepsDone >= this.totalSteps || this.bestWeights.stoppedEarly) && !this.pendingEpoch;
  }

  /** The best test epoch so far (none without a test split). */
  get bestEpoch(): BestEpoch | undefined {
    return this.bestWeights.best;
  }

  /** Whether early stopping ended the run. */
  get stoppedEarly(): boolean {
    return this.bestWeights.stoppedEarly;
  }

  /** The schedule's learning rate for the next step. */
  get learningRate(): number {
    return learningRateAt(this.config.schedule ?? TRAINING_DEFAULTS.schedule, this.config.lr,
      { step: this.stepsQueued, stepsPerEpoch: this.stepsPerEpoch, totalSteps: this.totalSteps });
  }

  /**
   * Puts the best test epoch's weights back (when kept: keepBest and a test split) and returns
   * that epoch. A run that ends does so itself; a caller that stops one early (the CLI's --steps)
   * may call it.
   */
  restoreBest(): BestEpoch | undefined {
    return this.bestWeights.restore();
  }

  private input(data: TrainingData, indices: ArrayLike<number>, shifts?: Int32Array): { x: tf.Tensor; labels: tf.Tensor1D } {
    const B = indices.length;
    const values = data.batch(indices);
    const x = tf.tensor(shifts ? shiftBatch(values, data.T, B, sizeOf(data.featureShape), shifts) : values, [data.T, B, ...this.program.inputShape]);
    const labels = tf.tensor1d(Int32Array.from(indices, (i) => data.labels[i]), 'int32');
    return { x, labels };
  }

  /** One optimisation step on the next batch (all of it: no signal can stop it halfway). */
  async step(callbacks: Omit<RunCallbacks, 'signal'> = {}): Promise<StepMetrics> {
    if (this.finished) throw new SpikelabError('TRAIN_FINISHED', 'Training has run all its epochs.', 'Reset to train again, or raise the number of epochs.');
    const metrics = await this.trainStep(callbacks);
    if (!metrics) throw new SpikelabError('TRAIN_FINISHED', 'Training has run all its epochs.', 'Reset to train again, or raise the number of epochs.');
    return metrics;
  }

  /**
   * One optimisation step, in micro-batches when the config asks (./microBatches.ts), with
   * `between` awaited after each piece but the last. Returns null when `signal` aborts before the
   * update: the partial gradients are dropped, the weights stay those of the last finished step,
   * and the next call redoes the same batch (same samples, same shifts). An epoch left open by an
   * aborted test evaluation is closed first (its metrics go to `onEpoch`).
   */
  async trainStep(callbacks: RunCallbacks = {}): Promise<StepMetrics | null> {
    if (this.pendingEpoch) {
      const closed = await this.closeEpoch(callbacks);
      if (!closed) return null;
      callbacks.onEpoch?.(closed);
    }
    if (this.finished || callbacks.signal?.aborted) return null;
    const queued = await this.queueStep(callbacks);
    return queued && this.completeStep(queued, callbacks);
  }

  /**
   * Computes the next batch's gradients and queues the update; its figures are read back later
   * (completeStep). Null when `signal` aborts between micro-batches (nothing applied).
   */
  private async queueStep(callbacks: RunCallbacks): Promise<QueuedStep | null> {
    const started = performance.now();
    const B = this.config.batchSize;
    const number = this.stepsQueued + 1;
    const indices = this.order.subarray(this.queuedInEpoch * B, (this.queuedInEpoch + 1) * B);
    const moves = this.shiftsFor(B);
    const sums = new GradientAccumulator(this.program, this.config, this.spikingLayers());
    try {
      const pieces: number[] = [];
      let lastPieceStarted = started;
      for (let offset = 0; offset < B; offset += pieces[pieces.length - 1]) {
        const size = this.planner.nextPiece(B, B - offset);
        pieces.push(size);
        const pieceStarted = performance.now();
        const piece = this.trainBatch(indices.subarray(offset, offset + size), offset, moves?.subarray(2 * offset, 2 * (offset + size)));
        try {
          sums.add(piece, size / B);
        } finally {
          tf.dispose([piece.x instanceof tf.Tensor ? piece.x : piece.x.words, piece.labels]); // also when the piece throws
        }
        lastPieceStarted = pieceStarted;
        if (offset + size < B) {
          await sums.lossSoFar!.data(); // the piece is done: its time is real, and a pause can be served
          this.planner.observe(size, performance.now() - pieceStarted);
          const total = pieces.length + Math.ceil((B - offset - size) / Math.max(1, this.planner.nextPiece(B, B - offset - size)));
          await callbacks.between?.({ phase: 'training', step: number, done: pieces.length, total });
          if (callbacks.signal?.aborted) return null;
        }
      }
      const lr = this.learningRate;
      this.optimizer.setLearningRate(lr);
      decayWeights(this.program.variables, lr, this.config.weightDecay ?? 0);
      sums.apply(this.optimizer, (g) => clipByGlobalNorm(g, this.config.clipNorm!));
      const figures = sums.readFigures(); // the step's one read-back, started now, awaited in completeStep
      this.stepsQueued++;
      this.queuedInEpoch++;
      return { number, started, lr, pieces, lastPieceStarted, figures };
    } finally {
      sums.dispose();
    }
  }

  /** Waits for a queued step's figures, counts it, and closes the epoch it ends. */
  private async completeStep(queued: QueuedStep, callbacks: RunCallbacks): Promise<StepMetrics> {
    const { loss, correct, rates } = await queued.figures; // the last piece is timed by it
    const now = performance.now();
    const { pieces } = queued;
    this.planner.observe(pieces[pieces.length - 1], now - queued.lastPieceStarted);
    if (!Number.isFinite(loss)) {
      throw new SpikelabError('TRAIN_DIVERGED', `The loss became ${loss} at step ${queued.number}.`, 'Lower the learning rate or enable gradient clipping, then reset.');
    }
    const B = this.config.batchSize;
    // In a pipelined run a step's time is the interval since the previous report (they overlap).
    const stepMs = now - Math.max(queued.started, this.lastReportedAt);
    this.lastStepMs = stepMs;
    this.stepsDone++;
    this.stepInEpoch++;
    this.epochLoss += loss * B;
    this.epochCorrect += correct;
    this.epochSamples += B;
    const metrics: StepMetrics = {
      epoch: this.epoch,
      step: this.stepsDone,
      stepsPerEpoch: this.stepsPerEpoch,
      totalSteps: this.totalSteps,
      loss,
      accuracy: correct / B,
      samplesPerSec: (B * 1000) / Math.max(stepMs, 1e-3),
      lr: queued.lr,
      rates: Object.fromEntries(this.spikingLayers().map((n, i) => [n, rates[i]])),
    };
    this.lastReportedAt = now;
    if (pieces.length > 1) metrics.microBatches = pieces.length;
    if (this.stepInEpoch >= this.stepsPerEpoch) {
      this.pendingEpoch = this.trainFigures();
      const closed = await this.closeEpoch(callbacks);
      if (closed) metrics.epochDone = closed;
    }
    return metrics;
  }

  private spikingLayers(): string[] {
    return this.program.neuronLayers().filter((l) => l.output === 'spikes').map((l) => l.name);
  }

  /** This step's shifts [B, 2] (Δt, Δf per sample), drawn from the seed and the step number, or none. */
  private shiftsFor(B: number): Int32Array | undefined {
    const { augment } = this.config;
    return augment && (augment.timeShift > 0 || augment.channelShift > 0) ? drawShifts(B, augment, this.config.seed, this.stepsQueued) : undefined;
  }

  private trainFigures(): EpochMetrics {
    return {
      epoch: this.epoch,
      seed: this.config.seed,
      trainLoss: this.epochLoss / Math.max(this.epochSamples, 1),
      trainAccuracy: this.epochCorrect / Math.max(this.epochSamples, 1),
      seconds: (Date.now() - this.epochStarted) / 1000,
    };
  }

  /** Evaluates the test split for the open epoch and moves on to the next; null (epoch left open) if aborted. */
  private async closeEpoch(callbacks: RunCallbacks): Promise<EpochMetrics | null> {
    const metrics = { ...this.pendingEpoch! };
    if (this.test) {
      const result = await evaluateSplit(this.program, this.test, this.config,
        { batchSize: this.config.batchSize, phase: 'testing', signal: callbacks.signal, between: callbacks.between });
      if (!result) return null;
      this.bestWeights.observe(Object.assign(metrics, { testLoss: result.loss, testAccuracy: result.accuracy }));
    }
    this.pendingEpoch = undefined;
    this.epoch++;
    this.stepInEpoch = this.queuedInEpoch = 0;
    this.epochLoss = this.epochCorrect = this.epochSamples = 0;
    this.epochStarted = Date.now();
    this.order = permutation(this.train.n, this.config.seed + this.epoch);
    this.orderOnDevice?.dispose();
    this.orderOnDevice = undefined;
    if (this.finished) this.restoreBest();
    return metrics;
  }

  /**
   * Trains until all epochs are done or `signal` aborts; resumable. `between` is awaited after
   * every step and inside long ones, so a caller can yield to its event loop there. With a
   * readback lag L, up to L + 1 steps are queued before the oldest one's figures are awaited;
   * a step is reported (onStep, then between) as its figures arrive. The ring is drained, all
   * queued steps reported, before the run returns, before an epoch's test evaluation and before
   * a step cut into micro-batches; a step that throws (a loss that diverged) drops the figures
   * still in flight.
   */
  async run(callbacks: RunCallbacks = {}): Promise<void> {
    const inFlight: QueuedStep[] = [];
    const report = async (metrics: StepMetrics) => {
      callbacks.onStep?.(metrics);
      if (metrics.epochDone) callbacks.onEpoch?.(metrics.epochDone);
      await callbacks.between?.({ phase: 'training', step: metrics.step, done: metrics.microBatches ?? 1, total: metrics.microBatches ?? 1 });
    };
    try {
      while (!this.finished && !callbacks.signal?.aborted) {
        if (!this.pipelined()) {
          const metrics = await this.trainStep(callbacks);
          if (metrics) await report(metrics); // else aborted (the loop ends) or an open epoch was closed
          continue;
        }
        const queued = await this.queueStep(callbacks);
        if (queued) inFlight.push(queued);
        while (inFlight.length > this.readbackLag || (inFlight.length > 0 && !this.pipelined())) {
          await report(await this.completeStep(inFlight.shift()!, callbacks));
          if (callbacks.signal?.aborted) break;
        }
      }
      while (inFlight.length > 0) await report(await this.completeStep(inFlight.shift()!, callbacks));
    } finally {
      for (const step of inFlight) step.figures.catch(() => {}); // dropped after a throw: never awaited
    }
  }

  /** Whether `run()` may queue the next step while earlier ones' figures are in flight. */
  private pipelined(): boolean {
    const B = this.config.batchSize;
    return this.readbackLag > 0 && this.lastStepMs < this.pipelineMaxStepMs && !this.pendingEpoch && this.stepsQueued < this.totalSteps && !this.bestWeights.stoppedEarly
      && this.queuedInEpoch < this.stepsPerEpoch && this.planner.nextPiece(B, B) === B;
  }

  /** Adds `epochs` more epochs to the budget (Continue after Done): weights, optimiser state and counters are kept. */
  extend(epochs: number): void {
    if (!Number.isInteger(epochs) || epochs < 1) throw new SpikelabError('TRAIN_BAD_CONFIG', `Epochs must be a positive integer, got ${epochs}.`, 'Try 1.');
    this.epochBudget += epochs;
    this.bestWeights.extend(this.epoch - 1);
  }

  /**
   * Mean loss, accuracy and confusion counts over a split, in batches (forward only). With a
   * signal that aborts, it stops between batches with RUN_STOPPED.
   */
  async evaluate(data: TrainingData = this.test ?? this.train, batchSize = this.config.batchSize, options: Omit<EvaluationOptions, 'batchSize'> = {}): Promise<EvaluationResult> {
    const result = await evaluateSplit(this.program, data, this.config, { ...options, batchSize });
    if (!result) throw new SpikelabError('RUN_STOPPED', 'The evaluation was stopped before the end of the split.', 'Press Evaluate to run it again.');
    return result;
  }

  /** Runs one sample and records every neuron population (spikes and membranes), or what `probes` ask for. */
  async simulate(index: number, split: 'train' | 'test' = 'train', probes?: Probes): Promise<SimulationRecord> {
    return simulateSample(this.program, split === 'test' && this.test ? this.test : this.train, index, this.config.loss, probes);
  }

  /** The graph with the current parameters written back (or those of `snapshot`, read earlier). */
  trainedGraph(snapshot?: ParameterSnapshot): NirGraph {
    return snapshot ? writeBackParameters(this.program.graph, snapshot.values, this.program.dt) : this.program.trainedGraph();
  }

  /**
   * The parameters as host arrays, read without blocking (data(), not dataSync()): a checkpoint
   * that survives the loss of the device they live on.
   */
  async snapshot(): Promise<ParameterSnapshot> {
    const step = this.stepsQueued; // the weights' step: the read waits for every queued update
    const entries = Object.entries(this.program.variables);
    const arrays = await Promise.all(entries.map(([, v]) => v.data()));
    return { step, values: Object.fromEntries(entries.map(([key], i) => [key, Float32Array.from(arrays[i] as Float32Array)])) };
  }

  /**
   * Continues the schedule at step `steps` (a session rebuilt from a checkpoint): the epoch, the
   * position in its permutation and the step count; the optimiser's moments start afresh.
   */
  resumeAt(steps: number): void {
    if (this.stepsDone !== 0 || steps <= 0) return;
    this.stepsDone = this.stepsQueued = Math.min(steps, this.totalSteps);
    this.epoch = Math.floor(this.stepsDone / this.stepsPerEpoch);
    this.stepInEpoch = this.queuedInEpoch = this.stepsDone % this.stepsPerEpoch;
    this.order = permutation(this.train.n, this.config.seed + this.epoch);
    this.orderOnDevice?.dispose();
    this.orderOnDevice = undefined;
  }

  dispose(): void {
    this.resident?.dispose();
    this.orderOnDevice?.dispose();
    this.optimizer.dispose();
    this.bestWeights.dispose();
    this.program.dispose();
  }
}

/**
 * One sample through a program with every neuron population recorded, or, with `probes`
 * (../../train/probes.ts), only what they ask for: a population's spikes and/or membrane, of the
 * neurons they select (gathered on the device, so nothing else is downloaded). Every spiking
 * population also reports its spike total over all its neurons.
 */
export async function simulateSample(program: Program, data: TrainingData, index: number, loss: TrainConfig['loss'] = TRAINING_DEFAULTS.loss, probes?: Probes): Promise<SimulationRecord> {
  if (!Number.isInteger(index) || index < 0 || index >= data.n) {
    throw new SpikelabError('DATA_BAD_INDEX', `Sample ${index} does not exist; the split has ${data.n}.`, `Pick 0 … ${data.n - 1}.`);
  }
  const input = data.batch([index]);
  const x = tf.tensor(input, [data.T, 1, ...program.inputShape]);
  const layers = program.neuronLayers();
  const plans = layers.map((layer) => planFor(probes, layer.name, layer.size));
  // Spiking layers are always recorded on the device (for their spike totals); membranes only where asked.
  const wanted = layers.filter((layer, i) => layer.output === 'spikes' || plans[i].membrane).map((layer) => layer.name);
  const empty = () => tf.zeros([0]);
  // Flat list for tf.tidy: logits, then (spikes, membrane, spike total) per layer; an empty tensor marks "none".
  const tensors = tf.tidy(() => {
    const result = program.forward(x, { record: probes ? wanted : 'all', recordMembrane: !probes || plans.some((p) => p.membrane) });
    const list: tf.Tensor[] = [logitsOf(result.output, loss, program.readoutScale)];
    for (const [i, layer] of layers.entries()) {
      const rec = result.records[layer.name];
      const plan = plans[i];
      const kept = (t: tf.Tensor | undefined) => {
        if (!t) return empty();
        const rows = tf.reshape(t, [data.T, layer.size]);
        return plan.neurons ? tf.gather(rows, tf.tensor1d(Int32Array.from(plan.neurons), 'int32'), 1) : rows;
      };
      const spikes = layer.output === 'spikes' ? rec?.out : undefined;
      const membrane = rec?.membrane ?? (layer.output === 'membrane' ? rec?.out : undefined);
      list.push(plan.spikes ? kept(spikes) : empty(), plan.membrane ? kept(membrane) : empty(), spikes ? tf.sum(spikes) : empty());
    }
    return list;
  });
  const [logits, ...perLayer] = tensors;
  const out: SimulationRecord = { T: data.T, label: data.labels[index], prediction: (await tf.argMax(logits, 1).data())[0], input, inputShape: [...program.inputShape], layers: [] };
  for (const [i, layer] of layers.entries()) {
    const [spikes, membrane, total] = [perLayer[3 * i], perLayer[3 * i + 1], perLayer[3 * i + 2]];
    const entry: SimulationRecord['layers'][number] = { ...layer };
    if (layer.output === 'spikes' && spikes.size > 0) entry.spikes = Uint8Array.from(await spikes.data());
    if (membrane.size > 0) entry.membrane = (await membrane.data()) as Float32Array;
    if ((entry.spikes || entry.membrane) && plans[i].neurons) entry.neurons = plans[i].neurons!;
    if (total.size > 0) entry.spikeTotal = Math.round((await total.data())[0]);
    out.layers.push(entry);
  }
  tf.dispose([x, ...tensors]);
  return out;
}
