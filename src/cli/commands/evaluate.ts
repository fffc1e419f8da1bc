/**
 * `spikelab eval GRAPH --dataset ID [--limit N] [--dt D] [--T T]`: runs a (trained) graph on a
 * dataset split and prints its accuracy and loss (argmax of the readout summed over time).
 */
import { numberOption, type ParsedArgs } from '../args';
import { startBackendFor } from '../backendOption';
import { printJson } from '../output';
import { RUN_OPTIONS, SPECS } from '../optionSpecs';
import { lossOption, setupRun, surrogateOption } from '../trainingOptions';
import { SpikelabError } from '../../engine/core/errors';
import { TrainingSession } from '../../engine/tensor/train/session';
import { DEFAULT_TRAIN_CONFIG } from '../../engine/train/types';
import type { Command } from '../command';

export const evaluate: Command = {
  name: 'eval',
  usage: 'spikelab eval GRAPH.nir --dataset ID [--limit N] [--batch 16] [--dt D] [--T T] [--backend wasm|cpu]',
  summary: 'Accuracy and loss of a graph on a dataset split',
  options: { ...RUN_OPTIONS, batch: SPECS.count(1_000_000), surrogate: SPECS.TEXT, loss: { kind: 'string', choices: ['integral_ce', 'spike_count_ce', 'max_membrane_ce', 'mse_spikerate'] } },
  maxPositionals: 1,
  async run(args: ParsedArgs) {
    if (args.positionals[0] === undefined || args.options.dataset === undefined) {
      throw new SpikelabError('CLI_MISSING_ARGUMENT', 'eval needs a graph file and --dataset.', `Usage: ${this.usage}`);
    }
    const backend = await startBackendFor(args);
    const setup = await setupRun(args, { needTrain: false });
    const data = setup.train;
    const batchSize = Math.min(numberOption(args, 'batch', 16), data.n);
    const started = Date.now();
    const session = new TrainingSession(setup.graph, { train: data }, {
      ...DEFAULT_TRAIN_CONFIG, dt: setup.dt, batchSize, loss: lossOption(args, 'integral_ce'), smoothing: 0,
      surrogate: surrogateOption(args, DEFAULT_TRAIN_CONFIG.surrogate),
    });
    try {
      const result = await session.evaluate(data, batchSize);
      printJson({ graph: setup.graphSource, dataset: setup.dataSource, n: result.n, accuracy: result.accuracy, loss: result.loss,
        dt: setup.dt, dt_source: setup.dtSource, backend: backend.name, seconds: (Date.now() - started) / 1000 });
      return 0;
    } finally {
      session.dispose();
    }
  },
};
