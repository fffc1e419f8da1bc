/**
 * What the lab's workers ask of the GPU while a person trains: queue submits and buffer maps
 * (read-backs), counted by wrapping GPUQueue.submit and GPUBuffer.mapAsync in every worker the
 * page starts (the engine runs in one). Installed as each worker appears, before training starts;
 * read as a sum over the workers. On backends without WebGPU the counts stay 0.
 */
import type { Page, Worker } from '@playwright/test';

export interface GpuTraffic {
  submits: number;
  maps: number;
}

/** Plain JavaScript text (tsx would wrap named inner functions in a helper the worker lacks). */
const WRAP = `(() => {
  const counts = { submits: 0, maps: 0 };
  globalThis.spikelabGpuTraffic = counts;
  if (typeof GPUQueue === 'undefined') return;
  const submit = GPUQueue.prototype.submit;
  GPUQueue.prototype.submit = function (buffers) { counts.submits++; return submit.call(this, buffers); };
  const mapAsync = GPUBuffer.prototype.mapAsync;
  GPUBuffer.prototype.mapAsync = function (...args) { counts.maps++; return mapAsync.apply(this, args); };
})()`;

/** Starts counting in every worker the page creates from now on. */
export function countWorkerGpuTraffic(page: Page): { read(): Promise<GpuTraffic> } {
  const workers: Worker[] = [];
  page.on('worker', (worker) => {
    workers.push(worker);
    void worker.evaluate(WRAP).catch(() => {}); // a worker that ended before it was instrumented
  });
  return {
    async read() {
      const all = await Promise.all(workers.map((w) => w.evaluate('globalThis.spikelabGpuTraffic ?? { submits: 0, maps: 0 }').catch(() => ({ submits: 0, maps: 0 })) as Promise<GpuTraffic>));
      return all.reduce((sum, c) => ({ submits: sum.submits + c.submits, maps: sum.maps + c.maps }), { submits: 0, maps: 0 });
    },
  };
}
