/**
 * Spikelab's side of the W1 comparison (./w1SideBySide.ts bundles this and runs it interleaved
 * with ./w1_fused.py): ms per training step of bench workload W1 (src/harness/bench/benchWorkloadW1.ts:
 * 700 → H LIF → 20 LI, fast sigmoid k = 25, reset detached, integral CE, Adam 1e-3, x ~ Bernoulli(0.02)
 * resident bit-packed, each batch gathered inside the step) on the wasm or cpu backend's fast path.
 * A step is the gather, forward over all T, loss, BPTT, Adam, ending with the loss read back.
 * `profileW1Step` is the same step profiled kernel by kernel (./stepProfile.ts; ./w1Profile.ts prints it).
 */
import { startNodeBackend } from '../../../src/engine/tensor/runtime/loaders.node';
import { workloadW1 } from '../../../src/harness/bench/benchWorkloadW1';
import { profileStep, type StepProfile } from './stepProfile';
import { timeSteps, type StepTimes } from './stepTimes';

export interface W1StepOptions {
  T: number;
  B: number;
  H: number;
  /** Resident samples. */
  n: number;
  warmup: number;
  steps: number;
}

export interface W1StepResult extends StepTimes {
  impl: string;
  backend: string;
  T: number;
  B: number;
  H: number;
  warmup: number;
  steps: number;
}

const w1Workload = (o: W1StepOptions) => workloadW1({ T: o.T, B: o.B, H: o.H, n: o.n, path: 'fused' });

export async function benchW1Step(backend: 'wasm' | 'cpu', o: W1StepOptions): Promise<W1StepResult> {
  await startNodeBackend(backend);
  const times = await timeSteps(w1Workload(o), o.warmup, o.steps);
  return { impl: `spikelab (${backend} fast path)`, backend, T: o.T, B: o.B, H: o.H, warmup: o.warmup, steps: o.steps, ...times };
}

export function profileW1Step(backend: 'wasm' | 'cpu', o: W1StepOptions): Promise<StepProfile> {
  return profileStep(backend, () => Promise.resolve(w1Workload(o)), o);
}
