/**
 * A small, strict argument parser: positionals and `--name value` / `--name=value` / `--flag`
 * options. With the command's specs (./optionSpecs.ts) a flag never takes the next word as its
 * value; main.ts then checks every option against the specs before the command runs.
 */
import { SpikelabError } from '../engine/core/errors';
import type { OptionSpecs } from './optionSpecs';

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | true>;
}

export function parseArgs(argv: string[], specs?: OptionSpecs): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = Object.create(null) as Record<string, string | true>;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const flag = specs?.[name]?.kind === 'flag';
      if (eq >= 0) options[name] = arg.slice(eq + 1);
      else if (!flag && i + 1 < argv.length && !argv[i + 1].startsWith('--')) options[name] = argv[++i];
      else options[name] = true;
    } else {
      positionals.push(arg);
    }
  }
  return { positionals, options };
}

export function numberOption(args: ParsedArgs, name: string, fallback: number): number {
  const raw = args.options[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw === true || !Number.isFinite(value)) {
    throw new SpikelabError('CLI_BAD_OPTION', `--${name} needs a number, got ${raw === true ? 'nothing' : `"${raw}"`}.`, `Example: --${name} ${fallback}`);
  }
  return value;
}

/** A number option that may be absent (then undefined). */
export function optionalNumber(args: ParsedArgs, name: string): number | undefined {
  return args.options[name] === undefined ? undefined : numberOption(args, name, 0);
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const raw = args.options[name];
  if (raw === true) throw new SpikelabError('CLI_BAD_OPTION', `--${name} needs a value.`, `Example: --${name} VALUE`);
  return raw;
}

export function requirePositional(args: ParsedArgs, index: number, what: string, usage: string): string {
  const value = args.positionals[index];
  if (value === undefined) throw new SpikelabError('CLI_MISSING_ARGUMENT', `Missing ${what}.`, `Usage: ${usage}`);
  return value;
}
