import { dataError } from './errors';

/**
 * public/datasets/manifest.json: the shipped sets. One entry per split file; a set (e.g. "nmnist")
 * groups its splits. Sizes are of the file as stored (gzip), sha256 of the stored bytes.
 */
export const MANIFEST_FORMAT = 'spikelab-datasets-manifest/1';

export interface ManifestSplit {
  /** What `loadDataset` takes, e.g. "nmnist-test". */
  id: string;
  split: string;
  file: string;
  bytes: number;
  sha256: string;
  n: number;
  classCounts: number[];
}

export interface ManifestSet {
  id: string;
  name: string;
  kind: 'spikes' | 'images';
  description: string;
  /** Spikes: packed steps; images: null (chosen at load, `defaultT` suggested). */
  T: number | null;
  defaultT?: number;
  dt: number | null;
  binning: string;
  featureShape: number[];
  featureOrder: string;
  classes: string[];
  licence: string;
  attribution: string;
  source: string;
  /** NIR files or tasks this set is made for, e.g. the NIR paper CNN. */
  intendedFor?: string[];
  splits: ManifestSplit[];
}

export interface DatasetManifest {
  format: typeof MANIFEST_FORMAT;
  totalBytes: number;
  sets: ManifestSet[];
}

export function parseManifest(bytes: Uint8Array, where = 'manifest.json'): DatasetManifest {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw dataError('DATA_BAD_MANIFEST', 'The dataset manifest is not JSON.', 'Rebuild it with `npx tsx scripts/datasets/build.ts`.', where);
  }
  const m = value as DatasetManifest;
  if (m?.format !== MANIFEST_FORMAT || !Array.isArray(m.sets)) {
    throw dataError('DATA_BAD_MANIFEST', `The dataset manifest has format "${String(m?.format)}", expected "${MANIFEST_FORMAT}".`,
      'Rebuild it with `npx tsx scripts/datasets/build.ts`.', where);
  }
  return m;
}

/** Finds the set and split for a split id such as "nmnist-test". */
export function findSplit(manifest: DatasetManifest, id: string): { set: ManifestSet; split: ManifestSplit } {
  for (const set of manifest.sets) {
    const split = set.splits.find((s) => s.id === id);
    if (split) return { set, split };
  }
  const known = manifest.sets.flatMap((s) => s.splits.map((p) => p.id));
  throw dataError('DATA_UNKNOWN_DATASET', `There is no shipped dataset "${id}".`, `Choose one of: ${known.join(', ')}.`, id);
}
