import { describe, expect, it } from 'vitest';
import type { SpikeDataset } from '../datasets';
import { trainingDataOf as trainingData } from './fromDataset';

// Four samples of one feature over T = 8 steps; sample i spikes only at step i (packbits order).
const dataset: SpikeDataset = {
  id: 'toy', name: 'toy', split: 'train', n: 4, T: 8, dt: null, featureShape: [1],
  packed: Uint8Array.from([0x80, 0x40, 0x20, 0x10]), labels: Uint8Array.from([0, 1, 2, 3]), classes: ['a', 'b', 'c', 'd'], licence: '', attribution: '',
};

describe('training data from a dataset split', () => {
  it('passes the whole split through', () => {
    const data = trainingData(dataset);
    expect([data.n, data.T, data.classes]).toEqual([4, 8, 4]);
    expect(Array.from(data.batch([2]))).toEqual([0, 0, 1, 0, 0, 0, 0, 0]);
  });

  it('keeps a spread subset, labels and samples together', () => {
    const data = trainingData(dataset, 2);
    expect(Array.from(data.labels)).toEqual([0, 2]);
    expect(Array.from(data.batch([1]))).toEqual([0, 0, 1, 0, 0, 0, 0, 0]);
  });
});
