/** Messages from the conformance worker to its page (plain data only). */
import type { ScanCaseResult } from '../conformance/fusedScanConformance';
import type { RecurrentCaseResult } from '../conformance/recurrentScanConformance';
import type { UnpackCaseResult } from '../conformance/unpackConformance';
import type { BitMatMulCaseResult } from '../conformance/bitMatMulConformance';
import type { MemoryCheckResult } from '../bench/memoryCheck';
import type { AdamCaseResult } from '../conformance/adamConformance';
import type { ReadoutLossCaseResult } from '../conformance/readoutLossConformance';
import type { MetricsRingCaseResult } from '../conformance/metricsRingConformance';

export type ConformanceMessage =
  | { type: 'backend'; backend: string; adapter: string }
  | { type: 'backendError'; backend: string; error: string }
  | { type: 'scan'; result: ScanCaseResult }
  | { type: 'recurrent'; result: RecurrentCaseResult }
  | { type: 'unpack'; result: UnpackCaseResult }
  | { type: 'bitMatMul'; result: BitMatMulCaseResult }
  | { type: 'adam'; result: AdamCaseResult }
  | { type: 'readoutLoss'; result: ReadoutLossCaseResult }
  | { type: 'metricsRing'; result: MetricsRingCaseResult }
  | { type: 'memory'; result: MemoryCheckResult | { error: string } }
  | { type: 'deviceLost'; ok: boolean; code: string; message: string }
  | { type: 'done'; seconds: number };

export interface ConformanceReport {
  done: boolean;
  seconds: number;
  backends: Record<string, string>;
  backendErrors: Record<string, string>;
  scan: ScanCaseResult[];
  /** The fused recurrent scan vs the step-by-step reference (plain where a backend has no kernel). */
  recurrent: RecurrentCaseResult[];
  unpack: UnpackCaseResult[];
  /** packedBatch + bitMatMul (the first layer reading bits); none on webgl. */
  bitMatMul: BitMatMulCaseResult[];
  /** The backend's Adam (WGSL on webgpu, host loops on cpu, TF.js's elsewhere) against float64. */
  adam: AdamCaseResult[];
  /** The readout losses (fused on webgpu, TF.js ops elsewhere) against float64. */
  readoutLoss: ReadoutLossCaseResult[];
  /** A training session with two steps in flight against one that reads every step (../conformance/metricsRingConformance.ts). */
  metricsRing: MetricsRingCaseResult[];
  /** Workload A's step on webgpu: peak GPU bytes against the memory budget. */
  memory?: MemoryCheckResult | { error: string };
  deviceLost?: { ok: boolean; code: string; message: string };
}
