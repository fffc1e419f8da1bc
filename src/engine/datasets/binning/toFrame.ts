import { packedSteps, setSpike } from '../formats/bitpack';
import { searchLeft, type EventStream, type SensorSize } from '../formats/events';

/**
 * tonic's `ToFrame` followed by `np.packbits(axis=0)` (counts > 0 become 1), written straight
 * into a packed `[⌈T/8⌉, P·H·W]` sample (feature order p, y, x: tonic's frame index [i, p, y, x]).
 *
 * By bin count (`ToFrame(n_time_bins=T)`, tonic `SliceByTimeBins`, overlap 0):
 *   w = ⌊(t_last − t_first) / T⌋ µs; bin i = [t_first + i·w, t_first + (i+1)·w), found with a
 *   left searchsorted over the recorded order; events at or after t_first + T·w are dropped.
 * By window (`ToFrame(time_window=w)`, tonic `SliceByTime`, overlap 0, include_incomplete False):
 *   n = max(1, ⌊(t_last − t_first − w)/w⌋ + 1) slices of [t_first + i·w, t_first + (i+1)·w).
 *   The result is cut or zero-padded to T steps (as `PadTensors` pads a batch).
 * Returns the number of events that landed in a kept bin.
 */
export type FrameBinning = { nTimeBins: number } | { timeWindowUs: number; T: number };

export function framesT(binning: FrameBinning): number {
  return 'nTimeBins' in binning ? binning.nTimeBins : binning.T;
}

/** Number of slices tonic's SliceByTime gives for this recording. */
export function sliceCountByTime(events: EventStream, timeWindowUs: number): number {
  const n = events.t.length;
  if (n === 0) return 0;
  return Math.max(1, Math.floor((events.t[n - 1] - events.t[0] - timeWindowUs) / timeWindowUs) + 1);
}

export function binEventsToPackedFrames(
  events: EventStream, sensor: SensorSize, binning: FrameBinning, out: Uint8Array, offset = 0,
): number {
  const T = framesT(binning);
  const F = sensor.polarities * sensor.height * sensor.width;
  out.fill(0, offset, offset + packedSteps(T) * F);
  const n = events.t.length;
  if (n === 0) return 0;
  const t0 = events.t[0];
  let window: number;
  let slices: number;
  if ('nTimeBins' in binning) {
    window = Math.floor((events.t[n - 1] - t0) / T);
    slices = T;
  } else {
    window = binning.timeWindowUs;
    slices = Math.min(T, sliceCountByTime(events, window));
  }
  let used = 0;
  for (let i = 0; i < slices; i++) {
    const begin = searchLeft(events.t, t0 + i * window);
    const end = searchLeft(events.t, t0 + (i + 1) * window);
    for (let e = begin; e < end; e++) {
      const f = (events.p[e] * sensor.height + events.y[e]) * sensor.width + events.x[e];
      setSpike(out, offset, F, i, f);
    }
    used += Math.max(0, end - begin);
  }
  return used;
}
