import { dataError } from './errors';
import { packedSteps, unpackSampleInto } from './formats/bitpack';

/**
 * A dataset split resident in memory, spikes bit-packed along time (formats/bitpack.ts):
 * `packed` is [n, ⌈T/8⌉, F] with F = prod(featureShape); `labels` is [n], values < classes.length.
 * `dt` is seconds per step, or null when steps are not a fixed duration (tonic n_time_bins binning).
 */
export interface SpikeDataset {
  id: string;
  name: string;
  split: string;
  n: number;
  T: number;
  dt: number | null;
  featureShape: number[];
  packed: Uint8Array;
  labels: Uint8Array;
  classes: string[];
  licence: string;
  attribution: string;
}

export function featureSize(dataset: Pick<SpikeDataset, 'featureShape'>): number {
  return dataset.featureShape.reduce((a, b) => a * b, 1);
}

function checkIndex(dataset: SpikeDataset, i: number): void {
  if (!Number.isInteger(i) || i < 0 || i >= dataset.n) {
    throw dataError('DATA_INDEX_OUT_OF_RANGE', `Sample ${i} does not exist in ${dataset.id} (${dataset.n} samples).`,
      `Use an index from 0 to ${dataset.n - 1}.`, dataset.id);
  }
}

/** One sample unpacked to 0/1 floats, time-major [T, F]. */
export function sample(dataset: SpikeDataset, i: number): Float32Array {
  checkIndex(dataset, i);
  const F = featureSize(dataset);
  const out = new Float32Array(dataset.T * F);
  unpackSampleInto(dataset.packed, i, dataset.T, F, out, F, 0);
  return out;
}

/** Several samples unpacked to 0/1 floats, time-major [T, B, F] (B = indices.length). */
export function batch(dataset: SpikeDataset, indices: ArrayLike<number>): Float32Array {
  const F = featureSize(dataset);
  const B = indices.length;
  const out = new Float32Array(dataset.T * B * F);
  for (let b = 0; b < B; b++) {
    checkIndex(dataset, indices[b]);
    unpackSampleInto(dataset.packed, indices[b], dataset.T, F, out, B * F, b * F);
  }
  return out;
}

/** Labels of a batch, in the order of `indices`. */
export function batchLabels(dataset: SpikeDataset, indices: ArrayLike<number>): Uint8Array {
  return Uint8Array.from({ length: indices.length }, (_, b) => {
    checkIndex(dataset, indices[b]);
    return dataset.labels[indices[b]];
  });
}

/** Bytes per sample of `packed`. */
export function packedSampleBytes(dataset: Pick<SpikeDataset, 'T' | 'featureShape'>): number {
  return packedSteps(dataset.T) * featureSize(dataset);
}
