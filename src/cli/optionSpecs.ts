/**
 * What each command accepts, checked before it runs: an unknown option is CLI_UNKNOWN_OPTION
 * (with the nearest known one: "did you mean --lr?"), a malformed value CLI_BAD_OPTION, extra
 * positionals CLI_UNEXPECTED_ARGUMENT; every refusal carries the command's usage.
 *   kind 'number'  finite number        'int'   whole number, optionally within [min, max]
 *   kind 'string'  any text             'flag'  no value (`--full`)
 *   choices        one of a list (a 'string' option whose values are known)
 */
import { SpikelabError } from '../engine/core/errors';
import type { CliErrorCode } from '../engine/core/errorCodes';
import { MAX_SAMPLES, MAX_STEPS } from '../engine/core/limits';
import { nearestName } from './nearest';

export interface OptionSpec {
  kind: 'number' | 'int' | 'string' | 'flag';
  min?: number;
  max?: number;
  choices?: readonly string[];
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

const count = (max: number): OptionSpec => ({ kind: 'int', min: 1, max });
const NUMBER: OptionSpec = { kind: 'number' };
const POSITIVE: OptionSpec = { kind: 'number', min: Number.MIN_VALUE };
const TEXT: OptionSpec = { kind: 'string' };

/** Options every command takes: the caps of ../engine/core/limits.ts. */
export const LIMIT_OPTIONS: OptionSpecs = {
  'max-bytes': { kind: 'int', min: 1, max: Number.MAX_SAFE_INTEGER },
  'max-nodes': { kind: 'int', min: 1, max: 100_000_000 },
};

export const BACKEND_OPTION: OptionSpecs = { backend: { kind: 'string', choices: ['wasm', 'cpu'] } };

/** What setupRun (../trainingOptions.ts) reads: the graph's dt, the data and the default graph's sizes. */
export const RUN_OPTIONS: OptionSpecs = {
  dataset: TEXT,
  root: TEXT,
  dt: POSITIVE,
  T: count(MAX_STEPS),
  samples: count(MAX_SAMPLES),
  limit: { kind: 'int', min: 0, max: MAX_SAMPLES },
  hidden: count(1_000_000),
  gain: NUMBER,
  seed: { kind: 'int' },
  ...BACKEND_OPTION,
};

export const SPECS = { NUMBER, POSITIVE, TEXT, count };

function refuse(code: CliErrorCode, message: string, usage: string, suggestion?: string): never {
  throw new SpikelabError(code, message, `${suggestion ? `Did you mean --${suggestion}? ` : ''}Usage: ${usage}`);
}

function checkValue(name: string, raw: string | true, spec: OptionSpec, usage: string): void {
  if (spec.kind === 'flag') {
    if (raw !== true) refuse('CLI_BAD_OPTION', `--${name} takes no value, got "${raw}".`, usage);
    return;
  }
  if (raw === true) refuse('CLI_BAD_OPTION', `--${name} needs a value.`, usage);
  if (spec.choices && !spec.choices.includes(raw)) {
    const near = nearestName(raw, spec.choices);
    refuse('CLI_BAD_OPTION', `--${name} must be one of ${spec.choices.join(', ')}, got "${raw}".${near ? ` Did you mean ${near}?` : ''}`, usage);
  }
  if (spec.kind === 'string') return;
  const value = raw.trim() === '' ? NaN : Number(raw);
  const whole = spec.kind === 'int';
  if (!Number.isFinite(value) || (whole && !Number.isSafeInteger(value))) {
    refuse('CLI_BAD_OPTION', `--${name} needs ${whole ? 'a whole number' : 'a number'}, got "${raw}".`, usage);
  }
  if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
    const range = spec.min === Number.MIN_VALUE ? 'greater than 0' : `from ${spec.min ?? '−∞'} to ${spec.max ?? '∞'}`;
    refuse('CLI_BAD_OPTION', `--${name} must be ${range}, got ${raw}.`, usage);
  }
}

export interface ArgsShape {
  positionals: string[];
  options: Record<string, string | true>;
}

/** Throws unless every option is known and well-formed and there are at most `maxPositionals` positionals. */
export function checkArgs(args: ArgsShape, specs: OptionSpecs, usage: string, maxPositionals: number): void {
  const known = Object.keys(specs);
  for (const [name, raw] of Object.entries(args.options)) {
    if (!Object.prototype.hasOwnProperty.call(specs, name)) {
      const near = nearestName(name, known);
      refuse('CLI_UNKNOWN_OPTION', `Unknown option --${name}.${near ? ` Did you mean --${near}?` : ''} This command takes ${known.map((k) => `--${k}`).join(', ') || 'no options'}.`, usage, near);
    }
    checkValue(name, raw, specs[name], usage);
  }
  if (args.positionals.length > maxPositionals) {
    const extra = args.positionals.slice(maxPositionals).join(' ');
    refuse('CLI_UNEXPECTED_ARGUMENT', `Unexpected argument${args.positionals.length - maxPositionals > 1 ? 's' : ''} "${extra}" (this command takes ${maxPositionals === 0 ? 'none' : `at most ${maxPositionals}`}).`, usage);
  }
}
