/**
 * What a run on a shipped dataset trains and tests on, and at which dt: decided here, once, for
 * the page's worker (src/workers/trainingRun.ts) and the CLI (src/cli/trainingOptions.ts), so a
 * `.nir` file and a dataset prepare the same run in both. Framework-free; the bytes come from the
 * caller (the worker fetches them from the page's origin, the CLI reads public/datasets).
 *  - splits: ./runSplits.ts; loaded splits are kept between runs in a SplitCache (./splitCache.ts);
 *  - T: an image set is coded to T steps (TRAINING_DEFAULTS.T unless given); a spike set brings its own;
 *  - subsets: maxSamples > 0 trains on a spread subset of that many samples (evaluating: runs
 *    that many) and tests on testSubsetSize of them; 0 keeps every split whole;
 *  - dt: ./runDt.ts, from the given dt, else the graph's (the reader's guess for a file, else
 *    guessed from the graph), with the dataset's bin width for the source.
 */
import type { ManifestSet } from '../datasets/manifest';
import type { SpikeDataset } from '../datasets/spikeDataset';
import type { NirGraph } from '../graph/types';
import { guessDt, type DtGuess } from '../nir/dtGuess';
import type { SplitCache, SplitLoader } from './splitCache';
import { TRAINING_DEFAULTS } from './defaults';
import { trainingDataOf } from './fromDataset';
import { runDt, type DtChoice } from './runDt';
import { runSplits, type RunPurpose } from './runSplits';
import type { TrainingData } from './types';

export interface RunRequest {
  /** A shipped set ("braille") or one of its splits ("nmnist-test"). */
  dataset: string;
  purpose: RunPurpose;
  /** The graph to run, or how to build one sized to the set (the CLI's template without a file). */
  graph: NirGraph | ((set: ManifestSet) => NirGraph);
  /** The reader's dt guess when the graph came from a file (node names can sharpen it); else guessed from the graph. */
  dtGuess?: DtGuess;
  /** dt given by the person (the Run panel's field, `--dt`): wins over every guess. */
  dt?: number;
  /** Steps per sample of an image set. */
  T?: number;
  /** Training samples per epoch (0: the whole split). */
  maxSamples?: number;
  /** The batch size: the smallest test subset worth evaluating. */
  batchSize?: number;
}

export interface DataSource extends SplitLoader {
  /** The shipped sets (public/datasets/manifest.json). */
  sets: readonly ManifestSet[];
  cache: SplitCache;
}

export interface PreparedRunData {
  graph: NirGraph;
  set: ManifestSet;
  /** The split trained on (evaluating: run through), as loaded, and as the loop's data. */
  mainSplit: SpikeDataset;
  train: TrainingData;
  testSplit?: SpikeDataset;
  test?: TrainingData;
  classes: string[];
  dt: DtChoice;
}

/** Test samples for a run of `maxSamples` training samples: a quarter of them, at least one batch; 0 (all) when it trains on all. */
export function testSubsetSize(maxSamples: number, batchSize: number): number {
  return maxSamples > 0 ? Math.max(batchSize, Math.ceil(maxSamples / 4)) : 0;
}

/** Loads (or takes from the cache) the run's splits; `onFraction` reports the loading 0 → 1. */
export async function prepareRun(request: RunRequest, source: DataSource, onFraction?: (fraction: number) => void): Promise<PreparedRunData> {
  const { set, main, test } = runSplits(source.sets, request.dataset, request.purpose);
  const T = request.T ?? TRAINING_DEFAULTS.T;
  const maxSamples = request.maxSamples ?? TRAINING_DEFAULTS.maxSamples;
  const loads = test ? 2 : 1;
  const part = (index: number) => (fraction: number) => onFraction?.((index + fraction) / loads);
  const mainSplit = await source.cache.split(set, main, T, source, part(0));
  const testSplit = test ? await source.cache.split(set, test, T, source, part(1)) : undefined;
  const graph = typeof request.graph === 'function' ? request.graph(set) : request.graph;
  const guess = request.dtGuess ?? guessDt(graph, Object.keys(graph.nodes));
  const prepared: PreparedRunData = {
    graph, set, mainSplit, train: trainingDataOf(mainSplit, maxSamples), classes: mainSplit.classes,
    dt: runDt(guess, request.dt, mainSplit.dt),
  };
  if (testSplit) {
    prepared.testSplit = testSplit;
    prepared.test = trainingDataOf(testSplit, testSubsetSize(maxSamples, request.batchSize ?? TRAINING_DEFAULTS.batchSize));
  }
  return prepared;
}
