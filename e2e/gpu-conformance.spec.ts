/**
 * Kernel conformance in headless Chromium (WebGPU through SwiftShader where there is no GPU):
 * conformance.html runs, in one worker and one page load, the neuron-scan suite (every ScanSpec
 * variant and every surrogate; fused WGSL on webgpu vs plain TF.js on cpu: spikes exact, values
 * and dx dβ dα to float32 tolerance) and the resident-dataset suite (GPU gather+unpack vs a JS
 * unpack, bit-exact) on each backend. wasm and cpu run the CPU fast path's fused scans; webgl falls back to plain.
 * Last, a destroyed WebGPU device must give GPU_DEVICE_LOST at the next fused scan, not a hang.
 */
import { expect, test } from '@playwright/test';
import type { ConformanceReport } from '../src/harness/pages/conformanceTypes';

const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'];

test('fused kernels agree with the plain TF.js reference on every backend', async ({ page }) => {
  test.setTimeout(420_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`/conformance.html?backends=${BACKENDS.join(',')}`);
  await page.waitForFunction(() => (globalThis as unknown as { spikelabConformance?: ConformanceReport }).spikelabConformance?.done === true,
    undefined, { timeout: 400_000, polling: 500 });
  const report = await page.evaluate(() => (globalThis as unknown as { spikelabConformance: ConformanceReport }).spikelabConformance);
  console.log(await page.locator('#log').textContent());

  expect(errors).toEqual([]);
  expect(report.backendErrors).toEqual({});
  expect(Object.keys(report.backends).sort()).toEqual([...BACKENDS].sort());
  const failed = [...report.scan, ...report.unpack].filter((r) => !r.ok).map((r) => `${r.backend} ${r.name}`);
  expect(failed).toEqual([]);
  expect(report.deviceLost).toMatchObject({ ok: true, code: 'GPU_DEVICE_LOST' });
  // Recurrent layers (src/harness/conformance/recurrentScanConformance.ts): the fused recurrent scan
  // (WGSL on webgpu, JS loops on wasm and cpu; webgl has none and runs the step-by-step reference)
  // against the step-by-step TF.js path on cpu: spikes exact, membranes and ∂x ∂W ∂β ∂α ∂r to tolerance.
  expect(report.recurrent.filter((r) => !r.ok).map((r) => `${r.backend} ${r.path} ${r.name} ${r.error ?? JSON.stringify(r.relErr)}`)).toEqual([]);
  for (const backend of BACKENDS) {
    const recurrent = report.recurrent.filter((r) => r.backend === backend);
    expect(recurrent.length, backend).toBeGreaterThanOrEqual(20);
    expect(new Set(recurrent.map((r) => r.path)), backend).toEqual(new Set([backend === 'webgl' ? 'plain' : 'fused']));
  }
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
  // A workload-A training step on WebGPU stays within its memory budget (weights + Adam state +
  // packed data + 2·T·B·n·4 per neuron layer; src/harness/bench/memoryBudget.ts).
  expect(report.memory).toMatchObject({ ok: true });
  // The readout losses against float64 (src/harness/conformance/readoutLossConformance.ts): three
  // WGSL programs on webgpu, the TF.js ops elsewhere; six cases per backend.
  expect(report.readoutLoss.filter((r) => !r.ok).map((r) => `${r.backend} ${r.name} ${r.lossErr} ${r.gradErr} ${JSON.stringify(r.correct)}`)).toEqual([]);
  for (const backend of Object.keys(report.backends)) {
    expect(report.readoutLoss.filter((r) => r.backend === backend).map((r) => r.kernel), backend).toEqual(Array(6).fill(backend === 'webgpu' ? 'registered' : 'tfjs'));
  }
  // The metrics ring (src/harness/conformance/metricsRingConformance.ts): a session with two steps
  // in flight reports what one reading every step does; on webgpu one buffer is mapped a step.
  expect(report.metricsRing.filter((r) => !r.ok).map((r) => `${r.backend} ${JSON.stringify(r)}`)).toEqual([]);
  expect(Object.fromEntries(report.metricsRing.map((r) => [r.backend, [r.maxInFlight, r.readbacksPerStep]]))).toEqual(Object.fromEntries(
    Object.keys(report.backends).map((b) => [b, [2, b === 'webgpu' ? 1 : null]])));
  // The backend's Adam against float64 (src/harness/conformance/adamConformance.ts): the WGSL
  // one on webgpu (one dispatch per tensor), host loops on cpu and wasm, TF.js's own on webgl.
  expect(report.adam.filter((r) => !r.ok).map((r) => `${r.backend} ${r.kernel} ${r.relErr}`)).toEqual([]);
  expect(Object.fromEntries(report.adam.map((r) => [r.backend, r.kernel]))).toEqual(Object.fromEntries(
    Object.keys(report.backends).map((b) => [b, b === 'webgl' ? 'tfjs' : 'registered'])));
  // The first layer reading the dataset's bits (src/harness/conformance/bitMatMulConformance.ts):
  // packedBatch bit-exact and bitMatMul's y and ∂W within 1e-5 of a JS reference, on webgpu
  // (WGSL), wasm and cpu (sparse rows + SIMD); webgl has neither.
  expect(report.bitMatMul.filter((r) => !r.ok).map((r) => `${r.backend} ${r.name} ${r.error ?? ''}`)).toEqual([]);
  for (const backend of BACKENDS) {
    const bits = report.bitMatMul.filter((r) => r.backend === backend);
    expect(bits.map((r) => r.kind).sort(), backend).toEqual(backend === 'webgl' ? [] : [...Array(4).fill('bitMatMul'), ...Array(4).fill('packedBatch')]);
  }
});
