/**
 * Which fused recurrent scan (./recurrentScan.ts) runs on which backend. A kernel registers
 * itself for its backend with the largest population it can run; ../program/recurrentStage.ts asks
 * here and keeps the step-by-step TF.js path where nothing is registered, the spec is not covered,
 * or N is past the kernel's limit.
 */
import type { RecurrentScan } from './recurrentScan';
import { recurrentSpecSupported } from './recurrentScan';
import type { ScanSpec } from './neuronScan';

export interface RecurrentKernel {
  scan: RecurrentScan;
  /** The largest N it runs (WGSL: workgroup memory), Infinity for none. */
  maxNeurons: number;
}

const kernels = new Map<string, RecurrentKernel>();

export function registerRecurrentScan(backend: string, kernel: RecurrentKernel): void {
  kernels.set(backend, kernel);
}

/** The fused recurrent scan for this backend, spec and size, or null (step by step). */
export function recurrentScanFor(backend: string, spec: ScanSpec, neurons: number): RecurrentScan | null {
  const kernel = kernels.get(backend);
  if (!kernel || !recurrentSpecSupported(spec) || neurons > kernel.maxNeurons) return null;
  return kernel.scan;
}
