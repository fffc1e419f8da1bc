/**
 * The benchmark's options and the JSON line it prints per cell (docs/specs/bench.md §6, plus
 * "backend" and "path"). Plain data: it crosses the worker boundary and prints in the CLI.
 */
import type { BackendName } from '../../engine/tensor/runtime/backend';
import type { ScanPath } from '../../engine/tensor/kernels/neuronScan';

export type WorkloadName = 'A' | 'B' | 'C' | 'W1';

/** Workload B's data: the shipped nmnist64-train, or synthetic frames (bench.md §3). */
export type BenchData = 'nmnist64' | 'synthetic';

export interface BenchOptions {
  workload: WorkloadName;
  backend: BackendName;
  path: ScanPath;
  /** Time steps; per-workload default (A 256, B 64, C 500, W1 100). */
  T?: number;
  /** Batch; default A 128, B 64, C 16, W1 256. */
  batch?: number;
  /** Hidden size (A: H, C: n, W1: hidden, B: channel multiplier m). */
  hidden?: number;
  /** Samples resident on the device; default a few batches (synthetic), or all of B's shipped split. */
  n?: number;
  /** B only: 'synthetic' frames, or 'nmnist64' (an error if unusable); default the shipped split when T = 64. */
  data?: BenchData;
  /** Discarded steps (A, B: 20) or calls (C: 5). */
  warmup?: number;
  /** K steps per throughput repeat (50). */
  steps?: number;
  /** R throughput repeats (5). */
  repeats?: number;
  /** Latency-mode steps, each synced (100 by the spec; fewer on slow adapters). */
  latencySteps?: number;
  /** Run the bench.md §5 check first (workload A compiled by the engine, H = 128, gain 2). */
  check?: boolean;
  /** What the adapter / machine calls itself. */
  device?: string;
}

export type BenchCell = Record<string, string | number | boolean | null>;
