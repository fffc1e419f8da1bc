import { describe, expect, it } from 'vitest';
import type { ManifestSet } from '../../engine/datasets/manifest';
import { lifClassifier, nmnistConvNet } from '../../engine/graph/templates';
import { fittingSets, noFitMessage } from './datasetFit';

const set = (id: string, featureShape: number[], classes: number): ManifestSet => ({
  id, name: id, kind: 'spikes', description: '', T: 40, dt: null, binning: '', featureShape, featureOrder: '', classes: Array.from({ length: classes }, String),
  licence: '', attribution: '', source: '', splits: [],
});
const sets = [set('nmnist40', [2, 34, 34], 10), set('digits', [8, 8], 10), set('braille', [2, 12], 27)];

describe('dataset fit', () => {
  it('matches a flat Input to an image set of the same size and class count', () => {
    expect(fittingSets(sets, lifClassifier({ inputs: 64, hidden: 8, classes: 10 })).map((s) => s.id)).toEqual(['digits']);
  });

  it('matches a shaped Input exactly', () => {
    expect(fittingSets(sets, nmnistConvNet()).map((s) => s.id)).toEqual(['nmnist40']);
  });

  it('says what would fit when nothing does', () => {
    const graph = lifClassifier({ inputs: 700, hidden: 8, classes: 20 });
    expect(fittingSets(sets, graph)).toEqual([]);
    expect(noFitMessage(sets, graph)).toMatch(/input \[700\] and 20 classes.*\[8, 8\] → 10 classes \(digits\)/);
  });
});
