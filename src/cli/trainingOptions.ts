/** Options shared by `train`, `eval` and `simulate`: the graph, the data and the run settings. */
import { SpikelabError } from '../engine/core/errors';
import { tooManyBytes } from '../engine/core/limits';
import { initParamsA } from '../engine/workloads/canon';
import { syntheticShd } from '../engine/workloads/syntheticData';
import { workloadAGraph } from '../engine/workloads/workloadAGraph';
import { loadDataset } from '../engine/datasets/index';
import { fileFetcher } from '../engine/datasets/fetchersNode';
import { zlibGunzip } from '../engine/datasets/formats/gzipNode';
import { lifClassifier } from '../engine/graph/templates';
import { sizeOf, type NirGraph } from '../engine/graph/types';
import { isSurrogateName, surrogateSpec } from '../engine/surrogates/index';
import type { SurrogateSpec } from '../engine/surrogates/types';
import { runDt, trainingDataOf } from '../engine/train/fromDataset';
import type { LossName, TrainingData } from '../engine/train/types';
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

const LOSSES: readonly LossName[] = ['integral_ce', 'spike_count_ce', 'max_membrane_ce', 'mse_spikerate'];

export function surrogateOption(args: ParsedArgs, fallback: SurrogateSpec): SurrogateSpec {
  const raw = stringOption(args, 'surrogate');
  if (raw === undefined) return fallback;
  const [name, slope] = raw.split(':');
  if (!isSurrogateName(name)) {
    throw new SpikelabError('CLI_BAD_OPTION', `Unknown surrogate "${name}".`, 'Use superspike, spyx_arctan, snntorch_atan, sigmoid, tanh, boxcar, triangular or straight_through, optionally with :slope (superspike:25).');
  }
  return surrogateSpec(name, slope === undefined ? undefined : Number(slope));
}

export function lossOption(args: ParsedArgs, fallback: LossName): LossName {
  const raw = stringOption(args, 'loss') ?? fallback;
  if (!(LOSSES as readonly string[]).includes(raw)) throw new SpikelabError('CLI_BAD_OPTION', `Unknown loss "${raw}".`, `Use one of ${LOSSES.join(', ')}.`);
  return raw as LossName;
}

/**
 * The graph and the data to run it on. The graph is a file (.nir or .json); without one, workload
 * A of bench.md on synthetic data, or, with --dataset, a 2-layer LIF classifier sized to the data
 * (the palette's SHD-style template: input → H LIF → classes LI).
 */
export async function setupRun(args: ParsedArgs, { needTrain }: { needTrain: boolean }): Promise<RunSetup> {
  const path = args.positionals[0];
  const datasetId = stringOption(args, 'dataset');
  const givenDt = optionalNumber(args, 'dt');
  const H = numberOption(args, 'hidden', 128);
  const limits = limitsOf(args);
  const loaded = path === undefined ? undefined : await loadGraph(path, givenDt, limits);
  const unit = loaded?.dtGuess.unit ?? 'step';
  const guessed = loaded?.dtGuess.dt ?? 1;

  if (datasetId === undefined) {
    const T = numberOption(args, 'T', 64);
    const n = numberOption(args, 'samples', 1024);
    const synthetic = (n + Math.max(64, n >> 3)) * Math.ceil(T / 8) * 128;
    if (synthetic > limits.datasetBytes) throw tooManyBytes('CLI_TOO_LARGE', `Synthetic data of ${n} samples × ${T} steps`, synthetic, limits.datasetBytes);
    const graph = loaded?.graph ?? workloadAGraph(initParamsA({ H, C: 128, gain: numberOption(args, 'gain', 2), seed: numberOption(args, 'seed', 42) }));
    const dt = runDt(unit, guessed, null, givenDt);
    return {
      graph, graphSource: path ?? `workload A (bench.md §2), H = ${H}`, dt: dt.dt, dtSource: dt.source,
      train: syntheticShd({ n, T, C: 128 }), test: syntheticShd({ n: Math.max(64, n >> 3), T, C: 128, offset: n }),
      dataSource: `synthetic SHD-shaped (bench.md §2), N = ${n}, T = ${T}`,
    };
  }
  const fetchBytes = fileFetcher(datasetRoot(args), { maxBytes: limits.inflatedBytes });
  const T = optionalNumber(args, 'T');
  const load = (id: string) => loadDataset(id, fetchBytes, { codec: zlibGunzip, T, maxInflatedBytes: limits.inflatedBytes, maxDatasetBytes: limits.datasetBytes });
  const base = datasetId.replace(/-(train|test)$/, '');
  const primary = await load(needTrain && !datasetId.endsWith('-test') ? `${base}-train` : datasetId);
  const limit = args.options.limit === undefined ? 0 : numberOption(args, 'limit', 0);
  let test: TrainingData | undefined;
  if (needTrain) {
    try {
      test = trainingDataOf(await load(`${base}-test`));
    } catch (error) {
      // a set without a test split trains without one; anything else wrong with it is reported
      if (!(error instanceof SpikelabError && error.code === 'DATA_UNKNOWN_DATASET')) throw error;
      test = undefined;
    }
  }
  const graph = loaded?.graph ?? lifClassifier({ inputs: sizeOf(primary.featureShape), hidden: H, classes: primary.classes.length }, numberOption(args, 'seed', 42));
  const dt = runDt(loaded ? unit : 's', loaded ? guessed : 1e-3, primary, givenDt);
  return {
    graph, graphSource: path ?? `LIF classifier template (${primary.featureShape.join('×')} → ${H} LIF → ${primary.classes.length} LI)`,
    train: trainingDataOf(primary, limit), test, dataSource: `${primary.id} (${primary.name})`, dt: dt.dt, dtSource: dt.source,
  };
}
