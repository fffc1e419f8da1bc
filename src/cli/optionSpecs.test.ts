/** Every command refuses an option it does not know, or a malformed value, naming the nearest option. */
import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';
import { commands } from './commands/index';
import { nearestName } from './nearest';
import { checkArgs, LIMIT_OPTIONS } from './optionSpecs';

function refusal(name: string, argv: string[]): { code: string; message: string; hint: string } | undefined {
  const command = commands.find((c) => c.name === name)!;
  const specs = { ...command.options, ...LIMIT_OPTIONS };
  try {
    checkArgs(parseArgs(argv, specs), specs, command.usage, command.maxPositionals);
    return undefined;
  } catch (error) {
    return error as { code: string; message: string; hint: string };
  }
}

describe('command options', () => {
  it('refuses train --warmup 2 with CLI_UNKNOWN_OPTION and the usage', () => {
    const error = refusal('train', ['--warmup', '2']);
    expect(error).toMatchObject({ code: 'CLI_UNKNOWN_OPTION' });
    expect(error!.hint).toMatch(/^Usage: spikelab train/);
  });

  it('names the nearest known option', () => {
    expect(refusal('train', ['--lrr', '0.1'])!.hint).toMatch(/^Did you mean --lr\?/);
    expect(refusal('simulate', ['g.nir', '--recrod', 'lif1'])!.message).toMatch(/Did you mean --record\?/);
    expect(nearestName('recipe', ['lr', 'seed', 'steps'])).toBeUndefined();
  });

  it('refuses malformed values: not a number, a fraction for a count, a value outside a choice', () => {
    expect(refusal('train', ['--lr', 'abc'])).toMatchObject({ code: 'CLI_BAD_OPTION' });
    expect(refusal('train', ['--batch', '2.5'])).toMatchObject({ code: 'CLI_BAD_OPTION' });
    expect(refusal('train', ['--batch', '0'])).toMatchObject({ code: 'CLI_BAD_OPTION' });
    expect(refusal('train', ['--optimizer', 'adamw'])!.message).toMatch(/Did you mean adam\?/);
    expect(refusal('info', ['g.nir', '--dt'])).toMatchObject({ code: 'CLI_BAD_OPTION' });
    expect(refusal('info', ['g.nir', '--max-bytes', '-5'])).toMatchObject({ code: 'CLI_BAD_OPTION' });
  });

  it('refuses extra positionals and accepts every documented option of each command', () => {
    expect(refusal('info', ['a.nir', 'b.nir'])).toMatchObject({ code: 'CLI_UNEXPECTED_ARGUMENT' });
    expect(refusal('bench', ['--full', '--workload', 'A'])).toBeUndefined();
    expect(refusal('train', ['g.nir', '--dataset', 'fsdd', '--lr', '1e-3', '--shift-time', '2', '--max-bytes', '1000000'])).toBeUndefined();
    for (const command of commands) {
      for (const name of Object.keys(command.options)) expect(command.usage.includes(`--${name}`) || ['root', 'samples', 'gain', 'seed', 'hidden', 'limit', 'T', 'dt', 'loss', 'surrogate', 'backend', 'dataset', 'smoothing', 'batch'].includes(name), `${command.name} --${name}`).toBe(true);
    }
  });
});
