/**
 * A loaded dataset split as the training loop's TrainingData (packed bits stay packed in memory
 * and are unpacked per batch).
 */
import { batch, type SpikeDataset } from '../datasets/index';
import type { TrainingData } from './types';

/** `limit` keeps a spread subset (every k-th sample, so the classes stay mixed) for quick runs. */
export function trainingDataOf(ds: SpikeDataset, limit = 0): TrainingData {
  const n = limit > 0 ? Math.min(limit, ds.n) : ds.n;
  const stride = Math.max(1, Math.floor(ds.n / n));
  const index = (i: number) => i * stride;
  const data: TrainingData = {
    n, T: ds.T, featureShape: [...ds.featureShape], classes: ds.classes.length,
    labels: Uint8Array.from({ length: n }, (_, i) => ds.labels[index(i)]),
    batch: (indices) => batch(ds, Array.from(indices, index)),
  };
  if (n === ds.n) data.packed = ds.packed; // a subset would need repacking; it trains from host batches
  return data;
}
