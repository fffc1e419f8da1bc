/**
 * What a WebGPU training step costs in commands, counted on the device TF.js uses (issue 18;
 * docs/bench.md "What a step costs"): compute dispatches, queue submits, buffer maps (readbacks)
 * and the bytes they map, and buffers created. The counters wrap the methods of that one device's
 * objects (createCommandEncoder → beginComputePass → dispatchWorkgroups[Indirect], queue.submit,
 * createBuffer, and mapAsync of every buffer created while counting, plus the prototype's where the
 * platform exposes GPUBuffer), so they count the same on SwiftShader as on a real GPU. They
 * cost a few function calls per command; `stop()` puts every method back.
 */
export interface GpuCounts {
  dispatches: number;
  submits: number;
  readbacks: number;
  readbackBytes: number;
  buffersCreated: number;
  /** Dispatches per compute pipeline, by its label (TF.js labels a pipeline with its program's class name). */
  byProgram: Record<string, number>;
}

export interface GpuCounter {
  /** The counts so far. */
  read(): GpuCounts;
  stop(): void;
}

export function countGpuWork(device: GPUDevice): GpuCounter {
  const counts: GpuCounts = { dispatches: 0, submits: 0, readbacks: 0, readbackBytes: 0, buffersCreated: 0, byProgram: {} };
  const restores: Array<() => void> = [];
  let active = true;
  /** Replaces `target[name]` with a wrapper calling `before` first (own property; removed on stop). */
  const wrap = <T extends object>(target: T, name: keyof T & string, before: (self: T, args: unknown[]) => void, after?: (result: unknown) => void) => {
    const original: unknown = target[name];
    const own = Object.prototype.hasOwnProperty.call(target, name);
    const wrapper = function (this: T, ...args: unknown[]) {
      if (active) before(this, args);
      const result = (original as (...a: unknown[]) => unknown).apply(this, args);
      if (active && after) after(result);
      return result;
    };
    Object.defineProperty(target, name, { value: wrapper, configurable: true, writable: true });
    restores.push(() => {
      if (own) Object.defineProperty(target, name, { value: original, configurable: true, writable: true });
      else delete (target as Record<string, unknown>)[name];
    });
  };
  const countMap = (buffer: GPUBuffer, args: unknown[]) => {
    counts.readbacks += 1;
    const offset = typeof args[1] === 'number' ? args[1] : 0;
    counts.readbackBytes += typeof args[2] === 'number' ? args[2] : buffer.size - offset;
  };
  const watchPass = (pass: GPUComputePassEncoder) => {
    let program = '';
    const dispatched = () => {
      counts.dispatches += 1;
      counts.byProgram[program] = (counts.byProgram[program] ?? 0) + 1;
    };
    wrap(pass, 'setPipeline', (_, args) => { program = (args[0] as GPUComputePipeline).label || '(unlabelled)'; });
    wrap(pass, 'dispatchWorkgroups', dispatched);
    wrap(pass, 'dispatchWorkgroupsIndirect', dispatched);
  };
  const watchEncoder = (encoder: GPUCommandEncoder) => wrap(encoder, 'beginComputePass', () => {}, (pass) => watchPass(pass as GPUComputePassEncoder));
  wrap(device, 'createCommandEncoder', () => {}, (encoder) => watchEncoder(encoder as GPUCommandEncoder));
  wrap(device.queue, 'submit', () => { counts.submits += 1; });
  const proto = (globalThis as { GPUBuffer?: { prototype: GPUBuffer } }).GPUBuffer?.prototype;
  if (proto) wrap(proto, 'mapAsync', countMap);
  wrap(device, 'createBuffer', () => { counts.buffersCreated += 1; }, (buffer) => {
    if (!proto) wrap(buffer as GPUBuffer, 'mapAsync', countMap);
  });
  return {
    read: () => ({ ...counts, byProgram: { ...counts.byProgram } }),
    stop: () => {
      active = false;
      for (const restore of restores.reverse()) restore();
    },
  };
}

/** (after − before) / steps for every count, rounded to 2 decimals, as the bench's JSON fields. */
export function perStep(before: GpuCounts, after: GpuCounts, steps: number): Record<string, number> {
  const per = (k: Exclude<keyof GpuCounts, 'byProgram'>) => Math.round(((after[k] - before[k]) / steps) * 100) / 100;
  return {
    dispatches_per_step: per('dispatches'),
    submits_per_step: per('submits'),
    readbacks_per_step: per('readbacks'),
    readback_bytes_per_step: per('readbackBytes'),
    buffers_created_per_step: per('buffersCreated'),
  };
}

/** Dispatches per step of each program between two readings, most first (the bench's `dispatches_by_program`). */
export function dispatchesByProgram(before: GpuCounts, after: GpuCounts, steps: number): Record<string, number> {
  const rows = Object.entries(after.byProgram)
    .map(([name, n]) => [name, Math.round(((n - (before.byProgram[name] ?? 0)) / steps) * 100) / 100] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  return Object.fromEntries(rows);
}
