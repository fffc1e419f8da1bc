/**
 * `spikelab datasets [ID] [--root DIR] [--T STEPS] [--coding rate|latency] [--seed N]`:
 * without ID, the shipped sets of public/datasets/manifest.json (ids to pass as `--dataset`);
 * with ID (e.g. nmnist-test), loads that split as the engine will and prints its shape, class
 * counts and spike density. `datasetRoot(args)` is shared with commands that take `--dataset`.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
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
import type { Command } from '../command';

const usage = 'spikelab datasets [ID] [--root DIR] [--T STEPS] [--coding rate|latency] [--seed N]';

/** public/datasets: `--root`, else under the working directory, else next to the CLI bundle's repository. */
export function datasetRoot(args: ParsedArgs): string {
  const given = stringOption(args, 'root');
  if (given !== undefined) return resolve(given);
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

export const datasets: Command = {
  name: 'datasets',
  usage,
  summary: 'List the shipped datasets, or load one split and describe it',
  options: { root: SPECS.TEXT, T: SPECS.count(MAX_STEPS), coding: { kind: 'string', choices: ['rate', 'latency'] }, seed: { kind: 'int' } },
  maxPositionals: 1,
  async run(args) {
    const limits = limitsOf(args);
    const fetchBytes = fileFetcher(datasetRoot(args), { maxBytes: limits.inflatedBytes });
    const [id] = args.positionals;
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
  },
};
