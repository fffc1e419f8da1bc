/**
 * A dataset made from files the person dropped ("own data"), as the worker holds it: one or two
 * splits, each either bit-packed spikes (binary data, formats/bitpack.ts: 1 bit a value) or, for
 * values other than 0/1 (counts, currents), float32 inputs. Its `info` is a ManifestSet, so the
 * Run panel's picker and fit check treat it like a shipped set, plus `own` details (the files,
 * what was read, how much memory it takes, whether it is kept across reloads). Types and id
 * helpers only, so the UI may import them; ./trainingData.ts feeds a split to the trainer.
 */
import type { ManifestSet } from '../manifest';
import type { SpikeDataset } from '../spikeDataset';

/** Ids of own datasets start with this (shipped set ids never do). */
export const OWN_PREFIX = 'own:';

export const isOwnDatasetId = (id: string | null | undefined): boolean => typeof id === 'string' && id.startsWith(OWN_PREFIX);

export interface OwnSplit {
  n: number;
  T: number;
  featureShape: number[];
  labels: Uint8Array;
  /** Spikes bit-packed along time, [n, ⌈T/8⌉, F] (np.packbits order), when every value is 0 or 1… */
  packed?: Uint8Array;
  /** …else the values as float32, [n, T, F]. */
  values?: Float32Array;
}

export interface OwnDetails {
  /** The dropped file names (paths inside a dropped folder). */
  files: string[];
  /** Their bytes on disk, all together. */
  fileBytes: number;
  /** Bytes the dataset holds in memory (and in storage when kept). */
  heldBytes: number;
  encoding: 'packed' | 'float32';
  /** What was read from where, in words ("spikes uint8 [200, 50, 20] and labels int64 [200] from data.npz"). */
  read: string;
  /** Kept in this browser's storage (IndexedDB), so it is listed after a reload. */
  kept: boolean;
  /** Why it is or is not kept (e.g. "too large to keep: needs 1.2 GB, 300 MB free"). */
  keptNote: string;
  /** ms since 1970. */
  addedAt: number;
}

export interface OwnDatasetInfo extends ManifestSet {
  own: OwnDetails;
}

export interface OwnDataset {
  info: OwnDatasetInfo;
  train: OwnSplit;
  test?: OwnSplit;
}

/** A loaded split as an own split (its packed spikes, shared, not copied). */
export const ownSplitOf = (ds: SpikeDataset): OwnSplit => ({ n: ds.n, T: ds.T, featureShape: ds.featureShape, labels: ds.labels, packed: ds.packed });

export const splitFeatures = (split: Pick<OwnSplit, 'featureShape'>): number => split.featureShape.reduce((a, b) => a * b, 1);

/** Bytes a split holds: packed bits or float32 values, and its labels. */
export function splitBytes(split: OwnSplit): number {
  return (split.packed?.length ?? 0) + (split.values?.byteLength ?? 0) + split.labels.length;
}
