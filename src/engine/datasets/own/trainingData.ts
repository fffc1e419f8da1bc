/** An own dataset's split as the training loop's TrainingData (../../train/types.ts). */
import { trainingDataOf } from '../../train/fromDataset';
import type { TrainingData } from '../../train/types';
import type { SpikeDataset } from '../spikeDataset';
import { splitFeatures, type OwnSplit } from './ownDataset';

/** The split as the training loop's data (a spread subset of `limit` samples when > 0, like the shipped sets). */
export function ownTrainingData(split: OwnSplit, classes: number, limit = 0, id = 'own'): TrainingData {
  if (split.packed) {
    const ds: SpikeDataset = {
      id, name: id, split: 'train', n: split.n, T: split.T, dt: null, featureShape: split.featureShape, packed: split.packed,
      labels: split.labels, classes: Array.from({ length: classes }, (_, i) => String(i)), licence: '', attribution: '',
    };
    return trainingDataOf(ds, limit);
  }
  const values = split.values!;
  const n = limit > 0 ? Math.min(limit, split.n) : split.n;
  const stride = Math.max(1, Math.floor(split.n / n));
  const F = splitFeatures(split);
  const { T } = split;
  return {
    n, T, featureShape: [...split.featureShape], classes,
    labels: Uint8Array.from({ length: n }, (_, i) => split.labels[i * stride]),
    batch: (indices) => {
      const B = indices.length;
      const out = new Float32Array(T * B * F);
      for (let b = 0; b < B; b++) {
        const s = indices[b] * stride;
        for (let t = 0; t < T; t++) out.set(values.subarray((s * T + t) * F, (s * T + t + 1) * F), (t * B + b) * F);
      }
      return out;
    },
  };
}
