/**
 * Kernel conformance in headless Chromium (WebGPU through SwiftShader where there is no GPU):
 * conformance.html runs, in one worker and one page load, the neuron-scan suite (every ScanSpec
 * variant and every surrogate; fused WGSL on webgpu vs plain TF.js on cpu: spikes exact, values
 * and dx dβ dα to float32 tolerance) and the resident-dataset suite (GPU gather+unpack vs a JS
 * unpack, bit-exact) on each backend. wasm and cpu run the CPU fast path's fused scans; webgl falls back to plain.
 * Last, a destroyed WebGPU device must give GPU_DEVICE_LOST at the next fused scan, not a hang.
 */
import { expect, test } from '@playwright/test';
import type { ConformanceReport } from '../src/bench/conformanceTypes';

const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'];

test('fused kernels agree with the plain TF.js reference on every backend', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`/conformance.html?backends=${BACKENDS.join(',')}`);
  await page.waitForFunction(() => (globalThis as unknown as { spikelabConformance?: ConformanceReport }).spikelabConformance?.done === true,
    undefined, { timeout: 220_000, polling: 500 });
  const report = await page.evaluate(() => (globalThis as unknown as { spikelabConformance: ConformanceReport }).spikelabConformance);
  console.log(await page.locator('#log').textContent());

  expect(errors).toEqual([]);
  expect(report.backendErrors).toEqual({});
  expect(Object.keys(report.backends).sort()).toEqual([...BACKENDS].sort());
  const failed = [...report.scan, ...report.unpack].filter((r) => !r.ok).map((r) => `${r.backend} ${r.name}`);
  expect(failed).toEqual([]);
  expect(report.deviceLost).toMatchObject({ ok: true, code: 'GPU_DEVICE_LOST' });
  for (const backend of BACKENDS) {
    const scans = report.scan.filter((r) => r.backend === backend);
    expect(scans.length).toBeGreaterThanOrEqual(50);
    // Fused kernels: WGSL on webgpu, JS / WebAssembly SIMD on wasm and cpu (src/engine/tensor/cpu); webgl runs plain.
    expect(new Set(scans.map((r) => r.path))).toEqual(new Set([backend === 'webgl' ? 'plain' : 'fused']));
    const unpacks = report.unpack.filter((r) => r.backend === backend);
    expect(unpacks.length).toBe(4);
    const layout = backend === 'webgpu' ? 'webgpu-words' : backend === 'webgl' ? 'tfjs-lanes16' : 'host-bits';
    expect(new Set(unpacks.map((r) => r.layout))).toEqual(new Set([layout]));
  }
});
