/** Messages from the conformance worker to its page (plain data only). */
import type { ScanCaseResult } from '../engine/tensor/scan/fusedScanConformance';
import type { UnpackCaseResult } from '../engine/tensor/data/unpackConformance';

export type ConformanceMessage =
  | { type: 'backend'; backend: string; adapter: string }
  | { type: 'backendError'; backend: string; error: string }
  | { type: 'scan'; result: ScanCaseResult }
  | { type: 'unpack'; result: UnpackCaseResult }
  | { type: 'deviceLost'; ok: boolean; code: string; message: string }
  | { type: 'done'; seconds: number };

export interface ConformanceReport {
  done: boolean;
  seconds: number;
  backends: Record<string, string>;
  backendErrors: Record<string, string>;
  scan: ScanCaseResult[];
  unpack: UnpackCaseResult[];
  deviceLost?: { ok: boolean; code: string; message: string };
}
