/**
 * Where times land on the step grid. Step t covers time t·dt (t = 0 … T−1, dt and times in the
 * graph's unit). A time lands on the first step whose time is not before it: ⌈time/dt⌉, less a
 * millionth of a step so that decimal times stored in binary (0.001 / 1e-4 = 9.999999999999998)
 * land where a person means them.
 */
const ROUNDING = 1e-6;

/** The first step whose time t·dt is not before `time`. */
export function stepAt(time: number, dt: number): number {
  return Math.max(0, Math.ceil(time / dt - ROUNDING));
}

/** Steps [start, end) with onset ≤ t·dt < onset + duration, within [0, T); duration absent: to T. */
export function windowSteps(onset: number, duration: number | undefined, T: number, dt: number): { start: number; end: number } {
  const start = Math.min(T, stepAt(onset, dt));
  const end = duration === undefined ? T : Math.min(T, stepAt(onset + duration, dt));
  return { start, end: Math.max(start, end) };
}
