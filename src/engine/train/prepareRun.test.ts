/**
 * prepareRun over the committed public/datasets (read as the CLI reads them) and NIR fixtures
 * written by the official library: which splits train and test, the subsets, T, dt and the cache.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NIR_FIXTURES } from '../../../test/paths';
import { fileFetcher } from '../datasets/fetchersNode';
import { zlibGunzip } from '../datasets/formats/gzipNode';
import { listDatasets } from '../datasets/index';
import type { ManifestSet } from '../datasets/manifest';
import { lifClassifier } from '../graph/templates';
import { readNir, type ReadNirResult } from '../nir/index';
import { SplitCache } from './splitCache';
import { prepareRun, testSubsetSize, type DataSource, type RunRequest } from './prepareRun';
import { runSplits } from './runSplits';

const root = 'public/datasets';
let sets: ManifestSet[];
/** The NIR paper's Braille RNN as snnTorch exported it (r = τ/dt at dt = 0.1 ms). */
let snntorch: ReadNirResult;
/** The NIR paper's N-MNIST CNN from Sinabs (IF neurons only: time steps). */
let sinabs: ReadNirResult;

const readFixture = (name: string) => readNir(new Uint8Array(readFileSync(join(NIR_FIXTURES, 'upstream', name))), { name });

function source(fetched: string[] = []): DataSource {
  const files = fileFetcher(root);
  return {
    sets, cache: new SplitCache(), options: { codec: zlibGunzip },
    fetchBytes: (path) => {
      fetched.push(path);
      return files(path);
    },
  };
}

const run = (request: Partial<RunRequest> & Pick<RunRequest, 'dataset'>, from = source()) => prepareRun({ purpose: 'train', graph: snntorch.graph, dtGuess: snntorch.dtGuess, ...request }, from);

beforeAll(async () => {
  sets = (await listDatasets(fileFetcher(root))).sets;
  snntorch = await readFixture('nir_03_rnn__braille_noDelay_bias_zero.nir');
  sinabs = await readFixture('nir_02_cnn__cnn_sinabs.nir');
});

describe('the splits of a run', () => {
  it('trains on a set\'s train split and tests on its test split', async () => {
    const prepared = await run({ dataset: 'braille' });
    expect([prepared.mainSplit.id, prepared.testSplit?.id]).toEqual(['braille-train', 'braille-test']);
    expect([prepared.train.n, prepared.test?.n, prepared.classes.length]).toEqual([1080, 270, 27]);
  });

  it('trains a set without a test split on its first split and tests on none', async () => {
    const prepared = await run({ dataset: 'dvs-gesture' });
    expect(prepared.mainSplit.id).toBe('dvs-gesture-clips');
    expect(prepared.test).toBeUndefined();
  });

  it('takes a named split: trained on without testing on itself, or run through', () => {
    expect(runSplits(sets, 'nmnist-test', 'train')).toMatchObject({ main: { id: 'nmnist-test' } });
    expect(runSplits(sets, 'nmnist-test', 'train').test).toBeUndefined();
    expect(runSplits(sets, 'nmnist40-train', 'train')).toMatchObject({ main: { id: 'nmnist40-train' }, test: { id: 'nmnist40-test' } });
    expect(runSplits(sets, 'nmnist40-train', 'evaluate')).toMatchObject({ main: { id: 'nmnist40-train' } });
    expect(runSplits(sets, 'braille', 'evaluate')).toMatchObject({ main: { id: 'braille-test' } });
    expect(runSplits(sets, 'dvs-gesture', 'evaluate')).toMatchObject({ main: { id: 'dvs-gesture-clips' } });
    expect(() => runSplits(sets, 'shd', 'train')).toThrow(expect.objectContaining({ code: 'DATA_UNKNOWN_DATASET' }));
  });
});

describe('subsets and T', () => {
  it('keeps maxSamples training samples and a quarter of them, at least a batch, for testing', async () => {
    expect([testSubsetSize(0, 32), testSubsetSize(40, 32), testSubsetSize(400, 32)]).toEqual([0, 32, 100]);
    const prepared = await run({ dataset: 'braille', maxSamples: 400, batchSize: 32 });
    expect([prepared.train.n, prepared.test?.n]).toEqual([400, 100]);
    expect(prepared.train.packed).toBeUndefined(); // a spread subset trains from host batches
  });

  it('codes an image set at the given T (else the default 16); a spike set keeps its own', async () => {
    const digits = (T?: number) => prepareRun({ dataset: 'digits', purpose: 'evaluate', graph: lifClassifier({ inputs: 64, hidden: 8, classes: 10 }), T }, source());
    expect([(await digits()).train.T, (await digits(8)).train.T]).toEqual([16, 8]);
    expect((await run({ dataset: 'braille', T: 8 })).train.T).toBe(384);
  });

  it('builds the graph sized to the set when asked to', async () => {
    const prepared = await prepareRun({ dataset: 'fsdd', purpose: 'train', graph: (set) => lifClassifier({ inputs: set.featureShape[0], hidden: 8, classes: set.classes.length }) }, source());
    expect(prepared.graph.nodes.output).toMatchObject({ type: 'Output', shape: [10] });
    expect(prepared.graph.nodes.input).toMatchObject({ type: 'Input', shape: [64] });
  });
});

describe('the dt of a run', () => {
  it('runs an snnTorch file at its 0.1 ms, one dataset bin per step, not at the 5 ms bins', async () => {
    expect((await run({ dataset: 'braille' })).dt).toEqual({ dt: 1e-4, source: 'guessed from the graph (snntorch); one 5 ms dataset bin per step' });
  });

  it('runs a graph in time steps at dt = 1, and a given dt as given', async () => {
    expect((await run({ dataset: 'nmnist40', graph: sinabs.graph, dtGuess: sinabs.dtGuess })).dt).toEqual({ dt: 1, source: 'graph in time steps' });
    expect((await run({ dataset: 'braille', dt: 5e-3 })).dt).toEqual({ dt: 5e-3, source: 'given' });
  });

  it('guesses from the graph itself when no reader guessed: a template carries its 1 ms', async () => {
    const prepared = await prepareRun({ dataset: 'nmnist', purpose: 'evaluate', graph: lifClassifier({ inputs: 2312, hidden: 8, classes: 10 }) }, source());
    expect(prepared.dt).toEqual({ dt: 1e-3, source: 'guessed from the graph (spikelab)' });
  });
});

describe('the split cache', () => {
  it('loads a split once per cache, an image set once per T', async () => {
    const fetched: string[] = [];
    const from = source(fetched);
    const first = await run({ dataset: 'braille' }, from);
    const again = await run({ dataset: 'braille', maxSamples: 100 }, from);
    expect(again.mainSplit).toBe(first.mainSplit);
    expect(fetched.filter((f) => f.startsWith('braille'))).toHaveLength(2);
    await run({ dataset: 'digits', T: 8 }, from);
    await run({ dataset: 'digits', T: 8 }, from);
    await run({ dataset: 'digits', T: 4 }, from);
    expect(fetched.filter((f) => f.startsWith('digits'))).toHaveLength(4);
  });

  it('reports the loading from 0 to 1 over both splits', async () => {
    const fractions: number[] = [];
    await prepareRun({ dataset: 'braille', purpose: 'train', graph: snntorch.graph }, source(), (f) => fractions.push(f));
    expect(fractions[fractions.length - 1]).toBe(1);
    expect(fractions).toContain(0.5);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1])).toBe(true);
  });
});
