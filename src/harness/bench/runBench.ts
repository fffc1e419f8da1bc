/**
 * One benchmark cell on the active backend: the §5 check (unless switched off), then the timed
 * workload, as one JSON-ready record in the format of docs/specs/bench.md §6 plus "backend"
 * and "path" (the scan path actually used). Defaults are the spec's; small cells are chosen by the
 * caller (SwiftShader WebGPU runs at ~0.5 GFLOP/s).
 */
import * as tf from '@tensorflow/tfjs-core';
import { SpikelabError } from '../../engine/core/errors';
import { benchCheck } from './benchCheck';
import { timeTraining } from './benchTiming';
import { workloadA } from './benchWorkloadA';
import { workloadB, type WorkloadB } from './benchWorkloadB';
import { workloadC } from './benchWorkloadC';
import { workloadW1 } from './benchWorkloadW1';
import { gpuPhaseFields } from './gpuPhases';
import type { BenchCell, BenchOptions } from './benchTypes';

const DEFAULTS = {
  A: { T: 256, batch: 128, hidden: 128, warmup: 20, fullN: 8192 },
  B: { T: 64, batch: 64, hidden: 1, warmup: 20, fullN: 30000 },
  C: { T: 500, batch: 16, hidden: 512, warmup: 5, fullN: 0 },
  W1: { T: 100, batch: 256, hidden: 128, warmup: 3, fullN: 0 },
} as const;

const round = (x: number, d = 3) => (Number.isFinite(x) ? Number(x.toFixed(d)) : null);

export async function runBenchCell(o: BenchOptions): Promise<BenchCell> {
  if (tf.getBackend() !== o.backend) {
    throw new SpikelabError('BENCH_BACKEND', `The bench asked for ${o.backend} but TF.js runs on ${tf.getBackend()}.`, 'Start that backend first (the CLI and the bench page do).');
  }
  const d = DEFAULTS[o.workload];
  const T = o.T ?? d.T;
  const B = o.batch ?? d.batch;
  const H = o.hidden ?? d.hidden;
  const warmup = o.warmup ?? d.warmup;
  const steps = o.steps ?? 50;
  const repeats = o.repeats ?? 5;
  const latencySteps = o.latencySteps ?? 100;
  const check = o.check === false ? null : await benchCheck(o.path, o.workload === 'A' ? H : 128);
  const common: BenchCell = {
    workload: o.workload, precision: 'fp32', stack: `tfjs-${o.backend}`, backend: o.backend, device: o.device ?? o.backend,
    check_passed: check ? check.passed : null,
  };
  const notes: string[] = [check ? check.detail : '§5 check skipped (--check false)'];
  if (o.workload === 'C') {
    const c = await workloadC({ T, B, n: H, path: o.path, warmup, calls: repeats });
    return { ...common, n: H, T, B, surrogate: 'spyx_arctan_k2', path: c.scanPath, warmup_s: round(c.warmup_s), fwd_ms: round(c.fwd_ms),
      fwdbwd_ms: round(c.fwdbwd_ms), fwdbwd_ms_min: round(c.fwdbwd_ms_min), fwdbwd_ms_max: round(c.fwdbwd_ms_max),
      peak_mem_bytes: c.peak_mem_bytes, mem_method: c.mem_method, notes: [...notes, `spikes ${c.spikes}`, `median of ${repeats} synced calls`].join('; ') };
  }
  const n = o.n ?? B * 4;
  if (n < B) throw new SpikelabError('BENCH_BAD_OPTION', `--n ${n} holds less than one batch of ${B}.`, `Use --n ${B * 4} or more.`);
  const w: ReturnType<typeof workloadA> & Partial<Pick<WorkloadB, 'data' | 'N' | 'dataNote'>> = o.workload === 'A' ? workloadA({ T, B, H, n, path: o.path })
    : o.workload === 'W1' ? workloadW1({ T, B, H, n, path: o.path })
      : await workloadB({ T, B, m: H, n: o.n, path: o.path, data: o.data });
  const N = w.N ?? n; // B: the samples it trains on (nmnist64-train or synthetic)
  try {
    const t = await timeTraining(w, { warmup, steps, repeats, latencySteps });
    const cell: BenchCell = {
      ...common, T, B, path: w.scanPath, data: w.data ?? 'synthetic', N, warmup_s: round(t.warmup_s), step_ms_median: round(t.step_ms_median),
      step_ms_min: round(t.step_ms_min), step_ms_max: round(t.step_ms_max), step_ms_sync_median: round(t.step_ms_sync_median),
      samples_per_s: round((B * 1000) / t.step_ms_median, 1), epoch_s: round(t.epoch_s), peak_mem_bytes: t.peak_mem_bytes,
      mem_method: t.mem_method, resident_dataset_bytes: w.residentBytes, ...(t.gpu_counts ?? {}), 
      ...(t.dispatches_by_program ? { dispatches_by_program: Object.entries(t.dispatches_by_program).map(([p, n]) => `${p} ${n}`).join(', ') } : {}),
      ...(t.gpu_phases ? gpuPhaseFields(t.gpu_phases) : {}),
    };
    if (w.memoryBudgetBytes !== undefined) {
      Object.assign(cell, { mem_budget_bytes: w.memoryBudgetBytes, mem_within_budget: t.peak_mem_bytes <= w.memoryBudgetBytes });
      notes.push('mem_budget_bytes = weights + Adam state + resident data + 2·T·B·n·4 per neuron layer');
    }
    notes.push(`K=${steps} R=${repeats} warmup=${warmup} latency n=${latencySteps}`, `epoch_s over the resident N=${N}`, `loss after epoch ${t.final_loss.toFixed(4)}`);
    if (o.workload === 'A') {
      Object.assign(cell, { H, C: 128, surrogate: 'spyx_arctan_k2', projected_100_epoch_s: round((100 * Math.floor(d.fullN / B) * t.step_ms_median) / 1000, 1) });
      notes.push(`projected_100_epoch_s = 100·⌊${d.fullN}/B⌋·step_ms_median`);
    } else if (o.workload === 'B') {
      Object.assign(cell, { m: H, surrogate: 'superspike_k25', projected_20_epoch_s: round((20 * Math.floor(d.fullN / B) * t.step_ms_median) / 1000, 1) });
      notes.push(`projected_20_epoch_s = 20·⌊${d.fullN}/B⌋·step_ms_median`, w.dataNote ?? '');
    } else {
      Object.assign(cell, { hidden: H, inputs: 700, surrogate: 'superspike_k25' });
    }
    cell.notes = notes.join('; ');
    return cell;
  } finally {
    w.dispose();
  }
}
