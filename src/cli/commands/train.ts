/**
 * `spikelab train [GRAPH] [--dataset ID] [--steps N | --epochs E] [--batch B] [--lr LR] …`:
 * trains with BPTT and surrogate gradients under Node, printing one JSON line per step (the first
 * says the dt chosen and why: `dt`, `dt_source`) and a summary line; `--out FILE.nir` saves the
 * trained graph. Settings left out are the lab's defaults, the Run panel's
 * (src/engine/train/defaults.ts), and a dataset's splits, subsets and dt are chosen as the page
 * chooses them (src/engine/train/prepareRun.ts). Without GRAPH it trains workload A's graph of
 * docs/specs/bench.md (Spyx SHD-2L, init gain 2 as in bench.md §5, since at gain 1 layer 2 starts
 * silent and the loss sits at ln 20; bench.md's recipe, which the README's figures ran, is
 * `--loss integral_ce --surrogate spyx_arctan:2 --lr 5e-4 --seed 42`),
 * and without --dataset on synthetic SHD-shaped data (T = 64 unless --T). --shift-time /
 * --shift-channel shift each training sample by up to that many steps / channels
 * (src/engine/train/augment.ts). --schedule sets the learning-rate schedule (constant; cosine with
 * a linear warm-up of E epochs; step decay by F every K epochs: src/engine/train/schedule.ts),
 * --weight-decay the decoupled (AdamW-style) decay λ, --early-stop P stops after P epochs without
 * a better test accuracy, and --keep-best on|off (default on) ends the run with the best test
 * epoch's weights (so --out saves those; the summary says which epoch). Every line carries the seed.
 * --recipe NAME (src/engine/train/recipes/, docs/recipes.md) takes a tuned recipe's dataset, network
 * and settings as the defaults; options given still win.
 * docs/training.md explains each.
 */
import { writeFile } from 'node:fs/promises';
import { optionalNumber, stringOption, type ParsedArgs } from '../args';
import { startBackendFor } from '../backendOption';
import { printJson } from '../output';
import { RUN_OPTIONS, SPECS } from '../optionSpecs';
import { setupRun, trainConfigOf } from '../trainingOptions';
import { SpikelabError } from '../../engine/core/errors';
import { writeNir } from '../../engine/nir/index';
import { TrainingSession } from '../../engine/tensor/train/session';
import { TRAINING_DEFAULTS } from '../../engine/train/defaults';
import { LOSS_NAMES } from '../../engine/train/losses/index';
import { RECIPES } from '../../engine/train/recipes/index';
import { scheduleText } from '../../engine/train/schedule';
import type { Command } from '../command';

const usage = `spikelab train [GRAPH.nir|GRAPH.json] [--dataset ID] [--steps N] [--epochs ${TRAINING_DEFAULTS.epochs}] [--batch ${TRAINING_DEFAULTS.batchSize}] [--lr ${TRAINING_DEFAULTS.lr}] `
  + '[--optimizer adam|sgd] [--surrogate NAME[:slope]] [--loss mean_membrane_ce|integral_ce|…] [--clip NORM] [--dt D] [--T T] [--hidden H] '
  + '[--schedule constant|cosine:warmup=E|step:every=K,factor=F] [--weight-decay λ] [--early-stop PATIENCE] [--keep-best on|off] '
  + '[--shift-time S] [--shift-channel C] [--limit N] [--seed S] [--recipe NAME] [--out TRAINED.nir] [--backend wasm|cpu]';

export const train: Command = {
  name: 'train',
  usage,
  summary: 'Train a graph (default: bench.md workload A on synthetic data), one JSON line per step. --schedule: learning-rate schedule '
    + '(cosine: linear warm-up over E epochs then a half cosine to 0; step: ×F every K epochs); --weight-decay: decoupled decay, w ← w·(1 − lr·λ); '
    + '--early-stop: stop after PATIENCE epochs without a better test accuracy; --keep-best (default on): end with the best test epoch\'s weights; --recipe: a tuned recipe\'s dataset, network and settings',
  options: {
    ...RUN_OPTIONS, steps: SPECS.count(100_000_000), epochs: SPECS.count(1_000_000), batch: SPECS.count(1_000_000), lr: SPECS.POSITIVE,
    optimizer: { kind: 'string', choices: ['adam', 'sgd'] }, surrogate: SPECS.TEXT, loss: { kind: 'string', choices: LOSS_NAMES },
    recipe: { kind: 'string', choices: RECIPES.map((r) => r.name) }, schedule: SPECS.TEXT, 'weight-decay': { kind: 'number', min: 0 }, 'early-stop': { kind: 'int', min: 0, max: 1_000_000 }, 'keep-best': { kind: 'string', choices: ['on', 'off'] },
    clip: SPECS.POSITIVE, smoothing: { kind: 'number', min: 0, max: 1 }, 'shift-time': { kind: 'int', min: 0, max: 1_000_000 }, 'shift-channel': { kind: 'int', min: 0, max: 1_000_000 }, out: SPECS.TEXT,
  },
  maxPositionals: 1,
  async run(args: ParsedArgs) {
    const backend = await startBackendFor(args);
    const setup = await setupRun(args, { needTrain: true });
    const trainData = setup.train;
    const config = trainConfigOf(args, setup.dt);
    const steps = optionalNumber(args, 'steps');
    const stepsPerEpoch = Math.floor(trainData.n / config.batchSize);
    if (stepsPerEpoch < 1) throw new SpikelabError('TRAIN_BAD_CONFIG', `Batch size ${config.batchSize} is larger than the ${trainData.n} training samples.`, `Use --batch ${trainData.n} or less.`);
    if (steps !== undefined) config.epochs = Math.ceil(steps / stepsPerEpoch);
    const session = new TrainingSession(setup.graph, { train: trainData, test: setup.test }, config);
    printJson({ event: 'start', graph: setup.graphSource, data: setup.dataSource, dt_source: setup.dtSource, backend: backend.name,
      scan_path: session.program.scanPath, steps: steps ?? session.totalSteps, ...config, schedule: scheduleText(config.schedule ?? TRAINING_DEFAULTS.schedule) });
    const losses: number[] = [];
    const controller = new AbortController();
    const started = Date.now();
    try {
      await session.run({
        signal: controller.signal,
        onStep: (m) => {
          losses.push(m.loss);
          printJson({ step: m.step, epoch: m.epoch, loss: m.loss, accuracy: m.accuracy, lr: m.lr, seed: config.seed, samples_per_s: Math.round(m.samplesPerSec), rates: m.rates });
          if (steps !== undefined && m.step >= steps) controller.abort();
        },
        onEpoch: (e) => printJson({ event: 'epoch', ...e }),
      });
      const best = session.restoreBest(); // also when --steps ended the run inside an epoch
      const test = setup.test ? await session.evaluate(setup.test) : undefined;
      let saved: string | undefined;
      const out = stringOption(args, 'out');
      if (out) {
        await writeFile(out, await writeNir(session.trainedGraph()));
        saved = out;
      }
      const head = losses.slice(0, Math.min(5, losses.length));
      const tail = losses.slice(-Math.min(5, losses.length));
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
      printJson({ event: 'done', steps: losses.length, seconds: (Date.now() - started) / 1000, first_loss: losses[0], last_loss: losses[losses.length - 1],
        mean_first5: mean(head), mean_last5: mean(tail), loss_fell: mean(tail) < mean(head), seed: config.seed,
        weights: best ? `best test epoch ${best.epoch}` : 'last step', best_epoch: best?.epoch, stopped_early: session.stoppedEarly, test, saved });
      return 0;
    } finally {
      session.dispose();
    }
  },
};
