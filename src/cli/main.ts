/** Entry of `npx spikelab`: dispatches to a command, prints JSON, exits non-zero on error. */
import { parseArgs } from './args';
import { commands } from './commands/index';
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
      throw new SpikelabError('CLI_UNKNOWN_COMMAND', `Unknown command "${name}".`, `Commands: ${commands.map((c) => c.name).join(', ')}.`);
    }
    return await command.run(parseArgs(rest));
  } catch (error) {
    printError(error);
    return 2;
  }
}
