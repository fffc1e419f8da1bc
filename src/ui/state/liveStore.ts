/**
 * The live state of a run, fed by the worker's frames: phase, progress, bounded metric series,
 * the latest recorded sample (raster, traces, input) and which neurons the traces follow.
 */
import { create } from 'zustand';
import type { EpochMetrics, SimulationRecord, StepMetrics } from '../../engine/train/types';
import { appendBounded, type Point } from '../plots/series';

export type RunPhase = 'idle' | 'preparing' | 'training' | 'paused' | 'done' | 'error';

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
  followed: Followed[];
  setPhase(phase: RunPhase, message?: string | null): void;
  addSteps(metrics: readonly StepMetrics[]): void;
  addEpoch(epoch: EpochMetrics): void;
  setRecord(record: SimulationRecord): void;
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
  followed: [],
  setPhase: (phase, message = null) => set({ phase, message }),
  addSteps: (metrics) => {
    if (metrics.length === 0) return;
    const points = metrics.map((m) => ({ step: m.step, loss: m.loss, accuracy: m.accuracy }));
    const last = metrics[metrics.length - 1];
    const progress = get().progress;
    set({ steps: appendBounded(get().steps, points), progress: progress && progress.step > last.step ? progress : last });
  },
  addEpoch: (epoch) => set({ epochs: [...get().epochs.filter((e) => e.epoch !== epoch.epoch), epoch] }),
  setRecord: (record) => {
    const names = new Set(record.layers.map((l) => l.name));
    const kept = get().followed.filter((f) => names.has(f.layer));
    const followed = kept.length > 0 ? kept : mostActive(record);
    set({ record, followed: followed.length === get().followed.length && kept.length === followed.length ? get().followed : followed });
  },
  follow: (target) => {
    const rest = get().followed.filter((f) => f.layer !== target.layer || f.neuron !== target.neuron);
    set({ followed: [...rest, target].slice(-MAX_FOLLOWED) });
  },
  unfollow: (target) => set({ followed: get().followed.filter((f) => f.layer !== target.layer || f.neuron !== target.neuron) }),
  clear: () => set({ phase: 'idle', message: null, progress: null, steps: [], epochs: [], record: null }),
}));

/** With nothing followed yet, follow the most active neuron of the first spiking layer. */
function mostActive(record: SimulationRecord): Followed[] {
  const layer = record.layers.find((l) => l.spikes && l.membrane);
  if (!layer?.spikes) return [];
  const counts = new Uint32Array(layer.size);
  for (let i = 0; i < layer.spikes.length; i++) counts[i % layer.size] += layer.spikes[i];
  let best = 0;
  for (let n = 1; n < layer.size; n++) if (counts[n] > counts[best]) best = n;
  return [{ layer: layer.name, neuron: best }];
}
