/**
 * Which neuron-scan implementation runs on which backend. The plain TF.js scan runs everywhere;
 * a fused kernel registers itself for its backend and is preferred there unless `plain` is asked
 * (benchmarks and the conformance suite compare both).
 */
import type { BackendName } from '../runtime/backend';
import { plainScan } from './plain/plainScan';
import type { NeuronScan } from './neuronScan';

export type ScanPath = 'fused' | 'plain';

const fused = new Map<BackendName, NeuronScan>();

export function registerFusedScan(backend: BackendName, scan: NeuronScan): void {
  fused.set(backend, scan);
}

export function neuronScanFor(backend: string, path: ScanPath = 'fused'): { scan: NeuronScan; path: ScanPath } {
  const kernel = path === 'fused' ? fused.get(backend as BackendName) : undefined;
  return kernel ? { scan: kernel, path: 'fused' } : { scan: plainScan, path: 'plain' };
}
