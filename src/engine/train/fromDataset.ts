/**
 * A loaded dataset split as the training loop's TrainingData (packed bits stay packed in memory
 * and are unpacked per batch), and the run's dt for a graph and a dataset.
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

/**
 * dt in the graph's time unit: graphs in time steps (Sinabs, Spyx, step-based lab graphs) run at
 * dt = 1 whatever the data's bin width; graphs in seconds take the dataset's bin width (dt in s),
 * else the guess. Returns where the value came from, for the person to see.
 */
export function runDt(graphUnit: 's' | 'step', guessed: number, dataset: Pick<SpikeDataset, 'dt'> | null, given?: number): { dt: number; source: string } {
  if (given !== undefined) return { dt: given, source: 'given' };
  if (graphUnit === 'step') return { dt: 1, source: 'graph in time steps' };
  if (dataset?.dt) return { dt: dataset.dt, source: 'dataset bin width' };
  return { dt: guessed, source: 'guessed from the graph' };
}

