/**
 * From the Run panel's stimulus settings to what the worker simulates: the spec (only the
 * parameters its kind takes, channels parsed), the graph's time unit, the labels with units, and
 * the check the engine will make (../../engine/stimuli/validate.ts), run here so the form says
 * what is wrong before Simulate is pressed.
 */
import { graphLabInfo } from '../../engine/graph/labMetadata';
import type { NirGraph } from '../../engine/graph/types';
import { guessDt } from '../../engine/nir/dtGuess';
import { STIMULUS_KINDS, checkStimulus, paramUnit, type StimulusParam, type StimulusSpec } from '../../engine/stimuli';
import type { StimulusSettings } from '../state/runStore';

export type TimeUnit = 's' | 'step';

/** The graph's time unit: what it was saved with, else what its parameters say (the dt guess). */
export function graphTimeUnit(graph: NirGraph): TimeUnit {
  const saved = graphLabInfo(graph.metadata).timeUnit;
  if (saved === 's' || saved === 'step') return saved;
  return guessDt(graph).unit;
}

const NAMES: Record<StimulusParam, string> = {
  amplitude: 'Amplitude', offset: 'Offset', rate: 'Rate', frequency: 'Frequency', onset: 'Onset', duration: 'Duration', at: 'At', seed: 'Stimulus seed',
};

/** "Onset (s)", "Rate (Hz)", "Amplitude": a field's label with its unit. */
export function paramLabel(param: StimulusParam, unit: TimeUnit): string {
  const u = paramUnit(param, unit);
  return u ? `${NAMES[param]} (${u})` : NAMES[param];
}

/** Channels as typed ("", "all", "0, 2, 5-7") → flat indices, undefined for all; a string says what is wrong. */
export function parseChannels(text: string): number[] | undefined | string {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'all') return undefined;
  const out: number[] = [];
  for (const part of trimmed.split(/[\s,;]+/).filter(Boolean)) {
    const range = /^(\d+)(?:\s*[-–]\s*(\d+))?$/.exec(part);
    if (!range) return `"${part}" is not a channel: use numbers and ranges, e.g. 0, 2, 5-7.`;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (to < from) return `The range ${part} runs backwards.`;
    if (to - from > 1_000_000) return `The range ${part} is over a million channels.`;
    for (let c = from; c <= to; c++) out.push(c);
  }
  return out;
}

/** The spec the settings describe (parameters the kind does not take are left out), or what is wrong. */
export function stimulusSpecOf(settings: StimulusSettings): StimulusSpec | string {
  const channels = parseChannels(settings.channels);
  if (typeof channels === 'string') return channels;
  const spec: StimulusSpec = { kind: settings.kind };
  for (const param of STIMULUS_KINDS[settings.kind].params) {
    const value = param === 'duration' ? settings.duration : settings[param];
    if (value !== null) spec[param] = value;
  }
  if (channels) spec.channels = channels;
  return spec;
}

/** The spec, checked against the run it is for (T steps of dt into `inputShape`), or the engine's refusal in words. */
export function checkedStimulus(settings: StimulusSettings, dt: number, inputShape: readonly number[]): { spec: StimulusSpec } | { error: string } {
  const spec = stimulusSpecOf(settings);
  if (typeof spec === 'string') return { error: spec };
  try {
    checkStimulus(spec, { T: settings.T, dt, inputShape });
    return { spec };
  } catch (error) {
    const { message, hint } = error as { message: string; hint?: string };
    return { error: hint ? `${message} ${hint}` : message };
  }
}

/** A time span for the form's caption: "0.1 ms", "20 ms", "1.5 s", or "200 steps". */
export function formatSpan(value: number, unit: TimeUnit): string {
  if (unit === 'step') return `${Number(value.toPrecision(6))} step${value === 1 ? '' : 's'}`;
  const [scale, suffix] = value >= 1 ? [1, 's'] : value >= 1e-4 ? [1e3, 'ms'] : [1e6, 'µs'];
  return `${Number((value * scale).toPrecision(4))} ${suffix}`;
}
