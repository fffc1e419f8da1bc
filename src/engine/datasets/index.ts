/**
 * Datasets for the engine: the shipped sets in public/datasets, and the files a person drops in.
 * Framework-free (plain typed arrays); runs in the worker, the CLI and tests alike.
 *
 * Shipped sets
 *   const manifest = await listDatasets(fetchBytes);           // public/datasets/manifest.json
 *   const ds = await loadDataset('nmnist-test', fetchBytes, { signal, onProgress });
 *   const x = batch(ds, [0, 1, 2]);                             // Float32Array [T, B, F], 0/1
 *   const y = batchLabels(ds, [0, 1, 2]);                       // Uint8Array [B]
 *   `fetchBytes(path)` resolves a path relative to public/datasets (the worker passes fetch from
 *   the page origin, the CLI a file reader rooted at public/datasets). Gzip is detected by magic.
 *   Image sets (mnist, digits) are coded to spikes here: `{ T, coding: { kind: 'rate', seed } }`
 *   or `{ kind: 'latency' }` (encoders/imageCoding.ts); spike sets ignore these options.
 *
 * SpikeDataset { id, name, split, n, T, dt (s) | null, featureShape, packed [n, ⌈T/8⌉, F],
 *   labels [n], classes, licence, attribution }: packed in np.packbits order (formats/bitpack.ts).
 *   `sample(ds, i)` → Float32Array [T, F]; `batch(ds, idx)` → Float32Array [T, B, F] (time-major).
 *   `mergePolarities(ds)` / `selectClasses(ds, names)` (transforms.ts) adapt a set to a network,
 *   e.g. Braille to the NIR paper RNN: 12 OR-ed taxels, classes Space A E I O U Y.
 *
 * Dropped files: `loadNmnistFiles` (N-MNIST .bin, one or many), `loadDvsGestureFiles` (40-bit
 * clips), `readDroppedDataset` (Spikelab .safetensors(.gz)), `loadShd` (SHD/SSC .h5, through
 * src/engine/hdf5, imported lazily). All take `signal` and a progress callback. Every failure is a
 * SpikelabError with a DATA_ code (errors.ts); nothing is returned half-built.
 */
import { SpikelabError } from '../core/errors';
import { MAX_DATASET_BYTES, MAX_INFLATED_BYTES } from '../core/limits';
import { dataError, throwIfAborted } from './errors';
import { datasetFromFile, type SpikeCodingOptions } from './fromFile';
import { maybeGunzip, streamGunzip, type GunzipCodec } from './formats/gzip';
import { readDatasetFile } from './formats/packedFile';
import { sha256Hex } from './formats/sha256';
import { checkDatasetPath, findSplit, parseManifest, type DatasetManifest } from './manifest';
import type { ShdLoadOptions } from './loaders/shd';
import type { SpikeDataset } from './spikeDataset';

export type FetchBytes = (path: string) => Promise<Uint8Array>;

export interface LoadProgress {
  stage: 'fetch' | 'decompress' | 'decode' | 'encode' | 'done';
  /** 0..1 over the whole load. */
  fraction: number;
}

export interface LoadOptions extends SpikeCodingOptions {
  signal?: AbortSignal;
  onProgress?: (progress: LoadProgress) => void;
  /** Gzip implementation (default: DecompressionStream; Node callers may pass zlibGunzip). */
  codec?: GunzipCodec;
  /** Check the file's sha256 against the manifest (default true). */
  verifyFileHash?: boolean;
  /** Most bytes a gzip file may inflate to (default MAX_INFLATED_BYTES). */
  maxInflatedBytes?: number;
  /** Most bytes the decoded dataset may occupy (default MAX_DATASET_BYTES). */
  maxDatasetBytes?: number;
}

export const MANIFEST_PATH = 'manifest.json';

async function fetchOrFail(fetchBytes: FetchBytes, path: string): Promise<Uint8Array> {
  try {
    return await fetchBytes(path);
  } catch (error) {
    if (error instanceof SpikelabError) throw error;
    throw dataError('DATA_FETCH_FAILED', `Could not read dataset file ${path}: ${error instanceof Error ? error.message : String(error)}.`,
      'Check that public/datasets is served (or present next to the CLI) and that the file exists.', path);
  }
}

/** The shipped sets, from public/datasets/manifest.json. */
export async function listDatasets(fetchBytes: FetchBytes): Promise<DatasetManifest> {
  return parseManifest(await fetchOrFail(fetchBytes, MANIFEST_PATH));
}

/** Loads one split of a shipped set by id (e.g. "nmnist-test", "mnist-train", "braille-test"). */
export async function loadDataset(id: string, fetchBytes: FetchBytes, options: LoadOptions = {}): Promise<SpikeDataset> {
  const report = (stage: LoadProgress['stage'], fraction: number) => options.onProgress?.({ stage, fraction });
  const manifest = await listDatasets(fetchBytes);
  const { set, split } = findSplit(manifest, id);
  throwIfAborted(options.signal, id);
  checkDatasetPath(split.file, id);
  report('fetch', 0);
  const stored = await fetchOrFail(fetchBytes, split.file);
  throwIfAborted(options.signal, id);
  // A server that sends `.gz` files with Content-Encoding: gzip (vite preview, many static hosts)
  // hands over the decompressed bytes; then the manifest's hash of the .gz cannot be checked, and
  // the sha256 inside the file's own header (checked on every read) guards the contents.
  const decodedInTransit = split.file.endsWith('.gz') && !(stored[0] === 0x1f && stored[1] === 0x8b);
  if (options.verifyFileHash !== false && !decodedInTransit) {
    const digest = await sha256Hex(stored);
    if (digest !== split.sha256) {
      throw dataError('DATA_CHECKSUM_MISMATCH', `Dataset file ${split.file} does not match the sha256 in the manifest.`,
        'The file is stale or damaged: rebuild with `npx tsx scripts/datasets/build.ts` or fetch it again.', split.file);
    }
  }
  report('decompress', 0.4);
  const bytes = await maybeGunzip(stored, options.codec ?? streamGunzip, split.file, options.maxInflatedBytes ?? MAX_INFLATED_BYTES);
  throwIfAborted(options.signal, id);
  report('decode', 0.6);
  const file = await readDatasetFile(bytes, split.file);
  throwIfAborted(options.signal, id);
  if (set.kind === 'images') report('encode', 0.8);
  const dataset = datasetFromFile(file, options, set.defaultT ?? 32, options.maxDatasetBytes ?? MAX_DATASET_BYTES);
  report('done', 1);
  return dataset;
}

/** Reads a Spikelab dataset file dropped by the user (.safetensors or .safetensors.gz). */
export async function readDroppedDataset(bytes: Uint8Array, name: string, options: Omit<LoadOptions, 'verifyFileHash'> = {}): Promise<SpikeDataset> {
  const raw = await maybeGunzip(bytes, options.codec ?? streamGunzip, name, options.maxInflatedBytes ?? MAX_INFLATED_BYTES);
  throwIfAborted(options.signal, name);
  return datasetFromFile(await readDatasetFile(raw, name), options, 32, options.maxDatasetBytes ?? MAX_DATASET_BYTES);
}

/**
 * Dropped SHD/SSC `.h5` (or `.h5.gz`): loaded lazily so h5wasm (≈ 4 MB) is fetched only when
 * such a file arrives. See loaders/shd.ts for the binning and options.
 */
export async function loadShd(bytes: Uint8Array, name: string, options?: ShdLoadOptions): Promise<SpikeDataset> {
  const { loadShdFile } = await import('./loaders/shd');
  return loadShdFile(bytes, name, options);
}

export { mergePolarities, selectClasses } from './transforms';
export { loadNmnistFiles, NMNIST_CLASSES } from './loaders/nmnist';
export { loadDvsGestureFiles, DVS_GESTURE_CLASSES } from './loaders/dvsGesture';
export type { EventFile, EventLoadOptions, EventLoadResult } from './loaders/eventFiles';
export type { ShdLoadOptions } from './loaders/shd';
export { batch, batchLabels, featureSize, packedSampleBytes, sample, type SpikeDataset } from './spikeDataset';
export { findSplit, type DatasetManifest, type ManifestSet, type ManifestSplit } from './manifest';
export type { ImageCoding } from './encoders/imageCoding';
export type { GunzipCodec } from './formats/gzip';
export type { SpikeCodingOptions } from './fromFile';
