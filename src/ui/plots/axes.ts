/**
 * Axis ticks for the canvas plots: "nice" 1-2-5 steps covering a range, tick labels with no more
 * decimals than the step needs, and the time axis in steps and in seconds from the run's dt.
 */

/** The 1, 2 or 5 × 10ⁿ step that splits `span` into about `count` intervals. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !(count > 0)) return 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / magnitude;
  const nice = fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10;
  return nice * magnitude;
}

/** Multiples of a nice step inside [min, max] (both ends included when they fall on the step). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min];
  const [lo, hi] = min < max ? [min, max] : [max, min];
  const step = niceStep(hi - lo, count);
  const ticks: number[] = [];
  const first = Math.ceil(lo / step - 1e-9);
  for (let k = first; k * step <= hi + step * 1e-9; k++) ticks.push(roundTo(k * step, step));
  return ticks;
}

/** Integer ticks (time steps, neuron indices) in [0, last]. */
export function indexTicks(last: number, count = 5): number[] {
  if (last <= 0) return [0];
  const step = Math.max(1, niceStep(last, count));
  const ticks: number[] = [];
  for (let v = 0; v <= last; v += step) ticks.push(Math.round(v));
  return ticks;
}

function decimalsOf(step: number): number {
  return Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
}

function roundTo(value: number, step: number): number {
  const d = decimalsOf(step);
  const rounded = Number(value.toFixed(d));
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** A tick's label with the decimals its step needs ("0.25", "10", "1e-4" for tiny values). */
export function formatTick(value: number, step: number): string {
  if (value !== 0 && Math.abs(value) < 1e-4) return value.toExponential(0);
  return value.toFixed(decimalsOf(step));
}

/** A duration in s, ms or µs, three significant figures at most ("40 ms", "1.5 s", "250 µs"). */
export function formatSeconds(seconds: number): string {
  const abs = Math.abs(seconds);
  const [value, unit] = abs >= 1 ? [seconds, 's'] : abs >= 1e-3 ? [seconds * 1e3, 'ms'] : [seconds * 1e6, 'µs'];
  return `${Number(value.toPrecision(3))} ${unit}`;
}

/** The time axis title: steps, with what one step and the whole window are in seconds. */
export function timeAxisTitle(T: number, dt: number): string {
  if (!(dt > 0)) return 'time (steps)';
  return `time (steps; 1 step = ${formatSeconds(dt)}, ${T} steps = ${formatSeconds(T * dt)})`;
}

/** "t = 12 (12 ms)": a step and its time, for hover read-outs. */
export function formatStep(t: number, dt: number): string {
  return dt > 0 ? `t = ${t} (${formatSeconds(t * dt)})` : `t = ${t}`;
}
