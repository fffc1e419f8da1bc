/**
 * The recipe catalogue against what it names: each recipe's dataset is shipped
 * (public/datasets/manifest.json) or a web dataset of the catalogue with train and test splits
 * (./shd.test.ts trains the SHD recipe on a fetched synthetic SHD), a shipped set's recipe builds
 * a network that validates for the set's shape and classes, its settings are ones `spikelab train`
 * accepts and reads back unchanged, its command (`spikelab train --recipe NAME --seed S`) gives
 * those settings, and it states measured figures or why there are none; every network kind builds.
 */
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../cli/args';
import { checkArgs } from '../../../cli/optionSpecs';
import { train } from '../../../cli/commands/train';
import { trainConfigOf } from '../../../cli/trainingOptions';
import { listDatasets } from '../../datasets/index';
import { findWebDataset } from '../../datasets/remote/catalogue';
import { fileFetcher } from '../../datasets/fetchersNode';
import { validateGraph } from '../../graph/validate';
import { sizeOf } from '../../graph/types';
import { TRAINING_DEFAULTS, type TrainingDefaults } from '../defaults';
import type { LrSchedule } from '../schedule';
import { buildNetwork, isMeasured, RECIPES, recipeByName, type Recipe } from './index';

/** A schedule as `--schedule` writes it (../schedule.ts parseSchedule). */
function scheduleText(schedule: LrSchedule): string {
  if (schedule.kind === 'cosine') return `cosine:warmup=${schedule.warmupEpochs}`;
  if (schedule.kind === 'step') return `step:every=${schedule.everyEpochs},factor=${schedule.factor}`;
  return 'constant';
}

/** The recipe's settings spelt out as `train` options (what `--recipe NAME` stands for). */
function settingsArgs(settings: Partial<TrainingDefaults>): string[] {
  const s = { ...TRAINING_DEFAULTS, ...settings };
  return [
    '--schedule', scheduleText(s.schedule), '--weight-decay', String(s.weightDecay), '--early-stop', String(s.earlyStop),
    '--keep-best', s.keepBest ? 'on' : 'off',
    '--epochs', String(s.epochs), '--batch', String(s.batchSize), '--lr', String(s.lr), '--optimizer', s.optimizer,
    '--surrogate', `${s.surrogate.name}:${s.surrogate.slope}`, '--loss', s.loss, '--seed', String(s.seed), '--dt', String(s.dt),
    '--T', String(s.T), '--limit', String(s.maxSamples), '--shift-time', String(s.timeShift), '--shift-channel', String(s.channelShift),
  ];
}

function parsedTrainArgs(argv: string[]) {
  const args = parseArgs(argv, train.options);
  checkArgs(args, train.options, train.usage, train.maxPositionals);
  return args;
}

describe('recipes', async () => {
  const { sets } = await listDatasets(fileFetcher('public/datasets'));

  it('has unique names, found by recipeByName', () => {
    expect(new Set(RECIPES.map((r) => r.name)).size).toBe(RECIPES.length);
    for (const recipe of RECIPES) expect(recipeByName(recipe.name)).toBe(recipe);
    expect(recipeByName('no-such-recipe')).toBeUndefined();
  });

  it('builds each network kind, sized to the set, with a cycle only in the recurrent one', () => {
    const lif = buildNetwork({ kind: 'lif', hidden: 32 }, 24, 27, 0);
    const recurrent = buildNetwork({ kind: 'recurrent-lif', hidden: 32 }, 24, 27, 0);
    const spyx = buildNetwork({ kind: 'spyx-lif2', hidden: 32 }, 24, 27, 0);
    const cnn = buildNetwork({ kind: 'nir-cnn' }, 2 * 34 * 34, 27, 0);
    for (const graph of [lif, recurrent, spyx, cnn]) expect(validateGraph(graph).problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(lif.edges).not.toContainEqual(['rec', 'lif1']);
    expect(recurrent.edges).toContainEqual(['rec', 'lif1']);
    expect(validateGraph(recurrent).shapes.lif1?.output).toEqual([32]);
    const shapes = validateGraph(spyx).shapes;
    expect([shapes.lif1?.output, shapes.lif2?.output, shapes.output?.input]).toEqual([[32], [32], [27]]);
    expect(spyx.metadata).toMatchObject({ spikelab: { time_unit: 'step' } });
    expect(validateGraph(cnn).shapes.output?.input).toEqual([27]);
  });

  describe.each(RECIPES.map((r): [string, Recipe] => [r.name, r]))('%s', (_name, recipe) => {
    const web = findWebDataset(recipe.dataset);

    it('names a shipped dataset, or one from the web, with train and test splits', () => {
      const splits = web ? web.files.map((f) => f.split) : sets.find((s) => s.id === recipe.dataset)?.splits.map((s) => s.split);
      expect(splits, recipe.dataset).toEqual(expect.arrayContaining(['train', 'test']));
    });

    // a web dataset's classes are known once it is fetched: ./shd.test.ts builds that network
    if (!web) it('builds a network that validates for the dataset', () => {
      const set = sets.find((s) => s.id === recipe.dataset)!;
      const graph = buildNetwork(recipe.network, sizeOf(set.featureShape), set.classes.length, 0);
      const { shapes, problems } = validateGraph(graph);
      expect(problems.filter((p) => p.severity !== 'warning')).toEqual([]);
      expect(sizeOf(shapes.input?.output ?? [])).toBe(sizeOf(set.featureShape));
      expect(shapes.output?.input).toEqual([set.classes.length]);
    });

    const settings = { ...TRAINING_DEFAULTS, ...recipe.settings };
    const expectedConfig = {
      batchSize: settings.batchSize, epochs: settings.epochs, lr: settings.lr, optimizer: settings.optimizer, surrogate: settings.surrogate,
      loss: settings.loss, seed: settings.seed, schedule: settings.schedule, weightDecay: settings.weightDecay, earlyStop: settings.earlyStop,
      keepBest: settings.keepBest,
    };
    const expectedAugment = { timeShift: settings.timeShift, channelShift: settings.channelShift };

    it('has settings the CLI accepts as options and reads back unchanged', () => {
      const config = trainConfigOf(parsedTrainArgs(settingsArgs(recipe.settings)), settings.dt);
      expect(config).toMatchObject(expectedConfig);
      expect(config.augment ?? { timeShift: 0, channelShift: 0 }).toEqual(expectedAugment);
    });

    it('states a command that runs this recipe, and what it reached', () => {
      const [program, command, ...argv] = recipe.expected.command.split(' ');
      expect([program, command]).toEqual(['spikelab', 'train']);
      const args = parsedTrainArgs(argv);
      expect(args.options.recipe).toBe(recipe.name);
      const config = trainConfigOf(args, settings.dt);
      expect(config).toMatchObject({ ...expectedConfig, seed: Number(args.options.seed ?? settings.seed) });
      expect(config.augment ?? { timeShift: 0, channelShift: 0 }).toEqual(expectedAugment);
      const { expected } = recipe;
      if (!isMeasured(expected)) {
        expect(expected.notMeasured).toMatch(/^not measured here: /);
        expect(expected.published).not.toBe('');
        return;
      }
      expect(expected.seeds.length).toBeGreaterThan(0);
      expect(expected.testAccuracy.mean).toBeGreaterThan(0);
      expect(expected.testAccuracy.mean).toBeLessThanOrEqual(1);
      expect(expected.seconds).toBeGreaterThan(0);
    });
  });
});
