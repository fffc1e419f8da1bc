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
