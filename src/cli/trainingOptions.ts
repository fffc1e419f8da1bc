/**
 * Options shared by `train`, `eval` and `simulate`: the graph, the data and the run settings.
 * A shipped dataset goes through the engine's prepareRun (../engine/train/prepareRun.ts), as the
 * page's does, so splits, subsets and dt are the page's; every setting left out takes the lab's
 * default (../engine/train/defaults.ts), also the page's. With `--recipe NAME`
 * (../engine/train/recipes/) the recipe's settings, dataset and network stand in for the defaults:
 * an option given still wins.
 */
import { SpikelabError } from '../engine/core/errors';
import { tooManyBytes } from '../engine/core/limits';
import { initParamsA } from '../engine/workloads/canon';
import { syntheticShd } from '../engine/workloads/syntheticData';
import { workloadAGraph } from '../engine/workloads/workloadAGraph';
import { listDatasets } from '../engine/datasets/index';
import { fileFetcher } from '../engine/datasets/fetchersNode';
import { zlibGunzip } from '../engine/datasets/formats/gzipNode';
import { lifClassifier } from '../engine/graph/templates';
import { sizeOf, type NirGraph } from '../engine/graph/types';
import { guessDt } from '../engine/nir/dtGuess';
import { isSurrogateName, SURROGATE_NAMES, surrogateSpec } from '../engine/surrogates/index';
import type { SurrogateSpec } from '../engine/surrogates/types';
import { SplitCache } from '../engine/train/splitCache';
import { TRAINING_DEFAULTS, type TrainingDefaults } from '../engine/train/defaults';
import { buildNetwork, recipeByName, RECIPES, type Recipe } from '../engine/train/recipes/index';
import { isLossName, LOSS_NAMES, type LossName } from '../engine/train/losses/index';
import { prepareRun } from '../engine/train/prepareRun';
import { runDt } from '../engine/train/runDt';
import { parseSchedule } from '../engine/train/schedule';
import type { OptimizerName, TrainConfig, TrainingData } from '../engine/train/types';
import { numberOption, optionalNumber, stringOption, type ParsedArgs } from './args';
import { datasetRoot } from './commands/datasets';
import { loadGraph } from './commands/graphFile';
import { limitsOf } from './limitsOption';

export interface RunSetup {
  graph: NirGraph;
  graphSource: string;
  train: TrainingData;
  test?: TrainingData;
  dataSource: string;
  dt: number;
  dtSource: string;
}

/** Synthetic SHD-shaped data without --dataset (bench.md §2): its T and samples unless --T / --samples. */
const SYNTHETIC_T = 64;
const SYNTHETIC_SAMPLES = 1024;

export function surrogateOption(args: ParsedArgs, fallback: SurrogateSpec): SurrogateSpec {
  const raw = stringOption(args, 'surrogate');
  if (raw === undefined) return fallback;
  const [name, slope] = raw.split(':');
  if (!isSurrogateName(name)) {
    throw new SpikelabError('CLI_BAD_OPTION', `Unknown surrogate "${name}".`, `Use one of ${SURROGATE_NAMES.join(', ')}, optionally with :slope (superspike:25).`);
  }
  return surrogateSpec(name, slope === undefined ? undefined : Number(slope));
}

export function lossOption(args: ParsedArgs, fallback: LossName): LossName {
  const raw = stringOption(args, 'loss') ?? fallback;
  if (!isLossName(raw)) throw new SpikelabError('CLI_BAD_OPTION', `Unknown loss "${raw}".`, `Use one of ${LOSS_NAMES.join(', ')}.`);
  return raw;
}

/** The recipe `--recipe` names, or none; an unknown name is CLI_BAD_OPTION with the known ones. */
export function recipeOption(args: ParsedArgs): Recipe | undefined {
  const name = stringOption(args, 'recipe');
  if (name === undefined) return undefined;
  const recipe = recipeByName(name);
  if (!recipe) throw new SpikelabError('CLI_BAD_OPTION', `Unknown recipe "${name}".`, `Use one of ${RECIPES.map((r) => r.name).join(', ')} (docs/recipes.md).`);
  return recipe;
}

/** What an option left out takes: the recipe's setting with --recipe, else the lab's default. */
export function defaultsOf(args: ParsedArgs): TrainingDefaults {
  return { ...TRAINING_DEFAULTS, ...recipeOption(args)?.settings };
}

function optimizerOption(args: ParsedArgs): OptimizerName {
  const raw = stringOption(args, 'optimizer');
  return raw === 'adam' || raw === 'sgd' ? raw : defaultsOf(args).optimizer;
}

/** --schedule constant | cosine[:warmup=E] | step[:every=K,factor=F] (../engine/train/schedule.ts), else the lab's default. */
function scheduleOption(args: ParsedArgs): TrainConfig['schedule'] {
  const raw = stringOption(args, 'schedule');
  return raw === undefined ? defaultsOf(args).schedule : parseSchedule(raw);
}

/** --keep-best on|off, else the lab's default (on: a run with a test split ends with its best epoch's weights). */
function keepBestOption(args: ParsedArgs): boolean {
  const raw = stringOption(args, 'keep-best');
  return raw === undefined ? defaultsOf(args).keepBest : raw === 'on';
}

/** --batch, else the lab's default. */
export function batchOption(args: ParsedArgs): number {
  return numberOption(args, 'batch', defaultsOf(args).batchSize);
}

/** The trainer's settings from the options; each one left out is the lab's default, as in the Run panel. */
export function trainConfigOf(args: ParsedArgs, dt: number): TrainConfig {
  const defaults = defaultsOf(args);
  const config: TrainConfig = {
    dt,
    batchSize: batchOption(args),
    epochs: numberOption(args, 'epochs', defaults.epochs),
    lr: numberOption(args, 'lr', defaults.lr),
    optimizer: optimizerOption(args),
    surrogate: surrogateOption(args, defaults.surrogate),
    loss: lossOption(args, defaults.loss),
    seed: numberOption(args, 'seed', defaults.seed),
    schedule: scheduleOption(args),
    weightDecay: numberOption(args, 'weight-decay', defaults.weightDecay),
    earlyStop: numberOption(args, 'early-stop', defaults.earlyStop),
    keepBest: keepBestOption(args),
  };
  const smoothing = optionalNumber(args, 'smoothing');
  if (smoothing !== undefined) config.smoothing = smoothing;
  const clipNorm = optionalNumber(args, 'clip');
  if (clipNorm !== undefined) config.clipNorm = clipNorm;
  const timeShift = numberOption(args, 'shift-time', defaults.timeShift);
  const channelShift = numberOption(args, 'shift-channel', defaults.channelShift);
  if (timeShift > 0 || channelShift > 0) config.augment = { timeShift, channelShift };
  return config;
}

/** The network built for a set without a graph file: the recipe's, else the LIF classifier template with H hidden. */
function templateFor(featureShape: number[], classes: number, recipe: Recipe | undefined, H: number, seed: number): NirGraph {
  return recipe ? buildNetwork(recipe.network, sizeOf(featureShape), classes, seed) : lifClassifier({ inputs: sizeOf(featureShape), hidden: H, classes }, seed);
}

/**
 * The graph and the data to run it on. The graph is a file (.nir or .json); without one, workload
 * A of bench.md on synthetic data, or, with --dataset (a set or one of its splits), a 2-layer LIF
 * classifier sized to the data (the palette's SHD-style template: input → H LIF → classes LI).
 * `needTrain`: the data is trained on (and tested), else run through (eval, simulate).
 */
export async function setupRun(args: ParsedArgs, { needTrain }: { needTrain: boolean }): Promise<RunSetup> {
  const path = args.positionals[0];

  const recipe = recipeOption(args);
  const defaults = defaultsOf(args);
  const datasetFromArgs = stringOption(args, 'dataset');
  const givenDt = optionalNumber(args, 'dt') ?? recipe?.settings.dt;
  const H = numberOption(args, 'hidden', 128);
  const seed = numberOption(args, 'seed', defaults.seed);
  const limits = limitsOf(args);
  const loaded = path === undefined ? undefined : await loadGraph(path, givenDt, limits);

  const datasetId = datasetFromArgs ?? recipe?.dataset;
  if (datasetId === undefined) {
    const T = numberOption(args, 'T', SYNTHETIC_T);
    const n = numberOption(args, 'samples', SYNTHETIC_SAMPLES);
    const synthetic = (n + Math.max(64, n >> 3)) * Math.ceil(T / 8) * 128;
    if (synthetic > limits.datasetBytes) throw tooManyBytes('CLI_TOO_LARGE', `Synthetic data of ${n} samples × ${T} steps`, synthetic, limits.datasetBytes);
    const graph = loaded?.graph ?? workloadAGraph(initParamsA({ H, C: 128, gain: numberOption(args, 'gain', 2), seed }));
    const dt = runDt(loaded?.dtGuess ?? guessDt(graph, Object.keys(graph.nodes)), givenDt);
    return {
      graph, graphSource: path ?? `workload A (bench.md §2), H = ${H}`, dt: dt.dt, dtSource: dt.source,
      train: syntheticShd({ n, T, C: 128 }), test: syntheticShd({ n: Math.max(64, n >> 3), T, C: 128, offset: n }),
      dataSource: `synthetic SHD-shaped (bench.md §2), N = ${n}, T = ${T}`,
    };
  }
  const fetchBytes = fileFetcher(datasetRoot(args, datasetId), { maxBytes: limits.inflatedBytes });
  const run = await prepareRun({
    dataset: datasetId, purpose: needTrain ? 'train' : 'evaluate',
    graph: loaded?.graph ?? ((set) => templateFor(set.featureShape, set.classes.length, args.options.hidden === undefined ? recipe : undefined, H, seed)),
    dtGuess: loaded?.dtGuess, dt: givenDt,
    T: optionalNumber(args, 'T') ?? recipe?.settings.T, maxSamples: numberOption(args, 'limit', defaults.maxSamples), batchSize: batchOption(args),
  }, {
    sets: (await listDatasets(fetchBytes)).sets, fetchBytes, cache: new SplitCache(),
    options: { codec: zlibGunzip, maxInflatedBytes: limits.inflatedBytes, maxDatasetBytes: limits.datasetBytes },
  });
  const { mainSplit } = run;
  const setup: RunSetup = {
    graph: run.graph, graphSource: path ?? (recipe && args.options.hidden === undefined ? `recipe ${recipe.name}'s network` : `LIF classifier template (${mainSplit.featureShape.join('×')} → ${H} LIF → ${mainSplit.classes.length} LI)`),
    train: run.train, dataSource: `${mainSplit.id} (${mainSplit.name})`, dt: run.dt.dt, dtSource: run.dt.source,
  };
  if (run.test) setup.test = run.test;
  return setup;
}
