/**
 * Checks a stimulus against its run before anything is allocated, and fills the defaults. Every
 * refusal is a SpikelabError with a stable code and a hint:
 *   STIMULUS_UNKNOWN_KIND      a kind not in ./kinds.ts
 *   STIMULUS_BAD_PARAMETER     a parameter the kind does not take, or a value out of range
 *                              (negative rate, more than one spike per step, a frequency over
 *                              Nyquist, an onset after the run ends, a duration ≤ 0 …)
 *   STIMULUS_MISSING_PARAMETER a parameter the kind needs (poisson's rate, sine's frequency, pulse's at)
 *   STIMULUS_BAD_CHANNEL       a channel that is not a flat index of the Input, or an empty list
 *   STIMULUS_BAD_GRID          T not a whole number in 1 … MAX_STEPS, dt not positive, too many values
 */
import { SpikelabError } from '../core/errors';
import { MAX_LAYER_ELEMENTS, MAX_STEPS } from '../core/limits';
import { PARAM_DEFAULTS, STIMULUS_KINDS, STIMULUS_KIND_NAMES, isStimulusKind, paramMeasure } from './kinds';
import type { StimulusGrid, StimulusKind, StimulusParam, StimulusSpec } from './types';

/** A checked stimulus: every parameter its kind takes has a value (duration: undefined = to the end). */
export interface ResolvedStimulus {
  kind: StimulusKind;
  amplitude: number;
  offset: number;
  rate: number;
  frequency: number;
  onset: number;
  duration: number | undefined;
  at: number;
  seed: number;
  /** The flat Input indices that receive it, ascending. */
  channels: number[];
  /** Values per step (the Input's size). */
  F: number;
}

const PARAMS: readonly StimulusParam[] = ['amplitude', 'offset', 'rate', 'frequency', 'onset', 'duration', 'at', 'seed'];

/** A number for a message: six significant digits, no float noise (0.1·3 prints 0.3). */
const num = (x: number) => Number(x.toPrecision(6));

function bad(param: string, message: string, hint: string): never {
  throw new SpikelabError('STIMULUS_BAD_PARAMETER', message, hint, param);
}

function checkGrid(grid: StimulusGrid): number {
  const { T, dt, inputShape } = grid;
  if (!Number.isSafeInteger(T) || T < 1 || T > MAX_STEPS) {
    throw new SpikelabError('STIMULUS_BAD_GRID', `A stimulus needs a whole number of steps from 1 to ${MAX_STEPS}, got T = ${T}.`, 'Set T (steps) to, say, 200.');
  }
  if (!(dt > 0) || !Number.isFinite(dt)) {
    throw new SpikelabError('STIMULUS_BAD_GRID', `dt must be a positive number, got ${dt}.`, 'Use the graph\'s step: seconds for snnTorch/Norse files (1e-4), 1 for step-unit graphs.');
  }
  if (inputShape.length === 0 || !inputShape.every((d) => Number.isSafeInteger(d) && d >= 1)) {
    throw new SpikelabError('STIMULUS_BAD_GRID', `The Input shape [${inputShape.join(', ')}] has no channels to drive.`, 'Give the graph an Input with a positive shape, e.g. [1].');
  }
  const F = inputShape.reduce((a, b) => a * b, 1);
  if (T * F > MAX_LAYER_ELEMENTS) {
    throw new SpikelabError('STIMULUS_BAD_GRID', `${T} steps × ${F} input values is ${T * F} values, over the cap of ${MAX_LAYER_ELEMENTS}.`, 'Simulate fewer steps.');
  }
  return F;
}

function checkChannels(channels: number[] | undefined, F: number, inputShape: readonly number[]): number[] {
  if (channels === undefined) return Array.from({ length: F }, (_, i) => i);
  const shape = `[${inputShape.join(', ')}]`;
  if (!Array.isArray(channels) || channels.length === 0) {
    throw new SpikelabError('STIMULUS_BAD_CHANNEL', 'The channel list is empty.', `Leave it out to drive every channel, or name flat indices 0 … ${F - 1} of the Input ${shape}.`);
  }
  for (const c of channels) {
    if (!Number.isSafeInteger(c) || c < 0 || c >= F) {
      throw new SpikelabError('STIMULUS_BAD_CHANNEL', `Channel ${c} is not an index of the Input ${shape}, which has ${F} value${F === 1 ? '' : 's'} per step.`,
        `Use whole numbers from 0 to ${F - 1} (row-major over the Input's shape).`);
    }
  }
  return [...new Set(channels)].sort((a, b) => a - b);
}

export function checkStimulus(spec: StimulusSpec, grid: StimulusGrid): ResolvedStimulus {
  if (!spec || typeof spec.kind !== 'string' || !isStimulusKind(spec.kind)) {
    throw new SpikelabError('STIMULUS_UNKNOWN_KIND', `There is no stimulus kind "${String(spec?.kind)}".`, `Use one of: ${STIMULUS_KIND_NAMES.join(', ')}.`);
  }
  const F = checkGrid(grid);
  const info = STIMULUS_KINDS[spec.kind];
  const { T, dt } = grid;
  const length = T * dt;
  for (const param of PARAMS) {
    const value = spec[param];
    if (value === undefined) continue;
    if (!info.params.includes(param)) bad(param, `A ${spec.kind} stimulus takes no ${param}.`, `${spec.kind} takes ${info.params.join(', ')}.`);
    if (typeof value !== 'number' || !Number.isFinite(value)) bad(param, `The ${param} must be a finite number, got ${String(value)}.`, `Give ${param} as a number.`);
    if ((paramMeasure(param) === 'time' || paramMeasure(param) === 'rate') && value < 0) bad(param, `The ${param} must not be negative, got ${value}.`, 'Times and rates count from 0.');
  }
  for (const param of info.required) {
    if (spec[param] === undefined) {
      throw new SpikelabError('STIMULUS_MISSING_PARAMETER', `A ${spec.kind} stimulus needs a ${param}.`, `Give ${param}, e.g. ${spec.kind}:${param}=${num(param === 'at' ? dt * Math.floor(T / 2) : param === 'rate' ? 0.1 / dt : 0.02 / dt)}.`, param);
    }
  }
  const value = (param: StimulusParam) => spec[param] ?? PARAM_DEFAULTS[param] ?? 0;
  const resolved: ResolvedStimulus = {
    kind: spec.kind, amplitude: value('amplitude'), offset: value('offset'), rate: value('rate'), frequency: value('frequency'),
    onset: value('onset'), duration: spec.duration, at: value('at'), seed: value('seed'), channels: checkChannels(spec.channels, F, grid.inputShape), F,
  };
  const end = `the run ends at ${num(length)} (T = ${T} steps of dt = ${dt})`;
  if (info.params.includes('onset') && resolved.onset >= length) bad('onset', `The onset ${resolved.onset} is not before ${end}.`, `Start it earlier, or simulate more steps (T > ${Math.ceil(resolved.onset / dt)}).`);
  if (resolved.duration !== undefined && !(resolved.duration > 0)) bad('duration', `The duration must be positive, got ${resolved.duration}.`, 'Leave it out to last to the end of the run.');
  if (spec.kind === 'pulse' && resolved.at >= length) bad('at', `The pulse at ${resolved.at} is not before ${end}.`, `Put it earlier, or simulate more steps (T > ${Math.ceil(resolved.at / dt)}).`);
  if (info.spikes && resolved.rate * dt > 1) {
    bad('rate', `A rate of ${resolved.rate} asks for ${num(resolved.rate * dt)} spikes per step of dt = ${dt}; at most one fits in a step.`, `Use a rate of at most 1/dt = ${num(1 / dt)}, or a smaller dt.`);
  }
  if (spec.kind === 'sine' && resolved.frequency > 1 / (2 * dt)) {
    bad('frequency', `A sine of frequency ${resolved.frequency} cannot be drawn with dt = ${dt}: it is over the Nyquist frequency 1/(2·dt) = ${num(1 / (2 * dt))}.`, 'Lower the frequency or use a smaller dt.');
  }
  if (!Number.isSafeInteger(resolved.seed)) bad('seed', `The seed must be a whole number, got ${resolved.seed}.`, 'Use, say, 0.');
  return resolved;
}
