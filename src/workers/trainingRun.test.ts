/**
 * The page and the CLI prepare the same run: the worker's requestedData (fed a request as
 * src/ui/run/runCommands.ts builds it from the Run panel) and the CLI's setupRun and
 * trainConfigOf (`spikelab train FILE --dataset braille --limit 200`) resolve the same dt,
 * splits, subsets and settings for the NIR paper's Braille RNN as snnTorch exported it (dt
 * guessed 0.1 ms) on the shipped Braille set (5 ms bins). Only preparing is compared: the file
 * reads one polarity (12 taxels) where the shipped set has two, which compiling would refuse.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NIR_FIXTURES } from '../../test/paths';
import { parseArgs } from '../cli/args';
import { setupRun, trainConfigOf, type RunSetup } from '../cli/trainingOptions';
import { fileFetcher } from '../engine/datasets/fetchersNode';
import { listDatasets } from '../engine/datasets/index';
import { readNir } from '../engine/nir/index';
import type { TrainConfig } from '../engine/train/types';
import { DEFAULT_SETTINGS, optimisationConfigOf } from '../ui/state/runStore';
import type { PreparedData } from './deviceFallback';
import { requestedData } from './trainingRun';

const FILE = join(NIR_FIXTURES, 'upstream', 'nir_03_rnn__braille_noDelay_bias_zero.nir');
const SAMPLES = 200;

let page: PreparedData;
let cli: RunSetup;
let cliConfig: TrainConfig;

beforeAll(async () => {
  const loaded = await readNir(new Uint8Array(readFileSync(FILE)), { name: 'braille.nir' });
  // Opening the file puts its dt guess into the Run panel (src/ui/files/openNir.ts); Train sends the panel's settings.
  const settings = { ...DEFAULT_SETTINGS, dataset: 'braille', dt: loaded.dtGuess.dt, maxSamples: SAMPLES };
  const fetchBytes = fileFetcher('public/datasets');
  page = await requestedData({
    graph: loaded.graph, dataset: settings.dataset, T: settings.T, maxSamples: settings.maxSamples, batchLimit: settings.batchSize,
    config: {
      dt: settings.dt, batchSize: settings.batchSize, epochs: settings.epochs, lr: settings.lr, optimizer: settings.optimizer,
      surrogate: { name: settings.surrogate, slope: settings.slope }, loss: settings.loss, seed: settings.seed, microBatch: 'auto', ...optimisationConfigOf(settings),
    },
  }, (await listDatasets(fetchBytes)).sets, fetchBytes);
  const args = parseArgs([FILE, '--dataset', 'braille', '--limit', String(SAMPLES)]);
  cli = await setupRun(args, { needTrain: true });
  cliConfig = trainConfigOf(args, cli.dt);
});

describe('the page and the CLI prepare the same run', () => {
  it('at the same dt: the file\'s 0.1 ms, not the data\'s 5 ms bins', () => {
    expect(page.request.config.dt).toBe(1e-4);
    expect(cli.dt).toBe(1e-4);
    expect(cli.dtSource).toBe('guessed from the graph (snntorch); one 5 ms dataset bin per step');
  });

  it('on the same splits and subsets', () => {
    expect([page.train.n, page.test?.n, page.classes.length]).toEqual([SAMPLES, 50, 27]);
    expect([cli.train.n, cli.test?.n]).toEqual([page.train.n, page.test?.n]);
    expect(cli.dataSource).toMatch(/^braille-train /);
    expect(Array.from(cli.train.labels)).toEqual(Array.from(page.train.labels));
    expect(Array.from(cli.test!.labels)).toEqual(Array.from(page.test!.labels));
    expect(cli.train.batch([7, 3])).toEqual(page.train.batch([7, 3]));
  });

  it('with the same settings where none are given', () => {
    const { dt: _pageDt, microBatch: _paced, ...pageConfig } = page.request.config;
    const { dt: _cliDt, ...cliRest } = cliConfig;
    expect(cliRest).toEqual(pageConfig);
  });
});
