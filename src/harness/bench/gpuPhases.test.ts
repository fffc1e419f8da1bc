/**
 * GPU time per phase: attribution of a step's timestamps to its phases, the mean over steps, the
 * bench fields, and the timer's marker passes on a stand-in TF.js backend (which pass writes which
 * index, TF.js's open pass ended first, the resolve and read-back after the step).
 */
import { describe, expect, it } from 'vitest';
import { gpuPhaseFields, meanPhaseMs, phaseMs, phaseTimer, STEP_POINTS, sumPhaseMs, timeGpuPhases, type MarkableBackend, type StepPoint } from './gpuPhases';

/** Timestamps (ns) of the six points of a step: gather 0.5 ms, forward 2 ms, loss 0.25 ms, backward 3 ms, optimizer 1 ms. */
const STEP_NS = [1_000_000n, 1_500_000n, 3_500_000n, 3_750_000n, 6_750_000n, 7_750_000n];

describe('phase attribution', () => {
  it('gives phase p the time from its own point to the next one, in ms', () => {
    const ms = phaseMs(BigUint64Array.from(STEP_NS));
    expect(ms).toEqual({ gather: 0.5, forward: 2, loss: 0.25, backward: 3, optimizer: 1 });
    expect(sumPhaseMs(ms)).toBe(6.75); // = (t_end − t_gather) / 1e6
  });

  it('keeps a timestamp that precedes the one before it as a negative phase', () => {
    const t = [...STEP_NS];
    t[3] = 3_400_000n; // loss "ends" before it began
    expect(phaseMs(t).loss).toBeCloseTo(-0.1, 12);
  });

  it('refuses timestamps that are not one per point', () => {
    expect(() => phaseMs(STEP_NS.slice(1))).toThrow(/6 timestamps/);
  });

  it('averages each phase over steps', () => {
    const a = { gather: 1, forward: 2, loss: 3, backward: 4, optimizer: 5 };
    const b = { gather: 3, forward: 2, loss: 1, backward: 0, optimizer: 1 };
    expect(meanPhaseMs([a, b])).toEqual({ gather: 2, forward: 2, loss: 2, backward: 2, optimizer: 3 });
    expect(() => meanPhaseMs([])).toThrow();
  });
});

describe('bench fields', () => {
  it('prints each phase, their sum and the marked steps wall time, rounded to µs', () => {
    const fields = gpuPhaseFields({ byPhase: { gather: 0.12345, forward: 2, loss: 0.25, backward: 3, optimizer: 1 }, steps: 3, wallMs: 9.87654 });
    expect(fields).toMatchObject({ gpu_ms_per_step: 6.373, gpu_ms_gather: 0.123, gpu_ms_forward: 2, gpu_ms_loss: 0.25, gpu_ms_backward: 3, gpu_ms_optimizer: 1, gpu_phase_steps_ms_sync: 9.877 });
    expect(fields.gpu_time_method).toMatch(/mean of 3 synced steps/);
  });

  it('says why there are none', () => {
    expect(gpuPhaseFields({ absent: 'the device has no timestamp-query' })).toEqual({ gpu_ms_per_step: null, gpu_time_method: 'none: the device has no timestamp-query' });
  });
});

/** A stand-in for TF.js's backend on a device whose query set resolves to STEP_NS. */
function fakeBackend(features: string[] = ['timestamp-query']) {
  const log: string[] = [];
  let mapped = new ArrayBuffer(0);
  const buffer = () => ({
    mapAsync: async () => { mapped = BigUint64Array.from(STEP_NS).buffer; },
    getMappedRange: () => mapped,
    unmap: () => log.push('unmap'),
    destroy: () => {},
  });
  const encoder = {
    beginComputePass: (d: GPUComputePassDescriptor) => {
      log.push(`pass ${d.timestampWrites?.beginningOfPassWriteIndex}`);
      return { end: () => {} };
    },
    resolveQuerySet: (_q: unknown, first: number, count: number) => log.push(`resolve ${first}..${count}`),
    copyBufferToBuffer: () => log.push('copy'),
  };
  const backend = {
    commandEncoder: null as typeof encoder | null,
    device: { features: new Set(features), createQuerySet: () => ({ destroy: () => {} }), createBuffer: buffer },
    ensureCommandEncoderReady() { this.commandEncoder ??= encoder; },
    endComputePassEncoder: () => log.push('end TF.js pass'),
    submitQueue() {
      log.push('submit');
      this.commandEncoder = null;
    },
  };
  Object.assign(globalThis, { GPUBufferUsage: { QUERY_RESOLVE: 512, COPY_SRC: 4, COPY_DST: 8, MAP_READ: 1 }, GPUMapMode: { READ: 1 } });
  return { backend: backend as unknown as MarkableBackend, log };
}

const fakeLoss = () => ({ data: async () => new Float32Array(1), dispose: () => {} });

describe('the phase timer', () => {
  it('writes each point as the begin timestamp of an empty pass after TF.js ends its own, then resolves all six', async () => {
    const { backend, log } = fakeBackend();
    const timer = phaseTimer(backend);
    for (const p of STEP_POINTS) timer.mark(p);
    expect(log).toEqual(STEP_POINTS.flatMap((_, i) => ['end TF.js pass', `pass ${i}`]));
    log.length = 0;
    expect(await timer.read()).toEqual({ gather: 0.5, forward: 2, loss: 0.25, backward: 3, optimizer: 1 });
    expect(log).toEqual(['end TF.js pass', 'resolve 0..6', 'copy', 'submit', 'unmap']);
  });

  it('reads nothing for a step that left a point unmarked', async () => {
    const timer = phaseTimer(fakeBackend().backend);
    for (const p of STEP_POINTS.filter((p) => p !== 'loss')) timer.mark(p);
    expect(await timer.read()).toBeNull();
  });

  it('averages marked steps and says when the device or the workload gives no timestamps', async () => {
    let steps = 0;
    const step = (mark: (p: StepPoint) => void) => {
      steps += 1;
      STEP_POINTS.forEach((p) => mark(p));
      return fakeLoss() as never;
    };
    const times = await timeGpuPhases(fakeBackend().backend, step, 2);
    expect(steps).toBe(2);
    expect(times).toMatchObject({ byPhase: { gather: 0.5, forward: 2, loss: 0.25, backward: 3, optimizer: 1 }, steps: 2 });
    expect(await timeGpuPhases(fakeBackend([]).backend, step, 2)).toEqual({ absent: 'the device has no timestamp-query' });
    const unmarkedLoss = (mark: (p: StepPoint) => void) => {
      STEP_POINTS.filter((p) => p !== 'loss').forEach((p) => mark(p));
      return fakeLoss() as never;
    };
    expect(await timeGpuPhases(fakeBackend().backend, unmarkedLoss, 2)).toEqual({ absent: 'the workload does not mark every phase of its step' });
  });
});
