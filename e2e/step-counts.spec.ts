/**
 * What a WebGPU training step costs in commands (issue 18; docs/bench.md "What a step costs"):
 * the bench page runs workload A's small cell (T 32, B 16, H 32) on the fused path and reports the
 * counts of src/harness/bench/gpuCounters.ts. They are the same on SwiftShader as on a real GPU,
 * so they are asserted here: at most 40 compute dispatches per step, one submit per step (the
 * count includes the final read that syncs the timed steps: 1 + 1/steps), no readback and no
 * buffer created per step beyond the two the bit-packed gather and the loss draw from the pool.
 * Where the device has timestamp-query (SwiftShader does), it also checks the GPU time per phase
 * (src/harness/bench/gpuPhases.ts): every phase timed and ≥ 0, and their sum within the marked
 * steps' synced wall time.
 */
import { expect, test } from '@playwright/test';
import type { BenchCell } from '../src/harness/bench/benchTypes';
import { PHASES } from '../src/harness/bench/gpuPhases';

test('a workload-A training step on WebGPU is at most 40 dispatches and one submit', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/bench.html?autorun=1&backend=webgpu&workload=A&path=fused&T=32&batch=16&hidden=32&steps=5&repeats=1&warmup=2&latency=1');
  await page.waitForFunction(() => (globalThis as unknown as { spikelabBench?: { done: boolean } }).spikelabBench?.done === true,
    undefined, { timeout: 220_000, polling: 500 });
  const report = await page.evaluate(() => (globalThis as unknown as { spikelabBench: { cells: BenchCell[]; errors: unknown[] } }).spikelabBench);
  expect(errors).toEqual([]);
  expect(report.errors).toEqual([]);
  const [cell] = report.cells;
  console.log(JSON.stringify(cell));
  expect(cell).toMatchObject({ workload: 'A', backend: 'webgpu', path: 'fused', check_passed: true });
  expect(cell.dispatches_per_step).toBeLessThanOrEqual(40);
  expect(cell.submits_per_step).toBeLessThanOrEqual(1.2);
  expect(cell.readbacks_per_step).toBe(0);
  expect(cell.buffers_created_per_step).toBeLessThanOrEqual(3);
  // Spikelab's multi-output programs, by shader key (TF.js labels its own by class name, which the
  // production build minifies): one Adam dispatch per parameter tensor (W1..W3, β1, β2, β_out), one
  // loss program, one forward and one backward scan per neuron layer.
  const programs = String(cell.dispatches_by_program);
  expect(programs).toMatch(/spikelab_adam_update 6\b/);
  expect(programs).toMatch(/spikelab_softmax_ce_plain 1\b/);
  expect(programs.match(/spikelab_scan_(fwd|bwd)_\S+ \d+/g)?.reduce((n, entry) => n + Number(entry.split(' ').pop()), 0)).toBe(6);
  if (cell.gpu_ms_per_step === null) {
    expect(cell.gpu_time_method).toMatch(/no timestamp-query/);
    return;
  }
  const phases = PHASES.map((p) => cell[`gpu_ms_${p}`]);
  console.log(`GPU ms per phase: ${PHASES.map((p, i) => `${p} ${phases[i]}`).join(', ')}; sum ${cell.gpu_ms_per_step}; synced wall ${cell.gpu_phase_steps_ms_sync}`);
  for (const ms of phases) expect(ms).toBeGreaterThanOrEqual(0);
  expect(Number(cell.gpu_ms_per_step)).toBeCloseTo(phases.reduce<number>((s, ms) => s + Number(ms), 0), 2);
  expect(Number(cell.gpu_ms_per_step)).toBeGreaterThan(0);
  expect(Number(cell.gpu_ms_per_step)).toBeLessThanOrEqual(Number(cell.gpu_phase_steps_ms_sync));
});
