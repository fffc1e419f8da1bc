/**
 * The metrics ring on a real backend (TrainingSession.run with a readback lag, ../../engine/
 * tensor/train/session.ts): a small workload-A session (16 → 8 LIF → 8 LIF → 20 LI, B 4, T 8,
 * two epochs with a test split) trains once reading every step's figures before the next and
 * once with two steps in flight. Passes when both report the same steps and epochs with figures
 * and final weights within float32 rounding (1e-6 relative to the largest), the ring really had
 * two steps queued ahead of their figures, and on webgpu a training step maps one buffer (its
 * packed figures: GPUBuffer.mapAsync counted over one epoch with no test split).
 */
import * as tf from '@tensorflow/tfjs-core';
import { TrainingSession } from '../../engine/tensor/train/session';
import { DEFAULT_TRAIN_CONFIG } from '../../engine/train/defaults';
import type { StepMetrics, TrainConfig } from '../../engine/train/types';
import { initParamsA } from '../../engine/workloads/canon';
import { syntheticShd } from '../../engine/workloads/syntheticData';
import { workloadAGraph } from '../../engine/workloads/workloadAGraph';

export interface MetricsRingCaseResult {
  backend: string;
  ok: boolean;
  steps: number;
  /** The most steps queued ahead of their reported figures. */
  maxInFlight: number;
  /** webgpu: buffers mapped per training step with the ring on; null elsewhere. */
  readbacksPerStep: number | null;
  /** Largest difference of a figure or weight between the two runs, relative to the largest value. */
  relDiff: number;
  /** Wall time per step of the two runs after their first (a figure, not a criterion: the machine's load moves it). */
  msPerStep: { plain: number; ring: number };
  error?: string;
}

const LAG = 2;
const config: TrainConfig = {
  ...DEFAULT_TRAIN_CONFIG, dt: 1, batchSize: 4, epochs: 2, lr: 5e-3, seed: 3,
  surrogate: { name: 'spyx_arctan', slope: 2 }, schedule: { kind: 'step', everyEpochs: 1, factor: 0.5 },
};
const data = { train: syntheticShd({ n: 24, T: 8, C: 16 }), test: syntheticShd({ n: 8, T: 8, C: 16, offset: 100 }) };
const graph = () => workloadAGraph(initParamsA({ C: 16, H: 8, gain: 2 }));

async function trainOnce(readbackLag: number, split: typeof data | { train: typeof data.train }, epochs: number) {
  const session = new TrainingSession(graph(), split, { ...config, epochs }, { readbackLag, pipelineMaxStepMs: Infinity });
  const figures: number[] = [];
  const steps: number[] = [];
  let maxInFlight = 0;
  try {
    let firstReport = 0;
    await session.run({
      onStep: (m: StepMetrics) => {
        if (steps.length === 0) firstReport = performance.now(); // the first step compiles the shaders
        steps.push(m.step);
        figures.push(m.loss, m.accuracy, ...Object.values(m.rates ?? {}));
        maxInFlight = Math.max(maxInFlight, session.stepsInFlight);
      },
      onEpoch: (e) => figures.push(e.trainLoss, e.trainAccuracy, e.testLoss ?? 0, e.testAccuracy ?? 0),
    });
    const ms = (performance.now() - firstReport) / Math.max(1, steps.length - 1);
    const weights = await Promise.all(Object.values(session.program.variables).map(async (v) => Array.from(await v.data())));
    return { figures: [...figures, ...weights.flat()], steps, maxInFlight, variables: weights.length, ms };
  } finally {
    session.dispose();
  }
}

/** Counts GPUBuffer.mapAsync calls while `f` runs (webgpu), or returns null where there is no WebGPU. */
async function countMaps(f: () => Promise<unknown>): Promise<number | null> {
  if (tf.getBackend() !== 'webgpu' || typeof GPUBuffer === 'undefined') {
    await f();
    return null;
  }
  const original = GPUBuffer.prototype.mapAsync;
  let maps = 0;
  GPUBuffer.prototype.mapAsync = function (this: GPUBuffer, ...args: Parameters<GPUBuffer['mapAsync']>) {
    maps++;
    return original.apply(this, args);
  };
  try {
    await f();
  } finally {
    GPUBuffer.prototype.mapAsync = original;
  }
  return maps;
}

export async function runMetricsRingConformance(backend: string): Promise<MetricsRingCaseResult> {
  try {
    const plain = await trainOnce(0, data, 2);
    const ring = await trainOnce(LAG, data, 2);
    let diff = 0, scale = 1e-12;
    plain.figures.forEach((x, i) => {
      diff = Math.max(diff, Math.abs(x - ring.figures[i]));
      scale = Math.max(scale, Math.abs(x));
    });
    const relDiff = plain.figures.length === ring.figures.length ? diff / scale : Infinity;
    const stepsPerEpoch = data.train.n / config.batchSize;
    let counted = { steps: 1, variables: 0 };
    const maps = await countMaps(async () => {
      const run = await trainOnce(LAG, { train: data.train }, 1);
      counted = { steps: run.steps.length, variables: run.variables };
    });
    // The count includes the final read of the weights: one map per variable.
    const readbacksPerStep = maps === null ? null : (maps - counted.variables) / counted.steps;
    const sameSteps = JSON.stringify(plain.steps) === JSON.stringify(ring.steps) && ring.steps.length === 2 * stepsPerEpoch;
    const ok = sameSteps && relDiff <= 1e-6 && ring.maxInFlight === LAG && (readbacksPerStep === null || readbacksPerStep === 1);
    return { backend, ok, steps: ring.steps.length, maxInFlight: ring.maxInFlight, readbacksPerStep, relDiff, msPerStep: { plain: plain.ms, ring: ring.ms } };
  } catch (error) {
    return { backend, ok: false, steps: 0, maxInFlight: 0, readbacksPerStep: null, relDiff: Infinity, msPerStep: { plain: NaN, ring: NaN }, error: error instanceof Error ? error.message : String(error) };
  }
}
