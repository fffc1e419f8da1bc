/**
 * A stream of address events in tonic's "xytp" convention, columnar: x, y (pixel), p (polarity
 * bit, 0 or 1, as the file stores it), t (µs, non-decreasing as recorded). For 1-D sensors (SHD: channel, p = 1) y is all 0.
 */
export interface EventStream {
  x: Uint16Array;
  y: Uint16Array;
  p: Uint8Array;
  t: Float64Array;
}

/** Sensor size in tonic's (W, H, P) order: N-MNIST (34, 34, 2), DVS Gesture (128, 128, 2). */
export interface SensorSize {
  width: number;
  height: number;
  polarities: number;
}

/** The events with t < tEnd µs (tonic's N-MNIST `first_saccade_only` is tEnd = 1e5). */
export function eventsBefore(events: EventStream, tEnd: number): EventStream {
  let n = 0;
  for (let i = 0; i < events.t.length; i++) if (events.t[i] < tEnd) n++;
  const out: EventStream = { x: new Uint16Array(n), y: new Uint16Array(n), p: new Uint8Array(n), t: new Float64Array(n) };
  let j = 0;
  for (let i = 0; i < events.t.length; i++) {
    if (events.t[i] >= tEnd) continue;
    out.x[j] = events.x[i];
    out.y[j] = events.y[i];
    out.p[j] = events.p[i];
    out.t[j] = events.t[i];
    j++;
  }
  return out;
}

/** First index i with times[i] >= value in non-decreasing `times` (NumPy searchsorted, side "left"). */
export function searchLeft(times: Float64Array, value: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The events in time order, as binning needs them: the same stream when t never decreases (as
 * cameras record), else a copy sorted by t, equal times keeping their order.
 */
export function timeOrdered(events: EventStream): EventStream {
  const { t } = events;
  let ordered = true;
  for (let i = 1; i < t.length && ordered; i++) ordered = t[i] >= t[i - 1];
  if (ordered) return events;
  const order = Uint32Array.from(t, (_, i) => i).sort((a, b) => t[a] - t[b] || a - b);
  return { x: Uint16Array.from(order, (i) => events.x[i]), y: Uint16Array.from(order, (i) => events.y[i]), p: Uint8Array.from(order, (i) => events.p[i]), t: Float64Array.from(order, (i) => t[i]) };
}

/** The events with tStart ≤ t < tEnd µs of a time-ordered stream, as views into it (no copy). */
export function timeWindow(events: EventStream, tStart: number, tEnd: number): EventStream {
  const begin = searchLeft(events.t, tStart);
  const end = Math.max(begin, searchLeft(events.t, tEnd));
  return { x: events.x.subarray(begin, end), y: events.y.subarray(begin, end), p: events.p.subarray(begin, end), t: events.t.subarray(begin, end) };
}
