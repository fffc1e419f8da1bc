/** Options shared by `train`, `eval` and `simulate`: the graph, the data and the run settings. */
import { SpikelabError } from '../engine/core/errors';
import { initParamsA } from '../engine/bench/canon';
import { syntheticShd } from '../engine/bench/syntheticData';
import { workloadAGraph } from '../engine/bench/workloadAGraph';
import { loadDataset } from '../engine/datasets/index';
import { fileFetcher } from '../engine/datasets/fetchersNode';
import { zlibGunzip } from '../engine/datasets/formats/gzipNode';
import type { NirGraph } from '../engine/graph/types';
import { isSurrogateName, surrogateSpec } from '../engine/surrogates/index';
import type { SurrogateSpec } from '../engine/surrogates/types';
import { runDt, trainingDataOf } from '../engine/train/fromDataset';
import type { LossName, TrainingData } from '../engine/train/types';
import { numberOption, stringOption, type ParsedArgs } from './args';
import { datasetRoot } from './commands/datasets';
import { loadGraph } from './commands/graphFile';

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

/** The graph (a file, or workload A of bench.md when none is given) and the data to run it on. */
export async function setupRun(args: ParsedArgs, { needTrain }: { needTrain: boolean }): Promise<RunSetup> {
  const path = args.positionals[0];
  const datasetId = stringOption(args, 'dataset');
  const givenDt = args.options.dt === undefined ? undefined : numberOption(args, 'dt', 1);
  let graph: NirGraph;
  let graphSource: string;
  let unit: 's' | 'step' = 'step';
  let guessed = 1;
  if (path === undefined) {
    const H = numberOption(args, 'hidden', 128);
    graph = workloadAGraph(initParamsA({ H, C: 128, gain: numberOption(args, 'gain', 2), seed: numberOption(args, 'seed', 42) }));
    graphSource = `workload A (bench.md §2), H = ${H}`;
  } else {
    const loaded = await loadGraph(path, givenDt);
    graph = loaded.graph;
    graphSource = path;
    unit = loaded.dtGuess.unit;
    guessed = loaded.dtGuess.dt;
  }
  if (datasetId === undefined) {
    const T = numberOption(args, 'T', 64);
    const n = numberOption(args, 'samples', 1024);
    const dt = runDt(unit, guessed, null, givenDt);
    return {
      graph, graphSource, dt: dt.dt, dtSource: dt.source,
      train: syntheticShd({ n, T, C: 128 }), test: syntheticShd({ n: Math.max(64, n >> 3), T, C: 128, offset: n }),
      dataSource: `synthetic SHD-shaped (bench.md §2), N = ${n}, T = ${T}`,
    };
  }
  const fetchBytes = fileFetcher(datasetRoot(args));
  const T = args.options.T === undefined ? undefined : numberOption(args, 'T', 32);
  const load = (id: string) => loadDataset(id, fetchBytes, { codec: zlibGunzip, T });
  const base = datasetId.replace(/-(train|test)$/, '');
  const primary = await load(needTrain && !datasetId.endsWith('-test') ? `${base}-train` : datasetId);
  let test: TrainingData | undefined;
  if (needTrain) {
    try {
      test = trainingDataOf(await load(`${base}-test`));
    } catch {
      test = undefined; // a set without a test split trains without one
    }
  }
  const dt = runDt(unit, guessed, primary, givenDt);
  return { graph, graphSource, train: trainingDataOf(primary), test, dataSource: `${primary.id} (${primary.name})`, dt: dt.dt, dtSource: dt.source };
}

/** A split cut to its first `limit` samples (quick runs). */
export function limited(data: TrainingData, limit: number | undefined): TrainingData {
  if (limit === undefined || limit >= data.n) return data;
  return { ...data, n: limit, labels: data.labels.subarray(0, limit) };
}
