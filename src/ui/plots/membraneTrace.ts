/**
 * One followed neuron's trace as data: its membrane and spikes over time from a record, the
 * threshold of a spiking layer, and the value range a plot of it must show (the trace, the
 * threshold and zero). A neuron the record's probe did not keep has no trace.
 */
import { columnOf, recordedCount } from '../../engine/train/probes';
import type { SimulationRecord } from '../../engine/train/types';
import type { Followed } from '../state/liveStore';

export interface Trace {
  v: Float32Array;
  z: Uint8Array | null;
  threshold: number | null;
}

export function traceOf(record: SimulationRecord, f: Followed): Trace | null {
  const layer = record.layers.find((l) => l.name === f.layer);
  if (!layer?.membrane) return null;
  const column = columnOf(layer, f.neuron);
  if (column < 0) return null;
  const n = recordedCount(layer);
  const membrane = layer.membrane;
  const spikes = layer.spikes;
  const v = Float32Array.from({ length: record.T }, (_, t) => membrane[t * n + column]);
  const z = spikes ? Uint8Array.from({ length: record.T }, (_, t) => spikes[t * n + column]) : null;
  return { v, z, threshold: layer.output === 'spikes' ? layer.threshold : null };
}

/** [lo, hi] covering the trace, the threshold and 0, never empty. */
export function valueRange(trace: Trace): [number, number] {
  let lo = 0;
  let hi = trace.threshold ?? 0;
  lo = Math.min(lo, hi);
  for (const v of trace.v) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi - lo < 1e-9) return [lo - 0.5, hi + 0.5];
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

export function spikeTotal(trace: Trace): number {
  return trace.z ? trace.z.reduce((a, b) => a + b, 0) : 0;
}
