/**
 * `spikelab datasets [ID] [--root DIR] [--T STEPS] [--coding rate|latency] [--seed N]`:
 * without ID, the shipped sets of public/datasets/manifest.json (ids to pass as `--dataset`);
 * with ID (e.g. nmnist-test), loads that split as the engine will and prints its shape, class
 * counts and spike density. `datasetRoot(args)` is shared with commands that take `--dataset`:
 * an id of a fetched web dataset resolves to the cache folder.
 *
 * Web datasets (../../engine/datasets/remote, docs/web-datasets.md), cached in --cache DIR, else
 * $SPIKELAB_CACHE, else ~/.cache/spikelab/datasets:
 *   `datasets fetch <ID|URL> [--split train|test|valid|all]`  one JSON line per progress report
 *     (about once a second), then the cached set; Ctrl-C cancels and keeps nothing;
 *   `datasets cache`        the catalogue, what is cached and its size;
 *   `datasets clear [ID]`   forgets one cached set, or all of them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { numberOption, optionalNumber, stringOption, type ParsedArgs } from '../args';
import { printJson } from '../output';
import { limitsOf } from '../limitsOption';
import { SPECS } from '../optionSpecs';
import { MAX_STEPS } from '../../engine/core/limits';
import { SpikelabError } from '../../engine/core/errors';
import { listDatasets, loadDataset, featureSize } from '../../engine/datasets/index';
import { countSpikes } from '../../engine/datasets/formats/bitpack';
import { fileFetcher } from '../../engine/datasets/fetchersNode';
import { zlibGunzip } from '../../engine/datasets/formats/gzipNode';
import type { ImageCoding } from '../../engine/datasets/encoders/imageCoding';
import { WEB_DATASETS } from '../../engine/datasets/remote/catalogue';
import { CACHE_MANIFEST, DatasetCache } from '../../engine/datasets/remote/datasetCache';
import { DiskStore, defaultCacheDir } from '../../engine/datasets/remote/diskStore';
import { fetchDataset } from '../../engine/datasets/remote/fetchDataset';
import { throttleProgress } from '../../engine/datasets/remote/progressThrottle';
import type { Command } from '../command';

const usage = 'spikelab datasets [ID] [--root DIR] [--T STEPS] [--coding rate|latency] [--seed N] | datasets fetch <ID|URL> [--split train|test|valid|all] [--cache DIR] | datasets cache | datasets clear [ID]';

/** How often a fetch prints its progress (ms); a new file or phase prints at once. */
const PROGRESS_EVERY_MS = 1000;

/** The cache of web datasets: `--cache`, else $SPIKELAB_CACHE, else ~/.cache/spikelab/datasets. */
export function cacheDir(args: ParsedArgs): string {
  return resolve(stringOption(args, 'cache') ?? defaultCacheDir());
}

/** Whether the cache folder's manifest lists a set or split of this id. */
function isCached(dir: string, id: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, CACHE_MANIFEST), 'utf8')) as { sets?: { id: string; splits?: { id: string }[] }[] };
    return (manifest.sets ?? []).some((set) => set.id === id || (set.splits ?? []).some((split) => split.id === id));
  } catch {
    return false;
  }
}

/**
 * The dataset root for `id` (default --dataset): `--root`, else the web cache when it holds that
 * set, else public/datasets under the working directory, else next to the CLI bundle's repository.
 */
export function datasetRoot(args: ParsedArgs, id = stringOption(args, 'dataset')): string {
  const given = stringOption(args, 'root');
  if (given !== undefined) return resolve(given);
  if (id !== undefined && isCached(cacheDir(args), id)) return cacheDir(args);
  const here = resolve('public/datasets');
  if (existsSync(resolve(here, 'manifest.json'))) return here;
  // The bundle lives in node_modules/.cache/spikelab/ of the repository.
  return resolve(fileURLToPath(import.meta.url), '..', '..', '..', '..', 'public', 'datasets');
}

function codingOption(args: ParsedArgs): ImageCoding {
  const kind = stringOption(args, 'coding') ?? 'rate';
  if (kind === 'latency') return { kind: 'latency' };
  if (kind === 'rate') return { kind: 'rate', seed: numberOption(args, 'seed', 0) };
  throw new SpikelabError('CLI_BAD_OPTION', `--coding must be rate or latency, got "${kind}".`, 'Example: --coding latency');
}

async function fetchCommand(args: ParsedArgs, source: string | undefined): Promise<number> {
  if (source === undefined) throw new SpikelabError('CLI_MISSING_ARGUMENT', 'Missing the dataset to fetch.', `Give one of ${WEB_DATASETS.map((d) => d.id).join(', ')}, or a file's http(s) address. Usage: ${usage}`);
  const dir = cacheDir(args);
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once('SIGINT', cancel);
  const report = throttleProgress((p) => printJson({
    event: 'progress', phase: p.phase, file: p.file, files: p.files, split: p.split, fileName: p.fileName, receivedBytes: p.transfer?.receivedBytes,
    totalBytes: p.transfer?.totalBytes, bytesPerSecond: p.transfer?.bytesPerSecond, etaSeconds: p.transfer?.etaSeconds, fraction: p.fraction, stage: p.stage,
  }), PROGRESS_EVERY_MS);
  try {
    const set = await fetchDataset(new DatasetCache(new DiskStore(dir)), { source, split: stringOption(args, 'split') }, { signal: controller.signal, onProgress: report });
    printJson({
      event: 'done', id: set.id, name: set.name, cache: dir, T: set.T, dt: set.dt, featureShape: set.featureShape, classes: set.classes.length,
      splits: set.splits.map((p) => ({ id: p.id, split: p.split, n: p.n, bytes: p.bytes })), licence: set.licence, attribution: set.attribution, source: set.source,
      train: `spikelab train --dataset ${set.id}`,
    });
    return 0;
  } finally {
    process.off('SIGINT', cancel);
  }
}

async function cacheCommand(args: ParsedArgs): Promise<number> {
  const listing = await new DatasetCache(new DiskStore(cacheDir(args))).list();
  printJson({
    cache: listing.where, bytes: listing.bytes, free: listing.estimate?.quota !== undefined ? listing.estimate.quota - (listing.estimate.usage ?? 0) : null,
    sets: listing.sets.map((s) => ({ id: s.id, name: s.name, T: s.T, featureShape: s.featureShape, splits: s.splits.map((p) => ({ id: p.id, n: p.n, bytes: p.bytes })), fetchedAt: new Date(s.fetched.at).toISOString(), from: s.fetched.from })),
    catalogue: WEB_DATASETS.map((d) => ({ id: d.id, name: d.name, licence: d.licence, cached: listing.sets.some((s) => s.id === d.id), files: d.files.map((f) => ({ split: f.split, fileName: f.fileName, urls: f.urls, samples: f.samples })) })),
  });
  return 0;
}

async function clearCommand(args: ParsedArgs, id: string | undefined): Promise<number> {
  const dir = cacheDir(args);
  await new DatasetCache(new DiskStore(dir)).remove(id);
  printJson({ cleared: id ?? 'all', cache: dir });
  return 0;
}

async function describeCommand(args: ParsedArgs, id: string | undefined): Promise<number> {
  const limits = limitsOf(args);
  const fetchBytes = fileFetcher(datasetRoot(args, id), { maxBytes: limits.inflatedBytes });
  if (id === undefined) {
    const manifest = await listDatasets(fetchBytes);
    printJson({
      totalBytes: manifest.totalBytes,
      sets: manifest.sets.map((s) => ({
        id: s.id, name: s.name, kind: s.kind, T: s.T, defaultT: s.defaultT, dt: s.dt, featureShape: s.featureShape,
        classes: s.classes.length, licence: s.licence, intendedFor: s.intendedFor,
        splits: s.splits.map((p) => ({ id: p.id, n: p.n, bytes: p.bytes })),
      })),
    });
    return 0;
  }
  const T = optionalNumber(args, 'T');
  const ds = await loadDataset(id, fetchBytes, { codec: zlibGunzip, T, coding: codingOption(args), maxInflatedBytes: limits.inflatedBytes, maxDatasetBytes: limits.datasetBytes });
  printJson({
    id: ds.id, name: ds.name, split: ds.split, n: ds.n, T: ds.T, dt: ds.dt, featureShape: ds.featureShape,
    packedBytes: ds.packed.length, spikeDensity: countSpikes(ds.packed) / (ds.n * ds.T * featureSize(ds)),
    classes: ds.classes, classCounts: ds.classes.map((_, c) => ds.labels.filter((l) => l === c).length),
    licence: ds.licence, attribution: ds.attribution,
  });
  return 0;
}

export const datasets: Command = {
  name: 'datasets',
  usage,
  summary: 'List the shipped datasets, load one split and describe it, or fetch web datasets (SHD, SSC, N-MNIST, DVS Gesture) into a cache',
  options: {
    root: SPECS.TEXT, T: SPECS.count(MAX_STEPS), coding: { kind: 'string', choices: ['rate', 'latency'] }, seed: { kind: 'int' },
    split: { kind: 'string', choices: ['train', 'test', 'valid', 'all'] }, cache: SPECS.TEXT,
  },
  maxPositionals: 2,
  async run(args) {
    const [first, second] = args.positionals;
    if (first === 'fetch') return fetchCommand(args, second);
    if (first === 'cache' && second === undefined) return cacheCommand(args);
    if (first === 'clear') return clearCommand(args, second);
    if (second !== undefined) throw new SpikelabError('CLI_UNEXPECTED_ARGUMENT', `Unexpected argument "${second}".`, `Usage: ${usage}`);
    return describeCommand(args, first);
  },
};
