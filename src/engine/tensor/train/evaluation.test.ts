import { beforeAll, describe, expect, it } from 'vitest';
import { initParamsA } from '../../workloads/canon';
import { syntheticShd } from '../../workloads/syntheticData';
import { workloadAGraph } from '../../workloads/workloadAGraph';
import { DEFAULT_TRAIN_CONFIG } from '../../train/defaults';
import type { TaskProgress } from '../../train/types';
import { startNodeBackend } from '../runtime/loaders.node';
import { TrainingSession } from './session';

describe('evaluation with confusion counts', () => {
  beforeAll(async () => {
    await startNodeBackend('wasm');
  });

  const train = syntheticShd({ n: 20, T: 16, C: 24 });
  const config = { ...DEFAULT_TRAIN_CONFIG, dt: 1, batchSize: 8, surrogate: { name: 'spyx_arctan', slope: 2 } as const };

  it('counts every sample once by true class and prediction, agreeing with accuracy, and reports each batch', async () => {
    const session = new TrainingSession(workloadAGraph(initParamsA({ C: 24, H: 16, gain: 2 })), { train }, config);
    const progress: TaskProgress[] = [];
    const result = await session.evaluate(train, 8, { between: (p) => void progress.push(p) });
    expect(progress).toEqual([1, 2, 3].map((done) => ({ phase: 'evaluating', done, total: 3 })));
    expect([result.rows, result.cols, result.n]).toEqual([20, 20, 20]);
    const counts = Array.from(result.confusion);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(20);
    for (let t = 0; t < 20; t++) {
      const row = counts.slice(t * 20, (t + 1) * 20).reduce((a, b) => a + b, 0);
      expect(row).toBe(Array.from(train.labels).filter((l) => l === t).length);
    }
    const diagonal = Array.from({ length: 20 }, (_, k) => counts[k * 21]).reduce((a, b) => a + b, 0);
    expect(result.accuracy).toBeCloseTo(diagonal / 20, 10);
    const plain = await session.evaluate(train, 20);
    expect(plain.loss).toBeCloseTo(result.loss, 5); // batching does not change the mean
    session.dispose();
  });

  it('stops between batches when aborted', async () => {
    const session = new TrainingSession(workloadAGraph(initParamsA({ C: 24, H: 16, gain: 2 })), { train }, config);
    const controller = new AbortController();
    await expect(session.evaluate(train, 8, { signal: controller.signal, between: () => controller.abort() }))
      .rejects.toMatchObject({ code: 'RUN_STOPPED' });
    session.dispose();
  });
});
