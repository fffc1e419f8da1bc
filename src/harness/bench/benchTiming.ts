/**
 * The measurement protocol of docs/specs/bench.md §6 for a training step that returns its
 * loss as a tensor without reading it: warm-up (warmup_s = wall time to the first completed step,
 * shader and pipeline creation included), throughput mode (K steps, one sync, R repeats: median
 * and min–max of elapsed/K), latency mode (sync after every step, median), one epoch with an
 * on-device shuffle and a single sync, and the peak of TF.js's device-memory count sampled after
 * the forward pass and after the update of the warm-up steps (on WebGPU after submitting the queued
 * commands, so buffers of tensors already disposed are not counted; the timed steps are not
 * sampled, since a submit would change what they measure). Syncs are `await loss.data()`; no dataSync in the loop.
 * On webgpu, after the epoch, GPU_PHASE_STEPS more steps (synced, untimed) mark their phases for the
 * GPU time per phase of ./gpuPhases.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import { submitQueued, webgpuBackend } from '../../engine/tensor/webgpu/webgpuBackend';
import { countGpuWork, dispatchesByProgram, perStep, type GpuCounts } from './gpuCounters';
import { timeGpuPhases, type GpuPhaseTimes, type StepPoint } from './gpuPhases';

/** Marked steps averaged for the GPU time per phase. */
export const GPU_PHASE_STEPS = 3;

export interface TrainingWorkload {
  stepsPerEpoch: number;
  residentBytes: number;
  /** Peak bytes the step should stay within (./memoryBudget.ts), where defined. */
  memoryBudgetBytes?: number;
  /** A new on-device permutation for `epoch`. */
  shuffle(epoch: number): void;
  /**
   * One optimisation step on batch i of the epoch; returns the loss (kept; the caller disposes).
   * `mark` is called where each phase begins and at the end (./gpuPhases.ts StepPoint).
   */
  step(i: number, mark: (point: StepPoint) => void): tf.Scalar;
  dispose(): void;
}

export interface TrainingTimes {
  warmup_s: number;
  step_ms_median: number;
  step_ms_min: number;
  step_ms_max: number;
  step_ms_sync_median: number;
  epoch_s: number;
  peak_mem_bytes: number;
  mem_method: string;
  final_loss: number;
  /**
   * webgpu only: commands per training step over the first throughput repeat (K steps, then one
   * sync): dispatches, readbacks (and bytes) and buffers created by the K steps themselves, and
   * submits including the one that flushes them at the sync (./gpuCounters.ts).
   */
  gpu_counts?: Record<string, number>;
  /** Dispatches per step of each WGSL program (by its label). */
  dispatches_by_program?: Record<string, number>;
  /** webgpu only: GPU time per phase of GPU_PHASE_STEPS marked steps, or why there is none. */
  gpu_phases?: GpuPhaseTimes;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** `sample()` reads the memory now; `at(point)`, a step's mark, samples after the forward pass and after the update. */
export function memorySampler(): { sample: () => void; at: (point: StepPoint) => void; peak: () => number; method: string } {
  let peak = 0;
  const gpu = tf.getBackend() === 'webgpu';
  const sample = () => {
    if (gpu) submitQueued(); // disposed tensors' buffers leave the count at the submit
    const m = tf.memory() as tf.MemoryInfo & { numBytesInGPU?: number };
    peak = Math.max(peak, gpu ? m.numBytesInGPU ?? m.numBytes : m.numBytes);
  };
  return {
    sample,
    at: (point) => {
      if (point === 'backward' || point === 'end') sample();
    },
    peak: () => peak,
    method: gpu ? 'max tf.memory().numBytesInGPU after forward and after update of the warm-up steps (queued commands submitted first)' : 'max tf.memory().numBytes (TF.js-tracked tensors) after forward and after update of the warm-up steps',
  };
}

export async function timeTraining(w: TrainingWorkload, o: { warmup: number; steps: number; repeats: number; latencySteps: number }): Promise<TrainingTimes> {
  const mem = memorySampler();
  let counter = 0;
  // Memory is sampled over the warm-up steps only: on WebGPU a sample submits the queued commands,
  // which would change what the timed loops measure. Every step holds the same tensors.
  const unmarked = () => {};
  const next = (mark: (point: StepPoint) => void = unmarked) => w.step(counter++ % w.stepsPerEpoch, mark);
  const started = performance.now();
  let loss = next(mem.at);
  await loss.data();
  const warmup_s = (performance.now() - started) / 1000;
  for (let i = 1; i < o.warmup; i++) {
    const l = next(mem.at);
    loss.dispose();
    loss = l;
  }
  await loss.data();
  const throughput: number[] = [];
  let gpu_counts: Record<string, number> | undefined;
  let dispatches_by_program: Record<string, number> | undefined;
  for (let r = 0; r < o.repeats; r++) {
    const counter = r === 0 && tf.getBackend() === 'webgpu' ? startCounting() : null;
    const t0 = performance.now();
    const before = counter?.read();
    for (let k = 0; k < o.steps; k++) {
      const l = next();
      loss.dispose();
      loss = l;
    }
    const steps = counter?.read();
    await loss.data();
    throughput.push((performance.now() - t0) / o.steps);
    if (counter && before && steps) {
      const synced = counter.read();
      counter.stop();
      gpu_counts = { ...perStep(before, steps, o.steps), submits_per_step: perStep(before, synced, o.steps).submits_per_step };
      dispatches_by_program = dispatchesByProgram(before, steps, o.steps);
    }
  }
  const latency: number[] = [];
  for (let k = 0; k < o.latencySteps; k++) {
    const t0 = performance.now();
    const l = next();
    loss.dispose();
    loss = l;
    await loss.data();
    latency.push(performance.now() - t0);
  }
  const e0 = performance.now();
  w.shuffle(1);
  for (let i = 0; i < w.stepsPerEpoch; i++) {
    const l = w.step(i, unmarked);
    loss.dispose();
    loss = l;
  }
  const final_loss = (await loss.data())[0];
  const epoch_s = (performance.now() - e0) / 1000;
  loss.dispose();
  const gpu_phases = tf.getBackend() === 'webgpu' ? await timeGpuPhases(webgpuBackend(), next, GPU_PHASE_STEPS) : undefined;
  return {
    warmup_s, step_ms_median: median(throughput), step_ms_min: Math.min(...throughput), step_ms_max: Math.max(...throughput),
    step_ms_sync_median: latency.length ? median(latency) : NaN, epoch_s, peak_mem_bytes: mem.peak(), mem_method: mem.method, final_loss,
    ...(gpu_counts ? { gpu_counts, dispatches_by_program } : {}), ...(gpu_phases ? { gpu_phases } : {}),
  };
}

/** Counts from a clean point: the commands queued so far are submitted first, so every pass counted is new. */
function startCounting(): { read(): GpuCounts; stop(): void } {
  submitQueued();
  return countGpuWork(webgpuBackend().device);
}
