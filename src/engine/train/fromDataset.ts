/**
 * A loaded dataset split as the training loop's TrainingData (packed bits stay packed in memory
 * and are unpacked per batch), and the run's dt for a graph and a dataset.
 */
import { batch, featureSize, type SpikeDataset } from '../datasets/index';
import type { TrainingData } from './types';

export function trainingDataOf(ds: SpikeDataset): TrainingData {
  return {
    n: ds.n, T: ds.T, featureShape: [...ds.featureShape], classes: ds.classes.length, labels: ds.labels,
    batch: (indices) => batch(ds, Array.from(indices)),
  };
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

export { featureSize };
