/**
 * Training and simulation as plain data (what crosses the worker boundary and prints in the
 * CLI). The tensor side lives in src/engine/tensor/train/; the defaults in ./defaults.ts, the
 * losses in ./losses/.
 */
import type { SurrogateSpec } from '../surrogates/types';
import type { ShiftAugment } from './augment';
import type { LossName } from './losses/index';
import type { LrSchedule } from './schedule';

export type OptimizerName = 'adam' | 'sgd';

export interface TrainConfig {
  /** Step in the graph's time unit (1 for step-based files, 0.001 for 1 ms in seconds). */
  dt: number;
  batchSize: number;
  epochs: number;
  lr: number;
  optimizer: OptimizerName;
  surrogate: SurrogateSpec;
  loss: LossName;
  /** Label smoothing s of the target (./losses/); absent: the loss's own (cross-entropies 0.3, as Spyx; the spike-rate MSE 0). */
  smoothing?: number;
  seed: number;
  /** Learning-rate schedule over the run's steps (./schedule.ts); constant when absent. */
  schedule?: LrSchedule;
  /** Decoupled weight decay λ on the weights ("…/weight" variables): w ← w·(1 − lr_s·λ) before each update; none when absent or 0. */
  weightDecay?: number;
  /** Early stopping: end the run after this many epochs without a better test accuracy (needs a test split); never when absent or 0. */
  earlyStop?: number;
  /**
   * Keep the best epoch's weights: snapshot the variables at each new best test accuracy and put
   * them back when the run ends (all epochs done or stopped early). Default on; needs a test split.
   */
  keepBest?: boolean;
  /** Clip the global gradient norm to this value (none when absent). */
  clipNorm?: number;
  /** Weight of the firing-rate penalty λ·Σ_layers mean(rate²) (none when absent). */
  rateReg?: number;
  /** Detach the reset from the gradient (snnTorch default); Spyx keeps it. */
  detachReset?: boolean;
  /** 'plain' forces TF.js ops even where a fused kernel exists. */
  path?: 'fused' | 'plain';
  /** Random per-sample time / channel shifts of training batches (./augment.ts); none when absent. */
  augment?: ShiftAugment;
  /**
   * Gradient accumulation (../tensor/train/microBatches.ts): a number processes each batch as
   * micro-batches of that many samples; 'auto' splits a batch only when it would take more than
   * about half a second, so a caller can pause, record and report inside a long step. Absent:
   * one pass per batch (the result is the same to float32 rounding either way).
   */
  microBatch?: number | 'auto';
}

export interface StepMetrics {
  epoch: number;
  /** Steps done since the start (1-based after the first step). */
  step: number;
  stepsPerEpoch: number;
  totalSteps: number;
  loss: number;
  accuracy: number;
  samplesPerSec: number;
  /** The learning rate this step used (the schedule's value); a session always sets it (absent in checkpoints stored before it). */
  lr?: number;
  /** Mean firing rate (spikes per neuron per step) of each spiking layer in this batch. */
  rates: Record<string, number>;
  /** How many micro-batches the step was computed in, when more than one (gradient accumulation). */
  microBatches?: number;
  /** Set on the step that completes an epoch (with the test split evaluated, if any). */
  epochDone?: EpochMetrics;
}

/**
 * Progress inside a long piece of work, for progress bars: micro-batches of the step being
 * computed ('training', step is 1-based), batches of a split being evaluated ('testing' at an
 * epoch's end, 'evaluating' on request), or files of a dataset being fetched ('loading').
 */
export type TaskProgress =
  | { phase: 'training'; step: number; done: number; total: number }
  | { phase: 'testing' | 'evaluating' | 'loading'; done: number; total: number };

/** A split run through the network: mean loss, accuracy and the confusion counts. */
export interface EvaluationResult {
  loss: number;
  accuracy: number;
  n: number;
  /** Rows: true classes (the split's); columns: predicted outputs (at least as many). */
  rows: number;
  cols: number;
  /** [rows·cols] counts, row-major: confusion[t·cols + p] samples of class t predicted as p. */
  confusion: Uint32Array;
}

export interface EpochMetrics {
  epoch: number;
  /** The run's seed (batch order, shifts); a session always sets it (absent in checkpoints stored before it). */
  seed?: number;
  trainLoss: number;
  trainAccuracy: number;
  testLoss?: number;
  testAccuracy?: number;
  seconds: number;
  /** The best test epoch so far (this one when it improved), when the test split is tracked. */
  best?: BestEpoch;
  /** Set on the last epoch of a run that early stopping ended. */
  stoppedEarly?: true;
}

/** The epoch with the highest test accuracy (0-based), whose weights keepBest restores. */
export interface BestEpoch {
  epoch: number;
  testAccuracy: number;
  testLoss: number;
}

export interface LayerRecord {
  name: string;
  type: string;
  output: 'spikes' | 'membrane';
  size: number;
  threshold: number;
  /** [T·size], 0/1, time-major (spiking layers). */
  spikes?: Uint8Array;
  /** [T·size], time-major. */
  membrane?: Float32Array;
  /**
   * The recorded neurons (population indices, ascending) when a probe kept fewer than all
   * (./probes.ts): spikes and membrane are then [T·neurons.length], column c holding neuron
   * neurons[c]. Absent: every neuron, in order.
   */
  neurons?: Uint32Array;
  /** Spikes of the whole population over the sample, also when a probe records fewer neurons or none (spiking layers). */
  spikeTotal?: number;
}

export interface SimulationRecord {
  T: number;
  /** What drove the network when it was not a dataset sample (a stimulus, "Step current"); label is then meaningless. */
  source?: string;
  label: number;
  prediction: number;
  /** The sample fed in, [T·F] time-major, 0/1 or intensities. */
  input: Float32Array;
  inputShape: number[];
  layers: LayerRecord[];
}

/** The minimum a training loop needs from a dataset split. */
export interface TrainingData {
  n: number;
  T: number;
  featureShape: number[];
  classes: number;
  labels: Uint8Array;
  /** Time-major float input [T, B, F] for these sample indices. */
  batch(indices: ArrayLike<number>): Float32Array;
  /**
   * The whole split bit-packed along time, [n, ⌈T/8⌉, F] in np.packbits order, when the data is
   * spikes: training then uploads it once and gathers and unpacks each batch on the device.
   */
  packed?: Uint8Array;
}
