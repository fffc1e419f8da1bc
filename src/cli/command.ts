/** What one CLI command is: its name, usage, options and what it runs (registered in ./commands/index.ts). */
import type { ParsedArgs } from './args';
import type { OptionSpecs } from './optionSpecs';

export interface Command {
  name: string;
  usage: string;
  summary: string;
  /** The options it takes (the limit options of ./optionSpecs.ts are added for every command). */
  options: OptionSpecs;
  /** How many positional arguments it takes at most. */
  maxPositionals: number;
  /** Prints JSON to stdout; returns the exit code. Throw a SpikelabError for bad input. */
  run(args: ParsedArgs): Promise<number>;
}
