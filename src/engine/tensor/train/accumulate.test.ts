import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initParamsA } from '../../workloads/canon';
import { syntheticShd } from '../../workloads/syntheticData';
import { workloadAGraph } from '../../workloads/workloadAGraph';
import { DEFAULT_TRAIN_CONFIG } from '../../train/defaults';
import type { TaskProgress, TrainConfig, TrainingData } from '../../train/types';
import { startNodeBackend } from '../runtime/loaders.node';
import { TrainingSession } from './session';

// B = 8 in pieces of 3: 3 + 3 + 2, so the weights b/B differ between pieces. Rate
// regularisation and clipping are on, so both the penalty's and the clip's batch reduction count.
const config = (overrides: Partial<TrainConfig> = {}): TrainConfig => ({
  ...DEFAULT_TRAIN_CONFIG, dt: 1, batchSize: 8, epochs: 1, lr: 5e-3, surrogate: { name: 'spyx_arctan', slope: 2 },
  rateReg: 0.5, clipNorm: 0.5, ...overrides,
});

const weights = (session: TrainingSession) =>
  Object.fromEntries(Object.entries(session.program.variables).map(([k, v]) => [k, v.dataSync().slice() as Float32Array]));

function expectClose(a: Record<string, Float32Array>, b: Record<string, Float32Array>, tolerance: number): void {
  expect(Object.keys(a)).toEqual(Object.keys(b));
  for (const key of Object.keys(a)) {
    let worst = 0;
    for (let i = 0; i < a[key].length; i++) worst = Math.max(worst, Math.abs(a[key][i] - b[key][i]) / Math.max(1, Math.abs(b[key][i])));
    expect(worst, key).toBeLessThanOrEqual(tolerance);
  }
}

describe('gradient accumulation over micro-batches', () => {
  beforeAll(async () => {
    await startNodeBackend('wasm');
  });

  const packed = syntheticShd({ n: 32, T: 16, C: 24 });
  const host: TrainingData = { ...packed, packed: undefined };
  const graph = () => workloadAGraph(initParamsA({ C: 24, H: 16, gain: 2 }));

  for (const [name, train] of [['resident packed batches', packed], ['host batches', host]] as const) {
    it(`gives the one-shot step's loss, metrics and updated weights (${name})`, async () => {
      const oneShot = new TrainingSession(graph(), { train }, config({ augment: { timeShift: 2, channelShift: 3 } }));
      const pieces = new TrainingSession(graph(), { train }, config({ augment: { timeShift: 2, channelShift: 3 }, microBatch: 3 }));
      for (let s = 0; s < 3; s++) {
        const progress: TaskProgress[] = [];
        const a = await oneShot.trainStep();
        const b = await pieces.trainStep({ between: (p) => void progress.push(p) });
        expect(a!.microBatches).toBeUndefined();
        expect(b!.microBatches).toBe(3);
        expect(progress).toEqual([{ phase: 'training', step: s + 1, done: 1, total: 3 }, { phase: 'training', step: s + 1, done: 2, total: 3 }]);
        expect(b!.loss).toBeCloseTo(a!.loss, 5);
        expect(b!.accuracy).toBe(a!.accuracy);
        for (const layer of Object.keys(a!.rates)) expect(b!.rates[layer]).toBeCloseTo(a!.rates[layer], 6);
        expectClose(weights(pieces), weights(oneShot), 2e-5);
      }
      oneShot.dispose();
      pieces.dispose();
    });
  }

  it('abandons a step aborted between micro-batches: weights unchanged, the same batch redone', async () => {
    const reference = new TrainingSession(graph(), { train: packed }, config({ microBatch: 3 }));
    const session = new TrainingSession(graph(), { train: packed }, config({ microBatch: 3 }));
    const before = weights(session);
    const abort = () => {
      const controller = new AbortController();
      return session.trainStep({ signal: controller.signal, between: () => controller.abort() });
    };
    expect(await abort()).toBeNull(); // the first also uploads the epoch's permutation
    const tensors = tf.memory().numTensors;
    expect(await abort()).toBeNull();
    expect(session.stepsTaken).toBe(0);
    expect(tf.memory().numTensors).toBe(tensors); // the partial sums are freed
    expectClose(weights(session), before, 0);
    const redone = await session.trainStep();
    const first = await reference.trainStep();
    expect(redone!.step).toBe(1);
    expect(redone!.loss).toBeCloseTo(first!.loss, 6);
    expectClose(weights(session), weights(reference), 1e-6);
    session.dispose();
    reference.dispose();
  });

  it('stops run() inside a step and resumes it to the same end as an uninterrupted run', async () => {
    const steady = new TrainingSession(graph(), { train: packed }, config({ microBatch: 4 }));
    await steady.run();
    const paused = new TrainingSession(graph(), { train: packed }, config({ microBatch: 4 }));
    let controller = new AbortController();
    let pieces = 0;
    await paused.run({ signal: controller.signal, between: (p) => { if (p.phase === 'training' && p.done < p.total && ++pieces === 2) controller.abort(); } });
    expect(paused.stepsTaken).toBe(1); // step 1 finished, step 2 abandoned after its first piece
    controller = new AbortController();
    await paused.run({ signal: controller.signal });
    expect(paused.finished).toBe(true);
    expectClose(weights(paused), weights(steady), 1e-5);
    steady.dispose();
    paused.dispose();
  });

  it('splits automatically only when a piece is slow, starting with a small probe', async () => {
    const session = new TrainingSession(graph(), { train: packed }, config({ microBatch: 'auto' }));
    const first = await session.trainStep();
    expect(first!.microBatches).toBe(2); // probe of ⌈8/8⌉ = 1 sample, then the 7 left at once (a fast network)
    const second = await session.trainStep();
    expect(second!.microBatches).toBeUndefined();
    session.dispose();
  });
});
