/** The WebGPU command counters on a stand-in device: what they count, per step, and that stop() restores it. */
import { describe, expect, it } from 'vitest';
import { countGpuWork, dispatchesByProgram, perStep } from './gpuCounters';

function fakeDevice() {
  const pass = () => ({ setPipeline: () => {}, dispatchWorkgroups: () => {}, dispatchWorkgroupsIndirect: () => {}, end: () => {} });
  const device = {
    queue: { submit: () => {} },
    createCommandEncoder: () => ({ beginComputePass: pass, finish: () => ({}) }),
    createBuffer: (d: { size: number }) => ({ size: d.size, mapAsync: async () => {} }),
  };
  return device as GPUDevice & typeof device;
}

describe('GPU command counters', () => {
  it('counts dispatches, submits, maps (and their bytes) and buffers created', async () => {
    const device = fakeDevice();
    const originalSubmit = device.queue.submit;
    const counter = countGpuWork(device);
    for (let step = 0; step < 2; step++) {
      const encoder = device.createCommandEncoder();
      const pass = encoder.beginComputePass();
      pass.setPipeline({ label: 'ScanForwardProgram' } as GPUComputePipeline);
      pass.dispatchWorkgroups(4);
      pass.dispatchWorkgroups(4);
      pass.setPipeline({ label: 'AdamMomentsProgram' } as GPUComputePipeline);
      pass.dispatchWorkgroupsIndirect({} as GPUBuffer, 0);
      device.queue.submit([encoder.finish()]);
    }
    const staging = device.createBuffer({ size: 64 } as GPUBufferDescriptor);
    await staging.mapAsync(1);
    await staging.mapAsync(1, 16, 8);
    const byProgram = { ScanForwardProgram: 4, AdamMomentsProgram: 2 };
    expect(counter.read()).toEqual({ dispatches: 6, submits: 2, readbacks: 2, readbackBytes: 64 + 8, buffersCreated: 1, byProgram });
    const start = { dispatches: 0, submits: 0, readbacks: 0, readbackBytes: 0, buffersCreated: 0, byProgram: { AdamMomentsProgram: 0 } };
    expect(dispatchesByProgram(start, counter.read(), 2)).toEqual({ ScanForwardProgram: 2, AdamMomentsProgram: 1 });
    expect(Object.keys(dispatchesByProgram(start, counter.read(), 2))).toEqual(['ScanForwardProgram', 'AdamMomentsProgram']);
    expect(perStep(start, counter.read(), 2)).toEqual({
      dispatches_per_step: 3, submits_per_step: 1, readbacks_per_step: 1, readback_bytes_per_step: 36, buffers_created_per_step: 0.5,
    });
    counter.stop();
    expect(device.queue.submit).toBe(originalSubmit);
    device.queue.submit([]);
    expect(counter.read().submits).toBe(2);
  });
});
