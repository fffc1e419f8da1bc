import type { ManifestSet } from '../../../src/engine/datasets/manifest';

/** What one set builder hands to build.ts: the set's description and its split tensors. */
export interface BuiltSplit {
  split: string;
  n: number;
  /** spikes [n, ⌈T/8⌉, F] or pixels [n, F] */
  data: Uint8Array;
  labels: Uint8Array;
  ids?: Uint32Array;
}

export interface BuiltSet {
  meta: Omit<ManifestSet, 'splits'>;
  maxValue?: number;
  splits: BuiltSplit[];
}
