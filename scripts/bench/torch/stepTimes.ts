/**
 * Spikelab's side of a side-by-side comparison (./convStep.ts, ./w1Step.ts): a workload's
 * training step timed `steps` times after `warmup`, each ending with the loss read back
 * (`await loss.data()`), the epoch reshuffled when its batches run out. Wall ms: the median, min
 * and max (0.1 ms) of the timed steps, and the loss of every step.
 */
import type { TrainingWorkload } from '../../../src/harness/bench/benchTiming';
import { median } from './torchSide';

export interface StepTimes {
  ms_per_step: number;
  ms_min: number;
  ms_max: number;
  losses: number[];
}

/** Times the steps and disposes the workload. */
export async function timeSteps(w: TrainingWorkload, warmup: number, steps: number): Promise<StepTimes> {
  const times: number[] = [];
  const losses: number[] = [];
  try {
    for (let i = 0; i < warmup + steps; i++) {
      if (i > 0 && i % w.stepsPerEpoch === 0) w.shuffle(i / w.stepsPerEpoch);
      const started = performance.now();
      const loss = w.step(i % w.stepsPerEpoch, () => {});
      const value = (await loss.data())[0];
      const ms = performance.now() - started;
      loss.dispose();
      losses.push(Number(value.toFixed(6)));
      if (i >= warmup) times.push(ms);
    }
  } finally {
    w.dispose();
  }
  const round1 = (v: number) => Math.round(v * 10) / 10;
  return { ms_per_step: round1(median(times)), ms_min: round1(Math.min(...times)), ms_max: round1(Math.max(...times)), losses };
}
