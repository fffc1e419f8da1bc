/** The CLI's command registry: one file per command; add a line here to register one. */
import type { Command } from '../command';
import { info } from './info';
import { convert } from './convert';
import { datasets } from './datasets';
import { bench } from './bench';
import { reference } from './reference';
import { train } from './train';
import { evaluate } from './evaluate';
import { simulate } from './simulate';

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
