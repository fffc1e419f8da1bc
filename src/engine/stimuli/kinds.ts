/**
 * The stimulus kinds as one table: label, the parameters each takes, which it needs, and its
 * formula (./generate.ts implements them). The form, the CLI grammar and validation all read it.
 * With t·dt the time of step t and s = t·dt − onset the time since onset, inside the window
 * onset ≤ t·dt < onset + duration (duration absent: to the end of the run):
 *   constant  x = A on every step
 *   step      x = A inside the window, 0 outside
 *   ramp      x = A · s / duration inside the window (0 at onset, rising to A), 0 outside
 *   sine      x = offset + A · sin(2π f s) inside the window, 0 outside
 *   noise     x = offset + A · ξ, ξ ~ N(0, 1) drawn per step and channel (Box–Muller on mulberry32),
 *             inside the window; A is the per-step standard deviation (not scaled by √dt)
 *   poisson   x = A with probability rate · dt per step and channel (a Bernoulli draw per step:
 *             the discrete Poisson process), inside the window
 *   regular   x = A at the steps of the times onset + k / rate (k = 0, 1, …), inside the window
 *   pulse     x = A on the one step of time `at`, 0 elsewhere
 * A time lands on the first step whose time is not before it, to a millionth of a step of
 * rounding (./timeGrid.ts): onset 1 ms at dt 0.1 ms is step 10.
 */
import type { StimulusKind, StimulusParam } from './types';

export interface StimulusKindInfo {
  label: string;
  /** The parameters it takes, in the order the form shows them. */
  params: readonly StimulusParam[];
  /** Those without a default. */
  required: readonly StimulusParam[];
  /** Whether it gives spike trains (values A or 0) rather than a current. */
  spikes: boolean;
  formula: string;
}

const WINDOW = ['onset', 'duration'] as const;

export const STIMULUS_KINDS: Readonly<Record<StimulusKind, StimulusKindInfo>> = {
  constant: { label: 'Constant current', params: ['amplitude'], required: [], spikes: false, formula: 'x = A' },
  step: { label: 'Step current', params: ['amplitude', ...WINDOW], required: [], spikes: false, formula: 'x = A for onset ≤ t < onset + duration' },
  ramp: { label: 'Ramp', params: ['amplitude', ...WINDOW], required: [], spikes: false, formula: 'x = A·(t − onset)/duration in the window' },
  sine: { label: 'Sine', params: ['amplitude', 'frequency', 'offset', ...WINDOW], required: ['frequency'], spikes: false, formula: 'x = offset + A·sin(2π f (t − onset))' },
  noise: { label: 'White noise', params: ['amplitude', 'offset', ...WINDOW, 'seed'], required: [], spikes: false, formula: 'x = offset + A·ξ, ξ ~ N(0, 1) per step' },
  poisson: { label: 'Poisson spikes', params: ['rate', 'amplitude', ...WINDOW, 'seed'], required: ['rate'], spikes: true, formula: 'x = A with probability rate·dt per step' },
  regular: { label: 'Regular spikes', params: ['rate', 'amplitude', ...WINDOW], required: ['rate'], spikes: true, formula: 'x = A at t = onset + k/rate' },
  pulse: { label: 'Single pulse', params: ['at', 'amplitude'], required: ['at'], spikes: false, formula: 'x = A on the step of time at' },
};

export const STIMULUS_KIND_NAMES = Object.keys(STIMULUS_KINDS) as StimulusKind[];

/** Defaults of the parameters that have one (duration: to the end of the run). */
export const PARAM_DEFAULTS: Readonly<Partial<Record<StimulusParam, number>>> = { amplitude: 1, offset: 0, onset: 0, seed: 0 };

export function isStimulusKind(name: string): name is StimulusKind {
  return Object.prototype.hasOwnProperty.call(STIMULUS_KINDS, name);
}

/** What a parameter measures, for labels: a time, a rate per time, a value, or a seed. */
export function paramMeasure(param: StimulusParam): 'time' | 'rate' | 'value' | 'seed' {
  if (param === 'onset' || param === 'duration' || param === 'at') return 'time';
  if (param === 'rate' || param === 'frequency') return 'rate';
  return param === 'seed' ? 'seed' : 'value';
}

/** The unit of a parameter in a graph whose time unit is seconds ('s') or steps ('step'); '' for values. */
export function paramUnit(param: StimulusParam, timeUnit: 's' | 'step'): string {
  const measure = paramMeasure(param);
  if (measure === 'time') return timeUnit === 's' ? 's' : 'steps';
  if (measure === 'rate') return timeUnit === 's' ? 'Hz' : 'per step';
  return '';
}
