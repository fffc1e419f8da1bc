/**
 * The deterministic kinds as one value per step, the same on every driven channel (formulas in
 * ./kinds.ts): constant, step, ramp, sine, regular spike trains and the single pulse. Outside the
 * window the value is 0.
 */
import type { ResolvedStimulus } from './validate';
import { stepAt, windowSteps } from './timeGrid';

export type WaveformKind = 'constant' | 'step' | 'ramp' | 'sine' | 'regular' | 'pulse';

/** [T] values of a deterministic stimulus. */
export function waveform(s: ResolvedStimulus & { kind: WaveformKind }, T: number, dt: number): Float32Array {
  const out = new Float32Array(T);
  if (s.kind === 'constant') return out.fill(s.amplitude);
  if (s.kind === 'pulse') {
    out[stepAt(s.at, dt)] = s.amplitude;
    return out;
  }
  const { start, end } = windowSteps(s.onset, s.duration, T, dt);
  if (s.kind === 'step') return out.fill(s.amplitude, start, end);
  if (s.kind === 'regular') {
    if (s.rate <= 0) return out;
    // Spike k at time onset + k/rate: counted from the onset, so rounding never accumulates.
    for (let k = 0; ; k++) {
      const t = stepAt(s.onset + k / s.rate, dt);
      if (t >= end) break;
      out[t] = s.amplitude;
    }
    return out;
  }
  // ramp and sine run on the time since onset, s = t·dt − onset.
  const duration = s.duration ?? T * dt - s.onset;
  for (let t = start; t < end; t++) {
    const since = t * dt - s.onset;
    out[t] = s.kind === 'ramp' ? (s.amplitude * since) / duration : s.offset + s.amplitude * Math.sin(2 * Math.PI * s.frequency * since);
  }
  return out;
}
