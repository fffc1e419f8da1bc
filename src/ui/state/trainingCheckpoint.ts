/**
 * The last training checkpoint, kept in the lab's IndexedDB beside the workspace so a reload or a
 * lost engine does not lose a run: the trained graph of one finished step, that step's metrics,
 * and the curves so far. Versioned; `restoreCheckpoint` accepts only what it recognises (like
 * restoreWorkspace) and drops curve points it cannot read rather than the whole checkpoint.
 */
import type { NirGraph } from '../../engine/graph/types';
import type { EpochMetrics, StepMetrics } from '../../engine/train/types';
import type { Point } from '../plots/series';
import { deleteStored, readStored, writeStored } from './labDb';
import { isGraphLike, isObject } from './workspace';

export const CHECKPOINT_VERSION = 1;
const KEY = 'checkpoint';

export interface TrainingCheckpoint {
  version: typeof CHECKPOINT_VERSION;
  /** The graph's title (template or file name) when it was taken. */
  title: string | null;
  /** The graph with the parameters of `progress.step` written back. */
  graph: NirGraph;
  /** The metrics of the checkpointed step (its step, epoch and schedule). */
  progress: StepMetrics;
  steps: Point[];
  epochs: EpochMetrics[];
  /** Wall-clock ms when it was taken. */
  savedAt: number;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const count = (v: unknown): v is number => finite(v) && Number.isInteger(v) && v >= 0;

function restoreProgress(v: unknown): StepMetrics | null {
  if (!isObject(v)) return null;
  const { epoch, step, stepsPerEpoch, totalSteps, loss, accuracy, samplesPerSec } = v;
  if (!count(epoch) || !count(step) || step < 1 || !count(stepsPerEpoch) || stepsPerEpoch < 1 || !count(totalSteps) || step > totalSteps) return null;
  if (!finite(loss) || !finite(accuracy) || !finite(samplesPerSec)) return null;
  const rates: Record<string, number> = {};
  if (isObject(v.rates)) for (const [layer, rate] of Object.entries(v.rates)) if (finite(rate)) rates[layer] = rate;
  return { epoch, step, stepsPerEpoch, totalSteps, loss, accuracy, samplesPerSec, rates };
}

function restorePoint(v: unknown, upTo: number): Point | null {
  if (!isObject(v) || !finite(v.step) || v.step > upTo) return null;
  const point: Point = { step: v.step };
  for (const [key, value] of Object.entries(v)) if (finite(value)) point[key] = value;
  return point;
}

function restoreEpoch(v: unknown): EpochMetrics | null {
  if (!isObject(v) || !count(v.epoch) || !finite(v.trainLoss) || !finite(v.trainAccuracy) || !finite(v.seconds)) return null;
  const epoch: EpochMetrics = { epoch: v.epoch, trainLoss: v.trainLoss, trainAccuracy: v.trainAccuracy, seconds: v.seconds };
  if (finite(v.testLoss)) epoch.testLoss = v.testLoss;
  if (finite(v.testAccuracy)) epoch.testAccuracy = v.testAccuracy;
  return epoch;
}

const present = <T>(v: T | null): v is T => v !== null;

export function restoreCheckpoint(stored: unknown): TrainingCheckpoint | null {
  if (!isObject(stored) || stored.version !== CHECKPOINT_VERSION || !isGraphLike(stored.graph)) return null;
  const progress = restoreProgress(stored.progress);
  if (!progress) return null;
  const steps = Array.isArray(stored.steps) ? stored.steps.map((p) => restorePoint(p, progress.step)).filter(present) : [];
  const epochs = Array.isArray(stored.epochs) ? stored.epochs.map(restoreEpoch).filter(present).filter((e) => e.epoch <= progress.epoch) : [];
  return {
    version: CHECKPOINT_VERSION, title: typeof stored.title === 'string' ? stored.title : null, graph: stored.graph, progress, steps, epochs,
    savedAt: finite(stored.savedAt) ? stored.savedAt : 0,
  };
}

export async function loadCheckpoint(): Promise<TrainingCheckpoint | null> {
  return restoreCheckpoint(await readStored(KEY));
}

export const saveCheckpoint = (checkpoint: TrainingCheckpoint): Promise<void> => writeStored(KEY, checkpoint);

export const deleteCheckpoint = (): Promise<void> => deleteStored(KEY);

/** "Training of digits-lif was interrupted at step 12 (epoch 3)." */
export function describeInterruption(checkpoint: TrainingCheckpoint): string {
  const epochs = Math.round(checkpoint.progress.totalSteps / checkpoint.progress.stepsPerEpoch);
  const epoch = Math.min(checkpoint.progress.epoch + 1, epochs);
  return `Training of ${checkpoint.title ?? 'the graph'} was interrupted at step ${checkpoint.progress.step} (epoch ${epoch}).`;
}
