/** The CLI's command registry: one file per command; add a line here to register one. */
import type { ParsedArgs } from '../args';
import type { OptionSpecs } from '../optionSpecs';
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
  /** The options it takes (the limit options of ../optionSpecs.ts are added for every command). */
  options: OptionSpecs;
  /** How many positional arguments it takes at most. */
  maxPositionals: number;
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
