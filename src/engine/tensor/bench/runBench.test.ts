import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { startNodeBackend } from '../backends.node';
import { runBenchCell } from './runBench';

// Shape of the JSON line (bench.md §6 + backend, path) on tiny cells; no timing is asserted.
describe('runBenchCell (Node, wasm)', () => {
  beforeAll(async () => {
    await startNodeBackend('wasm');
  });

  it('times workload A from the resident packed data and reports the §6 fields', async () => {
    const before = tf.memory().numTensors;
    // wasm has the CPU fast path's fused scan (src/engine/tensor/cpu), so 'fused' is what runs.
    const cell = await runBenchCell({ workload: 'A', backend: 'wasm', path: 'fused', T: 8, batch: 2, hidden: 8, n: 4, warmup: 1, steps: 1, repeats: 1, latencySteps: 1, check: false });
    expect(cell).toMatchObject({ workload: 'A', backend: 'wasm', path: 'fused', stack: 'tfjs-wasm', data: 'synthetic', N: 4, T: 8, B: 2, H: 8, check_passed: null });
    // wasm keeps the packed bytes (1 bit per step and feature): 4 samples × ⌈8/8⌉ × 128 features, + 4 int32 labels
    expect(cell.resident_dataset_bytes).toBe(4 * 1 * 128 + 4 * 4);
    for (const key of ['warmup_s', 'step_ms_median', 'step_ms_min', 'step_ms_max', 'step_ms_sync_median', 'samples_per_s', 'epoch_s', 'projected_100_epoch_s', 'peak_mem_bytes']) {
      expect(typeof cell[key], key).toBe('number');
      expect(cell[key] as number, key).toBeGreaterThan(0);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('times workload C (fwd and fwd+bwd), and B on wasm through the engine\'s conv2d gradient', async () => {
    const cell = await runBenchCell({ workload: 'C', backend: 'wasm', path: 'plain', T: 4, batch: 2, hidden: 8, warmup: 1, repeats: 1, check: false });
    expect(cell).toMatchObject({ workload: 'C', n: 8, T: 4, B: 2, path: 'plain' });
    expect(cell.fwdbwd_ms as number).toBeGreaterThan(0);
    const b = await runBenchCell({ workload: 'B', backend: 'wasm', path: 'plain', T: 2, batch: 2, hidden: 1, warmup: 1, repeats: 1, steps: 2, latencySteps: 2, check: false });
    expect(b).toMatchObject({ workload: 'B', backend: 'wasm' });
    expect(b.step_ms_median as number).toBeGreaterThan(0);
  });
});
