/**
 * `--stimulus KIND[:KEY=VALUE,…]` as a StimulusSpec (../engine/stimuli), e.g.
 *   step:amplitude=0.2,onset=0.001,duration=0.01   constant:amplitude=1   poisson:rate=100,seed=3
 *   sine:amplitude=1,frequency=50   pulse:at=0.002   ramp:amplitude=1,duration=0.05
 *   noise:amplitude=0.1,offset=0.5   regular:rate=200,channels=0+3+8-11
 * Times are in the graph's time unit (seconds, or steps for step-unit graphs, where dt = 1) and
 * rates per that unit (Hz); `channels` lists flat Input indices joined by '+', with inclusive
 * ranges a-b. A malformed spec is CLI_BAD_OPTION with the grammar and the nearest kind or key;
 * values the kind cannot use are refused later by the engine (STIMULUS_*), against the run's T and dt.
 */
import { SpikelabError } from '../engine/core/errors';
import { STIMULUS_KINDS, STIMULUS_KIND_NAMES, isStimulusKind } from '../engine/stimuli/kinds';
import type { StimulusParam, StimulusSpec } from '../engine/stimuli/types';
import { editDistance, nearestName } from './nearest';

export const STIMULUS_GRAMMAR = `--stimulus KIND[:KEY=VALUE,…] with KIND one of ${STIMULUS_KIND_NAMES.join(', ')}; `
  + `keys: ${STIMULUS_KIND_NAMES.map((k) => `${k} (${[...STIMULUS_KINDS[k].params, 'channels'].join(', ')})`).join('; ')}. `
  + 'Times in seconds (steps for step-unit graphs), rates in Hz, channels as 0+2+5-7. Example: --stimulus step:amplitude=0.2,onset=0.001,duration=0.01 --T 200';

function refuse(message: string, suggestion?: string): never {
  throw new SpikelabError('CLI_BAD_OPTION', `--stimulus: ${message}${suggestion ? ` Did you mean ${suggestion}?` : ''}`, STIMULUS_GRAMMAR);
}

/** The nearest kind, more forgiving than option names (a swap such as "stpe" is two edits). */
function nearestKind(name: string): string | undefined {
  const near = nearestName(name, STIMULUS_KIND_NAMES);
  if (near) return near;
  const [best] = [...STIMULUS_KIND_NAMES].sort((a, b) => editDistance(name, a) - editDistance(name, b));
  return editDistance(name, best) <= Math.max(2, Math.floor(name.length / 2)) ? best : undefined;
}

function channelsOf(text: string): number[] {
  const channels: number[] = [];
  for (const part of text.split('+')) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!range) refuse(`channels "${text}" is not a list like 0+2+5-7.`);
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (to < from) refuse(`the channel range ${part} runs backwards.`, `${to}-${from}`);
    if (to - from > 1_000_000) refuse(`the channel range ${part} is over a million channels.`);
    for (let c = from; c <= to; c++) channels.push(c);
  }
  return channels;
}

export function parseStimulus(text: string): StimulusSpec {
  const colon = text.indexOf(':');
  const kind = (colon < 0 ? text : text.slice(0, colon)).trim().toLowerCase();
  if (!isStimulusKind(kind)) refuse(`there is no stimulus kind "${kind}".`, nearestKind(kind));
  const spec: StimulusSpec = { kind };
  const rest = colon < 0 ? '' : text.slice(colon + 1).trim();
  if (rest === '') return spec;
  const keys = [...STIMULUS_KINDS[kind].params, 'channels'];
  for (const pair of rest.split(',')) {
    const eq = pair.indexOf('=');
    const key = (eq < 0 ? pair : pair.slice(0, eq)).trim();
    if (!keys.includes(key)) refuse(`a ${kind} stimulus takes ${keys.join(', ')}, not "${key}".`, nearestName(key, keys));
    if (eq < 0) refuse(`"${key}" needs a value (${key}=…).`);
    if (Object.prototype.hasOwnProperty.call(spec, key)) refuse(`"${key}" is given twice.`);
    const raw = pair.slice(eq + 1).trim();
    if (key === 'channels') {
      spec.channels = channelsOf(raw);
      continue;
    }
    const value = raw === '' ? NaN : Number(raw);
    if (!Number.isFinite(value)) refuse(`${key} needs a number, got "${raw}".`);
    spec[key as StimulusParam] = value;
  }
  return spec;
}
