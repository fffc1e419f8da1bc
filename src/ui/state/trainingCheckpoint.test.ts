import { describe, expect, it } from 'vitest';
import { lifClassifier } from '../../engine/graph/templates';
import { describeInterruption, restoreCheckpoint } from './trainingCheckpoint';

describe('training checkpoint restore', () => {
  const graph = lifClassifier({ inputs: 4, hidden: 3, classes: 2 });
  const progress = { epoch: 2, step: 12, stepsPerEpoch: 5, totalSteps: 50, loss: 0.7, accuracy: 0.5, samplesPerSec: 900, rates: { lif1: 0.1, bad: 'x' } };
  const stored = {
    version: 1, title: 'digits-lif', graph, progress, savedAt: 1000,
    steps: [{ step: 11, loss: 0.8, accuracy: 0.4 }, { step: 12, loss: 0.7, note: 'x' }, { step: 13, loss: 0.6 }, { loss: 1 }, 'junk'],
    epochs: [{ epoch: 0, trainLoss: 1, trainAccuracy: 0.3, seconds: 2, testAccuracy: 0.35 }, { epoch: 1, trainLoss: 'x' }, { epoch: 3, trainLoss: 0.5, trainAccuracy: 0.6, seconds: 2 }],
  };

  it('keeps what it recognises, up to the checkpointed step', () => {
    const restored = restoreCheckpoint(stored);
    expect(restored?.graph).toBe(graph);
    expect(restored?.title).toBe('digits-lif');
    expect(restored?.progress).toEqual({ ...progress, rates: { lif1: 0.1 } });
    expect(restored?.steps).toEqual([{ step: 11, loss: 0.8, accuracy: 0.4 }, { step: 12, loss: 0.7 }]);
    expect(restored?.epochs).toEqual([{ epoch: 0, trainLoss: 1, trainAccuracy: 0.3, seconds: 2, testAccuracy: 0.35 }]);
    expect(restored?.savedAt).toBe(1000);
  });

  it('refuses what is not a checkpoint of this version, or has no readable step', () => {
    expect(restoreCheckpoint(null)).toBeNull();
    expect(restoreCheckpoint({ ...stored, version: 2 })).toBeNull();
    expect(restoreCheckpoint({ ...stored, graph: { type: 'LIF' } })).toBeNull();
    expect(restoreCheckpoint({ ...stored, progress: { ...progress, step: 0 } })).toBeNull();
    expect(restoreCheckpoint({ ...stored, progress: { ...progress, step: 51 } })).toBeNull();
    expect(restoreCheckpoint({ ...stored, progress: { ...progress, loss: Number.NaN } })).toBeNull();
  });

  it('fills empty curves and a null title when those are unreadable', () => {
    const restored = restoreCheckpoint({ ...stored, title: 3, steps: 'x', epochs: undefined });
    expect(restored?.title).toBeNull();
    expect(restored?.steps).toEqual([]);
    expect(restored?.epochs).toEqual([]);
  });

  it('says which run was interrupted where, in the epoch a person counts from 1', () => {
    expect(describeInterruption(restoreCheckpoint(stored)!)).toBe('Training of digits-lif was interrupted at step 12 (epoch 3).');
  });
});
