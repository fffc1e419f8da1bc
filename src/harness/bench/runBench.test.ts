import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { fileFetcher } from '../../engine/datasets/fetchersNode';
import { zlibGunzip } from '../../engine/datasets/formats/gzipNode';
import { startNodeBackend } from '../../engine/tensor/runtime/loaders.node';
import { setBenchDataSource } from './benchData';
import { runBenchCell } from './runBench';

// Shape of the JSON line (bench.md §6 + backend, path) on tiny cells; no timing is asserted.
describe('runBenchCell (Node, wasm)', () => {
  beforeAll(async () => {
    await startNodeBackend('wasm');
    // As the CLI does: the shipped sets under public/datasets (workload B reads nmnist64-train).
    setBenchDataSource({ fetchBytes: fileFetcher('public/datasets'), codec: zlibGunzip });
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
    // T = 2 is a shrunken cell: synthetic frames, and the notes say so.
    expect(b).toMatchObject({ workload: 'B', backend: 'wasm', data: 'synthetic', N: 8 });
    expect(b.notes).toContain('shrunken cell, T=2');
    expect(b.step_ms_median as number).toBeGreaterThan(0);
  });

  it('trains workload B on the shipped nmnist64-train (T = 64), real data, finite loss', async () => {
    const before = tf.memory().numTensors;
    const cell = await runBenchCell({ workload: 'B', backend: 'wasm', path: 'fused', T: 64, batch: 2, hidden: 1, n: 4, warmup: 1, steps: 1, repeats: 1, latencySteps: 1, check: false });
    expect(cell).toMatchObject({ workload: 'B', backend: 'wasm', data: 'nmnist64-train', N: 4, T: 64, B: 2, m: 1 });
    // 4 samples × ⌈64/8⌉ × 2·34·34 packed bytes + 4 int32 labels: 1 bit per (t, feature).
    expect(cell.resident_dataset_bytes).toBe(4 * 8 * 2312 + 4 * 4);
    expect(cell.notes).toContain('nmnist64-train: real N-MNIST, tonic ToFrame(n_time_bins=64)');
    const loss = Number(/loss after epoch (\S+);/.exec(String(cell.notes))?.[1]);
    expect(Number.isFinite(loss)).toBe(true);
    expect(loss).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
    // Asking for the shipped data on a shrunken cell is an error, not a silent substitution.
    await expect(runBenchCell({ workload: 'B', backend: 'wasm', path: 'fused', T: 8, batch: 2, hidden: 1, data: 'nmnist64', check: false }))
      .rejects.toMatchObject({ code: 'BENCH_BAD_OPTION' });
    // So is data it does not know (the bench page passes ?data= through).
    await expect(runBenchCell({ workload: 'B', backend: 'wasm', path: 'fused', T: 8, batch: 2, hidden: 1, data: 'nmnist' as 'nmnist64', check: false }))
      .rejects.toMatchObject({ code: 'BENCH_BAD_OPTION' });
  });
});
