/**
 * The live state of a run, fed by the worker's frames: phase, progress, bounded metric series,
 * the latest recorded sample (raster, traces, input) and when it was taken, the progress of a
 * long task (loading, a long step, testing, evaluating), the recent speed for the ETA, the last
 * evaluation, and which neurons the traces follow.
 */
import { create } from 'zustand';
import { columnOf, neuronAt, recordedCount } from '../../engine/train/probes';
import type { EpochMetrics, EvaluationResult, SimulationRecord, StepMetrics, TaskProgress } from '../../engine/train/types';
import { appendBounded, type Point } from '../plots/series';

/**
 * 'pausing': Pause was pressed and the worker has not confirmed yet; 'done': all epochs ran (not
 * an error); 'simulating' / 'evaluating': a forward run without training is in progress.
 */
export type RunPhase = 'idle' | 'preparing' | 'training' | 'pausing' | 'paused' | 'done' | 'simulating' | 'evaluating' | 'error';

/** How many recent steps the ETA averages over. */
export const SPEED_WINDOW = 10;

/** The speed of the current train() run: when it started, its steps, recent seconds per sample. */
export interface RunSpeed {
  startedAt: number;
  steps: number;
  secondsPerSample: number[];
}

export interface Evaluated extends EvaluationResult {
  classes: string[];
  split: 'test' | 'train';
  /** The finished step whose weights were evaluated. */
  step: number;
}

export interface Followed {
  layer: string;
  neuron: number;
}

interface LiveState {
  phase: RunPhase;
  /** What is happening (preparing) or what went wrong (error), in words. */
  message: string | null;
  progress: StepMetrics | null;
  steps: Point[];
  epochs: EpochMetrics[];
  record: SimulationRecord | null;
  /** When `record` was taken: after how many finished steps, wall-clock ms. */
  recordedAt: { step: number; time: number } | null;
  /** Progress of the long task under way (null when none). */
  task: TaskProgress | null;
  speed: RunSpeed | null;
  evaluation: Evaluated | null;
  followed: Followed[];
  setPhase(phase: RunPhase, message?: string | null): void;
  setTask(task: TaskProgress | null): void;
  /** Starts timing a train() run (the ETA counts only its own steps). */
  startSpeed(): void;
  setEvaluation(evaluation: Evaluated | null): void;
  addSteps(metrics: readonly StepMetrics[]): void;
  addEpoch(epoch: EpochMetrics): void;
  setRecord(record: SimulationRecord, recordedAt?: { step: number; time: number }): void;
  follow(target: Followed): void;
  unfollow(target: Followed): void;
  clear(): void;
}

export const MAX_FOLLOWED = 6;

export const useLiveStore = create<LiveState>((set, get) => ({
  phase: 'idle',
  message: null,
  progress: null,
  steps: [],
  epochs: [],
  record: null,
  recordedAt: null,
  task: null,
  speed: null,
  evaluation: null,
  followed: [],
  setPhase: (phase, message = null) => set({ phase, message }),
  setTask: (task) => set({ task }),
  startSpeed: () => set({ speed: { startedAt: Date.now(), steps: 0, secondsPerSample: [] } }),
  setEvaluation: (evaluation) => set({ evaluation }),
  addSteps: (metrics) => {
    if (metrics.length === 0) return;
    const points = metrics.map((m) => ({ step: m.step, loss: m.loss, accuracy: m.accuracy }));
    const last = metrics[metrics.length - 1];
    const { progress, speed, task } = get();
    const nextSpeed = speed && {
      startedAt: speed.startedAt, steps: speed.steps + metrics.length,
      secondsPerSample: [...speed.secondsPerSample, ...metrics.map((m) => 1 / Math.max(m.samplesPerSec, 1e-9))].slice(-SPEED_WINDOW),
    };
    // A step's micro-batch progress ends with the step.
    const stepDone = task?.phase === 'training' && task.step <= last.step;
    set({ steps: appendBounded(get().steps, points), progress: progress && progress.step > last.step ? progress : last, speed: nextSpeed, task: stepDone ? null : task });
  },
  addEpoch: (epoch) => set({ epochs: [...get().epochs.filter((e) => e.epoch !== epoch.epoch), epoch] }),
  setRecord: (record, recordedAt) => {
    // A followed neuron stays while the record holds its membrane (a probe may have left it out).
    const kept = get().followed.filter((f) => record.layers.some((l) => l.name === f.layer && l.membrane && columnOf(l, f.neuron) >= 0));
    const followed = kept.length > 0 ? kept : mostActive(record);
    set({
      record, recordedAt: recordedAt ?? { step: get().progress?.step ?? 0, time: Date.now() },
      followed: followed.length === get().followed.length && kept.length === followed.length ? get().followed : followed,
    });
  },
  follow: (target) => {
    const rest = get().followed.filter((f) => f.layer !== target.layer || f.neuron !== target.neuron);
    set({ followed: [...rest, target].slice(-MAX_FOLLOWED) });
  },
  unfollow: (target) => set({ followed: get().followed.filter((f) => f.layer !== target.layer || f.neuron !== target.neuron) }),
  clear: () => set({ phase: 'idle', message: null, progress: null, steps: [], epochs: [], record: null, recordedAt: null, task: null, speed: null, evaluation: null }),
}));

/** With nothing followed yet, follow the most active neuron of the first spiking layer. */
function mostActive(record: SimulationRecord): Followed[] {
  const layer = record.layers.find((l) => l.spikes && l.membrane);
  if (!layer?.spikes) return [];
  const n = recordedCount(layer);
  const counts = new Uint32Array(n);
  for (let i = 0; i < layer.spikes.length; i++) counts[i % n] += layer.spikes[i];
  let best = 0;
  for (let c = 1; c < n; c++) if (counts[c] > counts[best]) best = c;
  return n > 0 ? [{ layer: layer.name, neuron: neuronAt(layer, best) }] : [];
}
