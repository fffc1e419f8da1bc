/** The CLI's command registry: one file per command; add a line here to register one. */
import type { ParsedArgs } from '../args';

export interface Command {
  name: string;
  usage: string;
  summary: string;
  /** Prints JSON to stdout; returns the exit code. Throw a SpikelabError for bad input. */
  run(args: ParsedArgs): Promise<number>;
}

export const commands: Command[] = [
];
