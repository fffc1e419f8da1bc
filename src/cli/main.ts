/** Entry of `npx spikelab`: dispatches to a command, prints JSON, exits non-zero on error. */
import { parseArgs } from './args';
import { commands } from './commands/index';
import { nearestName } from './nearest';
import { checkArgs, LIMIT_OPTIONS } from './optionSpecs';
import { printError, printJson } from './output';
import { SpikelabError } from '../engine/core/errors';

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help') {
    printJson({ usage: 'spikelab <command> [options]', commands: commands.map((c) => ({ name: c.name, usage: c.usage, summary: c.summary })) });
    return name === undefined ? 1 : 0;
  }
  const command = commands.find((c) => c.name === name);
  try {
    if (!command) {
      const near = nearestName(name, commands.map((c) => c.name));
      throw new SpikelabError('CLI_UNKNOWN_COMMAND', `Unknown command "${name}".${near ? ` Did you mean ${near}?` : ''}`, `Commands: ${commands.map((c) => c.name).join(', ')}.`);
    }
    if (rest.includes('--help')) {
      printJson({ usage: command.usage, summary: command.summary, options: Object.keys({ ...command.options, ...LIMIT_OPTIONS }).map((o) => `--${o}`) });
      return 0;
    }
    const specs = { ...command.options, ...LIMIT_OPTIONS };
    const args = parseArgs(rest, specs);
    checkArgs(args, specs, command.usage, command.maxPositionals);
    return await command.run(args);
  } catch (error) {
    printError(error);
    return 2;
  }
}
