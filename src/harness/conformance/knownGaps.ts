/**
 * What each backend does not run, as data (tfjs's TEST_FILTERS). Every conformance suite runs every
 * case on every backend, unless a gap here names that backend and suite: then the case runs the
 * plain TF.js reference there ('reference'), runs the backend's own kernel in place of a TF.js op
 * it lacks ('kernel'), or is not run ('skipped'). A case whose backend lacks a kernel with no gap
 * listed fails. `op` is the registry op (src/engine/tensor/kernels/registry.ts) whose absence or
 * limit makes the gap; ./knownGaps.test.ts checks each against what the register files register.
 */
import type { KernelOp } from '../../engine/tensor/kernels/registry';
import type { BackendName } from '../../engine/tensor/runtime/backend';
import { RECURRENT_MAX_NEURONS } from '../../engine/tensor/webgpu/programs/recurrentLayout';

/** The suites: ./fusedScanConformance.ts, ./recurrentScanConformance.ts, ./bitMatMulConformance.ts, ../bench/memoryCheck.ts, and the conv2d gradient test. */
export type ConformanceSuite = 'scan' | 'recurrent' | 'packedBatch' | 'bitMatMul' | 'memory' | 'conv2dGradient';

export interface KnownGap {
  backend: BackendName;
  suite: ConformanceSuite;
  op?: KernelOp;
  /** Only cases with more neurons than this; else every case of the suite. */
  neuronsAbove?: number;
  /** Only cases whose surrogate has a smooth forward. */
  smoothOnly?: boolean;
  then: 'reference' | 'kernel' | 'skipped';
  /** What the engine does there instead. */
  instead: string;
  reason: string;
}

export const KNOWN_GAPS: readonly KnownGap[] = [
  { backend: 'webgl', suite: 'scan', op: 'neuronScan', then: 'reference', instead: 'the plain TF.js scan (per-step ops)', reason: 'no fused WebGL kernel was written; WebGL is the fallback GPU backend' },
  { backend: 'webgl', suite: 'recurrent', op: 'recurrentScan', then: 'reference', instead: 'the recurrent stage step by step', reason: 'no fused WebGL kernel was written' },
  { backend: 'webgl', suite: 'packedBatch', op: 'residentDataset', then: 'skipped', instead: "the 'tfjs-lanes16' layout, whose batches are always unpacked to float32", reason: 'TF.js ops on 16-step lanes have no 1-bit gather + pack' },
  { backend: 'webgl', suite: 'bitMatMul', op: 'bitMatMul', then: 'skipped', instead: 'the first layer multiplies the unpacked float batch (tf.matMul)', reason: 'no bit-matmul kernel was written for WebGL' },
  { backend: 'webgpu', suite: 'recurrent', op: 'recurrentScan', neuronsAbove: RECURRENT_MAX_NEURONS, then: 'reference', instead: 'the recurrent stage step by step',
    reason: 'the WGSL recurrent scan holds a batch row\'s previous step in workgroup memory (16 KB, 2·N floats: src/engine/tensor/webgpu/programs/recurrentLayout.ts)' },
  { backend: 'webgpu', suite: 'scan', op: 'neuronScan', smoothOnly: true, then: 'reference', instead: 'the plain TF.js scan (Program runs smooth forwards on the plain path on every backend)',
    reason: 'the WGSL scan fires with H(z) only (src/engine/tensor/webgpu/programs/scanSpikesProgram.ts)' },
  { backend: 'wasm', suite: 'conv2dGradient', op: 'conv2d', then: 'kernel', instead: 'the CPU path\'s own conv2d and its gradients (src/engine/tensor/cpu/conv/conv2dKernels.ts; dilation 1)',
    reason: "tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter kernel" },
  ...(['webgl', 'wasm', 'cpu'] as const).map((backend): KnownGap => ({
    backend, suite: 'memory', then: 'skipped', instead: 'tf.memory().numBytes, the TF.js-tracked tensors (src/harness/bench/benchTiming.ts)',
    reason: 'the budget is checked against tf.memory().numBytesInGPU, which only the webgpu backend reports',
  })),
];

/** What a case is, as far as the gaps care. */
export interface GapCase {
  neurons?: number;
  smooth?: boolean;
}

/** The gap that covers this case of `suite` on `backend`, if any. */
export function knownGap(backend: string, suite: ConformanceSuite, c: GapCase = {}): KnownGap | undefined {
  return KNOWN_GAPS.find((g) => g.backend === backend && g.suite === suite
    && (g.neuronsAbove === undefined || (c.neurons ?? 0) > g.neuronsAbove)
    && (!g.smoothOnly || c.smooth === true));
}

/** The path a scan case must take on `backend`: 'plain' where a gap sends it to the reference, else 'fused'. */
export function expectedPath(backend: string, suite: 'scan' | 'recurrent', c: GapCase = {}): 'fused' | 'plain' {
  return knownGap(backend, suite, c)?.then === 'reference' ? 'plain' : 'fused';
}
