/**
 * The bench page's cells from its URL, e.g. bench.html?workload=A,C&backend=webgpu&path=both&T=32
 * &batch=16&hidden=32&steps=5&repeats=3&warmup=2&latency=3&check=true&data=synthetic&autorun=1. Plain data, no
 * TF.js: shared by the page and the headless driver (scripts/bench/browserBench.ts).
 */
import type { BackendName } from '../../engine/tensor/runtime/backend';
import type { BenchOptions, WorkloadName } from '../bench/benchTypes';
import type { ScanPath } from '../../engine/tensor/kernels/neuronScan';

/** Small cells for software adapters (SwiftShader WebGPU ~0.5 GFLOP/s); the spec's are the CLI's flags. */
export const SMALL_CELL = { T: '32', batch: '16', hidden: '32', steps: '5', repeats: '3', warmup: '2', latency: '3' } as const;

const NUMERIC = { T: 'T', batch: 'batch', hidden: 'hidden', n: 'n', warmup: 'warmup', steps: 'steps', repeats: 'repeats', latency: 'latencySteps' } as const;

export function cellsFromQuery(params: URLSearchParams): BenchOptions[] {
  const list = (name: string, fallback: string) => (params.get(name) ?? fallback).split(',').filter(Boolean);
  const base: Partial<BenchOptions> = { check: params.get('check') !== 'false' };
  const data = params.get('data');
  if (data) base.data = data as BenchOptions['data']; // workload B refuses what it does not know
  for (const [key, field] of Object.entries(NUMERIC)) {
    const raw = params.get(key) ?? (SMALL_CELL as Record<string, string>)[key];
    if (raw !== undefined && raw !== '') (base as Record<string, number>)[field] = Number(raw);
  }
  const paths = list('path', 'both').flatMap((p) => (p === 'both' ? ['fused', 'plain'] : [p])) as ScanPath[];
  const cells: BenchOptions[] = [];
  for (const backend of list('backend', 'webgpu') as BackendName[]) {
    for (const workload of list('workload', 'A') as WorkloadName[]) {
      for (const path of paths) cells.push({ ...base, workload, backend, path });
    }
  }
  return cells;
}
