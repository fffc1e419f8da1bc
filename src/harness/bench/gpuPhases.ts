/**
 * GPU time per phase of a WebGPU training step (issue 18; docs/bench.md "GPU time per phase"),
 * where the device has `timestamp-query` (TF.js's webgpu backend asks for it at device creation
 * whenever the adapter offers it). At each phase boundary the step calls `mark(point)`; the timer
 * ends TF.js's open compute pass and encodes an empty compute pass on TF.js's own command encoder
 * whose `timestampWrites.beginningOfPassWriteIndex` is the point's index, so the timestamps sit in
 * the step's command stream between the programs of the phases. After the step is synced the
 * query set is resolved and read: phase p took t[p+1] − t[p] (ns → ms). The GPU runs a phase's
 * programs in order, so these are the GPU's busy time per phase (plus any gap the GPU waited for
 * the host inside the step; with one submit per step there is none until the last marker, which is
 * queued just after the optimiser's submit). Chrome quantises timestamps (to 100 µs unless its
 * WebGPU developer features are on); the WebGPU spec lets a timestamp precede an earlier one, which
 * shows here as a negative phase, never hidden.
 *
 * Markers end TF.js's pass, which changes what a step measures: they run only on extra steps after
 * the timed loops (./benchTiming.ts). The timer reaches TF.js 4.22's private `commandEncoder`, as
 * ../../engine/tensor/webgpu/multiOutput.ts does.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { BenchCell } from './benchTypes';

/** A training step's phases, in the order the step queues them (./residentWorkload.ts). */
export const PHASES = ['gather', 'forward', 'loss', 'backward', 'optimizer'] as const;
export type Phase = (typeof PHASES)[number];
/** Where a phase begins, or 'end' where the step ends: the points a step marks, in order. */
export type StepPoint = Phase | 'end';
export const STEP_POINTS: readonly StepPoint[] = [...PHASES, 'end'];

export type PhaseMs = Record<Phase, number>;

/** Milliseconds per phase from one step's timestamps (ns, in STEP_POINTS order): t[p+1] − t[p]. */
export function phaseMs(t: ArrayLike<bigint>): PhaseMs {
  if (t.length !== STEP_POINTS.length) throw new Error(`phaseMs needs ${STEP_POINTS.length} timestamps, got ${t.length}`);
  return Object.fromEntries(PHASES.map((p, i) => [p, Number(t[i + 1] - t[i]) / 1e6])) as PhaseMs;
}

/** The mean of each phase over steps. */
export function meanPhaseMs(steps: PhaseMs[]): PhaseMs {
  if (!steps.length) throw new Error('meanPhaseMs needs at least one step');
  return Object.fromEntries(PHASES.map((p) => [p, steps.reduce((s, step) => s + step[p], 0) / steps.length])) as PhaseMs;
}

/** Total of a step's phases. */
export const sumPhaseMs = (ms: PhaseMs) => PHASES.reduce((s, p) => s + ms[p], 0);

/** What the timer uses of TF.js's WebGPU backend (commandEncoder is private in its typings). */
export interface MarkableBackend {
  device: GPUDevice;
  ensureCommandEncoderReady(): void;
  endComputePassEncoder(): void;
  submitQueue(): void;
}

export interface PhaseTimer {
  /** Queues the GPU timestamp of `point` in TF.js's command stream. */
  mark(point: StepPoint): void;
  /** After the marked step has been synced: its ms per phase, or null if a point went unmarked. */
  read(): Promise<PhaseMs | null>;
  dispose(): void;
}

export function phaseTimer(backend: MarkableBackend): PhaseTimer {
  const { device } = backend;
  const count = STEP_POINTS.length;
  const querySet = device.createQuerySet({ type: 'timestamp', count, label: 'spikelab_phase_marks' });
  const resolved = device.createBuffer({ size: count * 8, usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC });
  const staging = device.createBuffer({ size: count * 8, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  /** TF.js's encoder, with its compute pass ended so another pass can begin. */
  const encoder = () => {
    backend.ensureCommandEncoderReady();
    backend.endComputePassEncoder();
    return (backend as unknown as { commandEncoder: GPUCommandEncoder }).commandEncoder;
  };
  let marked = new Set<StepPoint>();
  return {
    mark(point) {
      encoder().beginComputePass({ timestampWrites: { querySet, beginningOfPassWriteIndex: STEP_POINTS.indexOf(point) } }).end();
      marked.add(point);
    },
    async read() {
      const complete = marked.size === count;
      marked = new Set();
      if (!complete) return null;
      const e = encoder();
      e.resolveQuerySet(querySet, 0, count, resolved, 0);
      e.copyBufferToBuffer(resolved, 0, staging, 0, count * 8);
      backend.submitQueue();
      await staging.mapAsync(GPUMapMode.READ);
      const t = new BigUint64Array(staging.getMappedRange().slice(0));
      staging.unmap();
      return phaseMs(t);
    },
    dispose() {
      encoder(); // submits any marker still queued, so no later submit names a destroyed query set
      backend.submitQueue();
      querySet.destroy();
      resolved.destroy();
      staging.destroy();
    },
  };
}

/** GPU time per phase over a few marked steps, with their synced wall time; or why there is none. */
export type GpuPhaseTimes = { byPhase: PhaseMs; steps: number; wallMs: number } | { absent: string };

/**
 * Runs `steps` marked steps, each synced (`await loss.data()`), and averages their phases and their
 * wall time (start of the step to the end of its sync, the timestamps' read-back excluded).
 */
export async function timeGpuPhases(backend: MarkableBackend, step: (mark: (point: StepPoint) => void) => tf.Scalar, steps: number): Promise<GpuPhaseTimes> {
  if (!backend.device.features.has('timestamp-query')) return { absent: 'the device has no timestamp-query' };
  const timer = phaseTimer(backend);
  const byStep: PhaseMs[] = [];
  let wall = 0;
  try {
    for (let k = 0; k < steps; k++) {
      const t0 = performance.now();
      const loss = step(timer.mark);
      await loss.data();
      wall += performance.now() - t0;
      loss.dispose();
      const ms = await timer.read();
      if (!ms) return { absent: 'the workload does not mark every phase of its step' };
      byStep.push(ms);
    }
  } finally {
    timer.dispose();
  }
  return { byPhase: meanPhaseMs(byStep), steps, wallMs: wall / steps };
}

const ms3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The bench JSON's fields: `gpu_ms_<phase>` and their sum `gpu_ms_per_step` (mean ms over the marked
 * steps), `gpu_phase_steps_ms_sync` (those steps' mean synced wall time), `gpu_time_method`; where
 * there are no timestamps, `gpu_ms_per_step` is null and `gpu_time_method` says why.
 */
export function gpuPhaseFields(times: GpuPhaseTimes): BenchCell {
  if ('absent' in times) return { gpu_ms_per_step: null, gpu_time_method: `none: ${times.absent}` };
  const byPhase = Object.fromEntries(PHASES.map((p) => [`gpu_ms_${p}`, ms3(times.byPhase[p])]));
  return {
    gpu_ms_per_step: ms3(sumPhaseMs(times.byPhase)), ...byPhase, gpu_phase_steps_ms_sync: ms3(times.wallMs),
    gpu_time_method: `timestamp-query: empty marker passes at the phase boundaries, mean of ${times.steps} synced steps after the timed loops`,
  };
}
