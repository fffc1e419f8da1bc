/**
 * The memory target as a check (e2e/gpu-conformance.spec.ts runs it on WebGPU): two training steps
 * of workload A on the fused path, GPU bytes sampled as the bench samples them (./benchTiming.ts:
 * after the forward pass and after the update), against the budget of ./memoryBudget.ts. The cell
 * is small enough for SwiftShader yet large enough that the per-layer terms dominate the budget
 * (T 128, B 64, H 32, 128 inputs), as they do at the spec's cells.
 */
import { memorySampler } from './benchTiming';
import { workloadA } from './benchWorkloadA';

export interface MemoryCheckResult {
  T: number;
  B: number;
  H: number;
  peakBytes: number;
  budgetBytes: number;
  ok: boolean;
}

export async function runMemoryCheck(cell = { T: 128, B: 64, H: 32 }): Promise<MemoryCheckResult> {
  const w = workloadA({ ...cell, n: 2 * cell.B, path: 'fused' });
  const mem = memorySampler();
  try {
    for (let i = 0; i < 2; i++) {
      const loss = w.step(i, mem.at);
      await loss.data();
      loss.dispose();
    }
  } finally {
    w.dispose();
  }
  const budgetBytes = w.memoryBudgetBytes ?? 0;
  return { ...cell, peakBytes: mem.peak(), budgetBytes, ok: mem.peak() > 0 && mem.peak() <= budgetBytes };
}
