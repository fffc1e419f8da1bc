/**
 * Checkpoints a training run into the workspace's IndexedDB (../state/trainingCheckpoint.ts), so a
 * reload or a lost engine keeps the weights: on the frames of a train() run, when the schedule
 * says so (./checkpointSchedule.ts), the worker's snapshot of the last finished step is taken with
 * the live store's curves up to that step. The newest is also kept in memory for an engine restart.
 * A run that ends normally writes its weights into the graph (autosaved), so its checkpoint goes.
 */
import type { RunFrame } from '../../workers/api';
import { engine } from '../worker/engine';
import { useGraphStore } from '../state/graphStore';
import { useLiveStore } from '../state/liveStore';
import { useResumeStore } from '../state/resumeStore';
import { CHECKPOINT_VERSION, deleteCheckpoint, saveCheckpoint, type TrainingCheckpoint } from '../state/trainingCheckpoint';
import { useUiStore } from '../state/uiStore';
import { CheckpointSchedule } from './checkpointSchedule';

let schedule: CheckpointSchedule | null = null;
let latest: TrainingCheckpoint | null = null;
/** Bumped by `forgetCheckpoints`: a snapshot that was under way is then dropped. */
let epoch = 0;
let warned = false;

export function latestCheckpoint(): TrainingCheckpoint | null {
  return latest;
}

/**
 * A train() run starts: the first checkpoint follows the first epoch end or CHECKPOINT_EVERY_MS,
 * and replaces any interrupted run's, so that one is no longer offered.
 */
export function startCheckpointing(): void {
  useResumeStore.getState().setOffer(null);
  schedule = new CheckpointSchedule(Date.now());
}

/** A train() run stopped (the caller writes its weights into the graph, or forgets it). */
export function stopCheckpointing(): void {
  schedule = null;
}

/** Forgets the checkpoints, in memory and stored (a normal end, Reset, another graph opened, Discard). */
export function forgetCheckpoints(): void {
  useResumeStore.getState().setOffer(null);
  epoch++;
  schedule = null;
  latest = null;
  void deleteCheckpoint().catch(() => undefined);
}

async function take(current: CheckpointSchedule): Promise<void> {
  const started = epoch;
  try {
    const result = await engine().api.takeSnapshot();
    if (!result.ok || !result.value.metrics || started !== epoch) return;
    const { graph, metrics } = result.value;
    const live = useLiveStore.getState();
    // The page may not have drawn the frame of the checkpointed step yet: its own metrics close the curves.
    const steps = live.steps.filter((p) => p.step <= metrics.step);
    if (steps.at(-1)?.step !== metrics.step) steps.push({ step: metrics.step, loss: metrics.loss, accuracy: metrics.accuracy });
    const epochs = live.epochs.filter((e) => e.epoch <= metrics.epoch);
    if (metrics.epochDone && !epochs.some((e) => e.epoch === metrics.epochDone?.epoch)) epochs.push(metrics.epochDone);
    const checkpoint: TrainingCheckpoint = {
      version: CHECKPOINT_VERSION, title: useGraphStore.getState().title, graph, progress: metrics, steps, epochs, savedAt: Date.now(),
    };
    latest = checkpoint;
    await saveCheckpoint(checkpoint).catch((error: unknown) => {
      if (!warned) useUiStore.getState().notify('warn', `Training is not being checkpointed across reloads: ${error instanceof Error ? error.message : String(error)}.`, 'Pause now and then (the weights go into the graph), or Save NIR.');
      warned = true;
    });
  } finally {
    current.finished();
  }
}

/** Called with each frame of a train() run: takes a checkpoint when one is due. */
export function checkpointOnFrame(frame: RunFrame): void {
  const current = schedule;
  const now = Date.now();
  if (!current || !current.due(now, (frame.epochs?.length ?? 0) > 0)) return;
  current.started(now);
  void take(current).catch(() => undefined); // a dead engine: the recovery says so
}
