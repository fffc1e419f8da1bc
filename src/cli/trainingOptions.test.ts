/** The training options of `train` (./trainingOptions.ts, ./commands/train.ts): schedule, weight decay, early stopping, best weights, recipes. */
import { describe, expect, it } from 'vitest';
import { TRAINING_DEFAULTS } from '../engine/train/defaults';
import { RECIPES } from '../engine/train/recipes/index';
import { parseArgs } from './args';
import { train } from './commands/train';
import { checkArgs } from './optionSpecs';
import { trainConfigOf } from './trainingOptions';

const parsed = (...argv: string[]) => {
  const args = parseArgs(argv, train.options);
  checkArgs(args, train.options, train.usage, train.maxPositionals);
  return args;
};

describe('train options', () => {
  it('leaves the lab\'s defaults: mean-membrane loss, constant rate, no decay, no early stop, best weights kept', () => {
    const config = trainConfigOf(parsed(), 1);
    expect(config).toMatchObject({ loss: 'mean_membrane_ce', schedule: { kind: 'constant' }, weightDecay: 0, earlyStop: 0, keepBest: true, seed: 0 });
  });

  it('reads --schedule, --weight-decay, --early-stop and --keep-best', () => {
    expect(trainConfigOf(parsed('--schedule', 'cosine:warmup=2', '--weight-decay', '1e-4', '--early-stop', '3', '--keep-best', 'off'), 1))
      .toMatchObject({ schedule: { kind: 'cosine', warmupEpochs: 2 }, weightDecay: 1e-4, earlyStop: 3, keepBest: false });
    expect(trainConfigOf(parsed('--schedule', 'step:every=5,factor=0.5'), 1).schedule).toEqual({ kind: 'step', everyEpochs: 5, factor: 0.5 });
    expect(trainConfigOf(parsed('--schedule', 'constant', '--loss', 'integral_ce'), 1)).toMatchObject({ schedule: { kind: 'constant' }, loss: 'integral_ce' });
  });

  it('refuses malformed values with CLI_BAD_OPTION', () => {
    for (const argv of [['--schedule', 'linear'], ['--schedule', 'step:every=0'], ['--weight-decay', '-1'], ['--early-stop', '1.5'], ['--keep-best', 'maybe'], ['--recipe', 'nope']]) {
      expect(() => trainConfigOf(parsed(...argv), 1), argv.join(' ')).toThrow(expect.objectContaining({ code: 'CLI_BAD_OPTION' }));
    }
  });

  it('takes a recipe\'s settings as the defaults, an option given still winning', () => {
    const recipe = RECIPES[0];
    const config = trainConfigOf(parsed('--recipe', recipe.name), 1);
    expect(config.loss).toBe(recipe.settings.loss ?? TRAINING_DEFAULTS.loss);
    expect(config.epochs).toBe(recipe.settings.epochs ?? TRAINING_DEFAULTS.epochs);
    expect(trainConfigOf(parsed('--recipe', recipe.name, '--epochs', '7'), 1).epochs).toBe(7);
  });

  it('documents the options in its usage', () => {
    for (const option of ['--schedule', '--weight-decay', '--early-stop', '--keep-best', '--recipe']) expect(train.usage).toContain(option);
  });
});
