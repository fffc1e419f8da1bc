/**
 * The time cursor as numbers: a step clamped to the recorded sample, the step under a point of a
 * plot, and playback (how many steps a second a speed means for the run's dt, and where a
 * playback that started at `from` is after some wall-clock time).
 */

/** A playback speed: a multiple of real time (needs a dt in seconds), or steps per second. */
export type PlaybackSpeed = { kind: 'realtime'; factor: number } | { kind: 'steps'; perSecond: number };

export const REALTIME_FACTORS = [0.25, 1, 4] as const;

/** The step `t` inside a sample of T steps (0 … T − 1; 0 when there is none), as an integer. */
export function clampStep(t: number, T: number): number {
  if (!(T > 0) || !Number.isFinite(t)) return 0;
  return Math.min(T - 1, Math.max(0, Math.round(t)));
}

/**
 * The step under x on a time axis of `width` pixels over T steps. `centred`: step t is drawn at
 * the middle of its cell, (t + ½)/T of the width (rasters, input strips); otherwise at t/(T − 1)
 * (traces).
 */
export function stepAtX(x: number, width: number, T: number, centred: boolean): number {
  if (!(width > 0) || !(T > 0)) return 0;
  const f = x / width;
  return clampStep(centred ? Math.floor(f * T) : f * (T - 1), T);
}

/** Where step t is drawn on such an axis, in pixels from its start. */
export function xOfStep(t: number, width: number, T: number, centred: boolean): number {
  if (!(T > 0)) return 0;
  return centred ? ((t + 0.5) / T) * width : (t / Math.max(1, T - 1)) * width;
}

/** Steps per second a speed plays at; null when it is real time and the run has no dt in seconds. */
export function stepsPerSecond(speed: PlaybackSpeed, dt: number): number | null {
  if (speed.kind === 'steps') return speed.perSecond > 0 ? speed.perSecond : null;
  return dt > 0 && speed.factor > 0 ? speed.factor / dt : null;
}

/**
 * The step a playback that left step `from` `elapsedMs` ago at `rate` steps/s has reached, and
 * whether it has reached the end (it then stays at the last step).
 */
export function playbackStep(from: number, elapsedMs: number, rate: number, T: number): { t: number; done: boolean } {
  const t = from + Math.floor((Math.max(0, elapsedMs) * rate) / 1000);
  return t >= T - 1 ? { t: Math.max(0, T - 1), done: true } : { t, done: false };
}

/** "4× real time" or "10 steps/s". */
export function describeSpeed(speed: PlaybackSpeed): string {
  return speed.kind === 'realtime' ? `${speed.factor}× real time` : `${speed.perSecond} steps/s`;
}
