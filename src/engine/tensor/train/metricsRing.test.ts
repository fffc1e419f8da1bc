/**
 * The metrics ring of TrainingSession.run(): with a readback lag, steps are queued ahead of
 * their figures. What a caller sees must not change: the same steps, figures, epochs, test
 * evaluations and weights as a run that reads every step before the next; a pause reports every
 * queued step; a snapshot taken between steps is labelled with the step its weights belong to.
 * (Run on wasm, where ops finish eagerly: the ordering, not the overlap, is what is tested.)
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initParamsA } from '../../workloads/canon';
import { syntheticShd } from '../../workloads/syntheticData';
import { workloadAGraph } from '../../workloads/workloadAGraph';
import { DEFAULT_TRAIN_CONFIG } from '../../train/defaults';
import type { EpochMetrics, StepMetrics, TrainConfig } from '../../train/types';
import { startNodeBackend } from '../runtime/loaders.node';
import { TrainingSession, type ParameterSnapshot } from './session';

const config = (overrides: Partial<TrainConfig> = {}): TrainConfig => ({
  ...DEFAULT_TRAIN_CONFIG, dt: 1, batchSize: 4, epochs: 3, lr: 5e-3, seed: 7,
  surrogate: { name: 'spyx_arctan', slope: 2 }, augment: { timeShift: 2, channelShift: 0 },
  schedule: { kind: 'step', everyEpochs: 1, factor: 0.5 }, ...overrides,
});
const train = syntheticShd({ n: 24, T: 8, C: 16 });
const test = syntheticShd({ n: 8, T: 8, C: 16, offset: 100 });
const graph = () => workloadAGraph(initParamsA({ C: 16, H: 8, gain: 2 }));
const session = (readbackLag: number, overrides?: Partial<TrainConfig>) => new TrainingSession(graph(), { train, test }, config(overrides), { readbackLag, pipelineMaxStepMs: Infinity });

/** What a caller of run() sees, without the wall-clock figures. */
interface Seen { steps: Array<Omit<StepMetrics, 'samplesPerSec' | 'epochDone'>>; epochs: Array<Omit<EpochMetrics, 'seconds'>> }
function watcher(onStep?: (m: StepMetrics) => void) {
  const seen: Seen = { steps: [], epochs: [] };
  return {
    seen,
    callbacks: {
      onStep: (m: StepMetrics) => {
        const { samplesPerSec: _time, epochDone: _epoch, ...rest } = m;
        seen.steps.push(rest);
        onStep?.(m);
      },
      onEpoch: (e: EpochMetrics) => {
        const { seconds: _time, ...rest } = e;
        seen.epochs.push(rest);
      },
    },
  };
}
const weights = (s: TrainingSession) => Object.fromEntries(Object.entries(s.program.variables).map(([k, v]) => [k, Array.from(v.dataSync())]));

describe('TrainingSession metrics ring', () => {
  beforeAll(async () => {
    await startNodeBackend('wasm');
  });

  it('a run with steps in flight reports the same steps, epochs and weights as one that reads each step', async () => {
    const plain = session(0);
    const ring = session(2);
    const a = watcher();
    const b = watcher();
    await plain.run(a.callbacks);
    await ring.run(b.callbacks);
    expect(b.seen.steps).toHaveLength(18);
    expect(b.seen.steps.map((m) => m.step)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(b.seen).toEqual(a.seen);
    expect(b.seen.epochs.map((e) => e.testAccuracy !== undefined)).toEqual([true, true, true]);
    expect(weights(ring)).toEqual(weights(plain));
    expect(ring.finished).toBe(true);
    plain.dispose();
    ring.dispose();
  });

  it('a pause reports every queued step, and the run resumes where its weights stand', async () => {
    const plain = session(0);
    const whole = watcher();
    await plain.run(whole.callbacks);
    const ring = session(2);
    const controller = new AbortController();
    const first = watcher((m) => { if (m.step === 2) controller.abort(); });
    await ring.run({ ...first.callbacks, signal: controller.signal });
    // Steps 3 and 4 were queued when step 2's figures came back: they are applied and reported.
    expect(first.seen.steps.map((m) => m.step)).toEqual([1, 2, 3, 4]);
    expect(ring.stepsTaken).toBe(4);
    expect((await ring.snapshot()).step).toBe(4);
    const rest = watcher();
    await ring.run(rest.callbacks);
    expect([...first.seen.steps, ...rest.seen.steps]).toEqual(whole.seen.steps);
    expect([...first.seen.epochs, ...rest.seen.epochs]).toEqual(whole.seen.epochs);
    expect(weights(ring)).toEqual(weights(plain));
    plain.dispose();
    ring.dispose();
  });

  it('a snapshot taken between steps carries the step of the weights it holds', async () => {
    const ring = session(2, { epochs: 1 });
    const snapshots: ParameterSnapshot[] = [];
    await ring.run({ between: async (p) => { if (p.phase === 'training') snapshots.push(await ring.snapshot()); } });
    expect(snapshots.length).toBe(6);
    expect(snapshots.some((s) => s.step > snapshots.indexOf(s) + 1)).toBe(true); // taken with steps in flight
    for (const snap of snapshots) {
      const reference = session(0, { epochs: 1 });
      for (let i = 0; i < snap.step; i++) await reference.step();
      const expected = weights(reference);
      for (const [key, values] of Object.entries(snap.values)) expect(Array.from(values)).toEqual(expected[key]);
      reference.dispose();
    }
    ring.dispose();
  });

  it('a step cut into micro-batches drains the ring first and keeps the figures', async () => {
    const plain = session(0, { microBatch: 2, epochs: 1 });
    const ring = session(2, { microBatch: 2, epochs: 1 });
    const a = watcher();
    const b = watcher();
    await plain.run(a.callbacks);
    await ring.run(b.callbacks);
    expect(b.seen.steps.map((m) => m.microBatches)).toEqual(Array(6).fill(2));
    expect(b.seen).toEqual(a.seen);
    plain.dispose();
    ring.dispose();
  });

  it('a loss that diverges stops the run at its step, with the steps queued after it dropped', async () => {
    const diverge = async (lag: number) => {
      const s = session(lag, { epochs: 1 });
      const forward = s.program.forward.bind(s.program);
      let calls = 0;
      s.program.forward = (x, options) => {
        const result = forward(x, options);
        return ++calls === 3 ? { ...result, output: tf.mul(result.output, NaN) } : result;
      };
      const reported: number[] = [];
      const before = tf.memory().numTensors;
      const error = await s.run({ onStep: (m) => reported.push(m.step) }).catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 0)); // the dropped reads settle and free their copies
      const held = tf.memory().numTensors - before; // the optimiser's moments and the epoch's order
      s.dispose();
      return { reported, error, held };
    };
    const plain = await diverge(0);
    const ring = await diverge(2);
    expect(ring.error).toMatchObject({ code: 'TRAIN_DIVERGED', message: expect.stringContaining('step 3') });
    expect(ring.reported).toEqual([1, 2]);
    expect(plain.reported).toEqual([1, 2]);
    expect(ring.held).toBe(plain.held);
  });
});
