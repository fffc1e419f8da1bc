import { MAX_LAYER_ELEMENTS, MAX_RANK, MAX_SAMPLES, MAX_STEPS } from '../core/limits';
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
    throw dataError('DATA_BAD_MANIFEST', `The dataset manifest has format "${String(m?.format).slice(0, 80)}", expected "${MANIFEST_FORMAT}".`,
      'Rebuild it with `npx tsx scripts/datasets/build.ts`.', where);
  }
  m.sets.forEach((set, i) => checkSet(set, `${where}: sets[${i}]`));
  return m;
}

function badEntry(where: string, what: string): never {
  throw dataError('DATA_BAD_MANIFEST', `The dataset manifest is inconsistent at ${where}: ${what}.`, 'Rebuild it with `npx tsx scripts/datasets/build.ts`.', where);
}

const isWhole = (v: unknown, min: number, max: number): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;

/**
 * Whether `path` names a file inside the dataset root: relative, '/'-separated, no empty, '.' or
 * '..' segment, no backslash, colon (drive letters, URL schemes) or control character.
 */
export function isInsideRoot(path: string): boolean {
  if (path.length === 0 || path.length > 1024 || path.startsWith('/') || path.includes('\\') || path.includes(':')) return false;
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) < 0x20) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** Refuses a manifest path that could leave the dataset root (DATA_BAD_PATH). */
export function checkDatasetPath(path: string, where?: string): void {
  if (isInsideRoot(path)) return;
  throw dataError('DATA_BAD_PATH', `The dataset manifest names the file "${path.slice(0, 200)}", which is not a plain path inside the dataset folder.`,
    'Manifest files are relative paths inside public/datasets (no "..", no absolute paths); rebuild it with `npx tsx scripts/datasets/build.ts`.', where ?? path);
}

function checkSet(set: ManifestSet, where: string): void {
  if (set === null || typeof set !== 'object') badEntry(where, 'a set is not an object');
  if (typeof set.id !== 'string') badEntry(where, 'id is not a string');
  if (set.kind !== 'spikes' && set.kind !== 'images') badEntry(where, `kind is ${JSON.stringify(set.kind)?.slice(0, 40)}`);
  const shape = set.featureShape;
  if (!Array.isArray(shape) || shape.length > MAX_RANK || !shape.every((d) => isWhole(d, 1, MAX_LAYER_ELEMENTS)) || shape.reduce((a, b) => a * b, 1) > MAX_LAYER_ELEMENTS) {
    badEntry(where, `featureShape must be at most ${MAX_RANK} positive integers with at most ${MAX_LAYER_ELEMENTS} elements`);
  }
  if (set.T !== null && !isWhole(set.T, 1, MAX_STEPS)) badEntry(where, `T must be null or a whole number from 1 to ${MAX_STEPS}`);
  if (set.defaultT !== undefined && !isWhole(set.defaultT, 1, MAX_STEPS)) badEntry(where, `defaultT must be a whole number from 1 to ${MAX_STEPS}`);
  if (!Array.isArray(set.classes) || set.classes.length > 256 || !set.classes.every((c) => typeof c === 'string')) badEntry(where, 'classes must be at most 256 names');
  if (!Array.isArray(set.splits)) badEntry(where, 'splits is not a list');
  set.splits.forEach((split, j) => {
    const at = `${where}.splits[${j}]`;
    if (split === null || typeof split !== 'object' || typeof split.id !== 'string' || typeof split.file !== 'string') badEntry(at, 'a split needs a string id and file');
    checkDatasetPath(split.file, at);
    if (!isWhole(split.n, 0, MAX_SAMPLES)) badEntry(at, `n must be a whole number from 0 to ${MAX_SAMPLES}`);
    if (!isWhole(split.bytes, 0, Number.MAX_SAFE_INTEGER)) badEntry(at, 'bytes must be a whole number');
    if (typeof split.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(split.sha256)) badEntry(at, 'sha256 must be 64 hex digits');
  });
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
