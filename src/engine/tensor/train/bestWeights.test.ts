/**
 * Early stopping and the best epoch's weights (./bestWeights.ts through ./session.ts), on
 * workload A's synthetic SHD-shaped data with a test split.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initParamsA } from '../../workloads/canon';
import { syntheticShd } from '../../workloads/syntheticData';
import { workloadAGraph } from '../../workloads/workloadAGraph';
import { DEFAULT_TRAIN_CONFIG } from '../../train/defaults';
import type { EpochMetrics, TrainConfig } from '../../train/types';
import { startNodeBackend } from '../runtime/loaders.node';
import { TrainingSession } from './session';

const train = syntheticShd({ n: 32, T: 16, C: 16 });
const test = syntheticShd({ n: 24, T: 16, C: 16, offset: 32 });
const graph = () => workloadAGraph(initParamsA({ C: 16, H: 12, gain: 2 }));
const config = (overrides: Partial<TrainConfig>): TrainConfig => ({
  ...DEFAULT_TRAIN_CONFIG, dt: 1, batchSize: 8, surrogate: { name: 'spyx_arctan', slope: 2 }, ...overrides,
});

async function runAll(overrides: Partial<TrainConfig>): Promise<{ session: TrainingSession; epochs: EpochMetrics[] }> {
  const session = new TrainingSession(graph(), { train, test }, config(overrides));
  const epochs: EpochMetrics[] = [];
  await session.run({ onEpoch: (e) => epochs.push(e) });
  return { session, epochs };
}

describe('early stopping and best weights', () => {
  beforeAll(async () => {
    await startNodeBackend('wasm');
  });

  it('stops after `patience` epochs without a better test accuracy', async () => {
    // lr 1e-12: the weights do not move in float32, so no epoch after the first is better.
    const { session, epochs } = await runAll({ epochs: 10, lr: 1e-12, earlyStop: 2 });
    expect(epochs.map((e) => e.epoch)).toEqual([0, 1, 2]);
    expect(epochs.map((e) => e.best?.epoch)).toEqual([0, 0, 0]);
    expect(epochs[2].stoppedEarly).toBe(true);
    expect(epochs.every((e) => e.seed === 0)).toBe(true);
    expect(session.finished).toBe(true);
    expect(session.stoppedEarly).toBe(true);
    expect(session.stepsTaken).toBe(3 * session.stepsPerEpoch);
    await expect(session.step()).rejects.toMatchObject({ code: 'TRAIN_FINISHED' });
    session.extend(1); // Continue: the patience counts afresh
    expect(session.finished).toBe(false);
    session.dispose();
  });

  it('ends holding the best test epoch\'s weights, or the last ones without keepBest', async () => {
    const overrides = { epochs: 6, lr: 0.05, seed: 3 };
    const kept = await runAll(overrides);
    const best = kept.session.bestEpoch!;
    const last = kept.epochs[kept.epochs.length - 1];
    expect(best.epoch).toBeLessThan(last.epoch); // this run's best is not its last epoch
    expect(best.testAccuracy).toBe(Math.max(...kept.epochs.map((e) => e.testAccuracy!)));
    const after = await kept.session.evaluate(test);
    expect(after.accuracy).toBe(best.testAccuracy);
    expect(after.loss).toBeCloseTo(best.testLoss, 5);
    kept.session.dispose();

    const plain = await runAll({ ...overrides, keepBest: false });
    expect(plain.session.bestEpoch).toEqual(best); // tracked all the same
    const lastAfter = await plain.session.evaluate(test);
    expect(lastAfter.loss).toBeCloseTo(plain.epochs[plain.epochs.length - 1].testLoss!, 5);
    plain.session.dispose();
  });

  it('refuses early stopping without a test split', () => {
    expect(() => new TrainingSession(graph(), { train }, config({ earlyStop: 2 }))).toThrow(expect.objectContaining({ code: 'TRAIN_BAD_CONFIG' }));
  });
});
