/**
 * `spikelab eval GRAPH --dataset ID [--limit N] [--dt D] [--T T]`: runs a (trained) graph on a
 * dataset split (a split named, else the set's test split, as the page's Evaluate; dt as the page
 * chooses it, src/engine/train/prepareRun.ts) and prints its accuracy and loss (the argmax of the
 * loss's readout, src/engine/train/losses/; the loss without label smoothing).
 */
import type { ParsedArgs } from '../args';
import { startBackendFor } from '../backendOption';
import { printJson } from '../output';
import { RUN_OPTIONS, SPECS } from '../optionSpecs';
import { setupRun, trainConfigOf } from '../trainingOptions';
import { SpikelabError } from '../../engine/core/errors';
import { TrainingSession } from '../../engine/tensor/train/session';
import { TRAINING_DEFAULTS } from '../../engine/train/defaults';
import { LOSS_NAMES } from '../../engine/train/losses/index';
import type { Command } from '../command';

export const evaluate: Command = {
  name: 'eval',
  usage: `spikelab eval GRAPH.nir --dataset ID [--limit N] [--batch ${TRAINING_DEFAULTS.batchSize}] [--dt D] [--T T] [--backend wasm|cpu]`,
  summary: 'Accuracy and loss of a graph on a dataset split',
  options: { ...RUN_OPTIONS, batch: SPECS.count(1_000_000), surrogate: SPECS.TEXT, loss: { kind: 'string', choices: LOSS_NAMES } },
  maxPositionals: 1,
  async run(args: ParsedArgs) {
    if (args.positionals[0] === undefined || args.options.dataset === undefined) {
      throw new SpikelabError('CLI_MISSING_ARGUMENT', 'eval needs a graph file and --dataset.', `Usage: ${this.usage}`);
    }
    const backend = await startBackendFor(args);
    const setup = await setupRun(args, { needTrain: false });
    const data = setup.train;
    const config = trainConfigOf(args, setup.dt);
    config.batchSize = Math.min(config.batchSize, data.n);
    config.smoothing = 0;
    const started = Date.now();
    const session = new TrainingSession(setup.graph, { train: data }, config);
    try {
      const result = await session.evaluate(data, config.batchSize);
      printJson({ graph: setup.graphSource, dataset: setup.dataSource, n: result.n, accuracy: result.accuracy, loss: result.loss,
        dt: setup.dt, dt_source: setup.dtSource, backend: backend.name, seconds: (Date.now() - started) / 1000 });
      return 0;
    } finally {
      session.dispose();
    }
  },
};
