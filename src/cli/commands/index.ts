/** The CLI's command registry: one file per command; add a line here to register one. */
import type { ParsedArgs } from '../args';
import { info } from './info';
import { convert } from './convert';
import { datasets } from './datasets';
import { bench } from './bench';
import { reference } from './reference';
import { train } from './train';
import { evaluate } from './evaluate';
import { simulate } from './simulate';

export interface Command {
  name: string;
  usage: string;
  summary: string;
  /** Prints JSON to stdout; returns the exit code. Throw a SpikelabError for bad input. */
  run(args: ParsedArgs): Promise<number>;
}

export const commands: Command[] = [
  info,
  convert,
  datasets,
  bench,
  reference,
  train,
  evaluate,
  simulate,
];
