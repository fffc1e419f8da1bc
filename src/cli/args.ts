/** A small, strict argument parser: positionals and `--name value` / `--flag` options. */
import { SpikelabError } from '../engine/core/errors';

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | true>;
}

export function parseArgs(argv: string[]): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2);
      if (inline !== undefined) options[name] = inline;
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) options[name] = argv[++i];
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
