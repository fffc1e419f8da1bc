/**
 * What a canvas node shows at the time cursor: a population's spikes in that step and its
 * membranes (a few cells, each the mean of a group of recorded neurons, with whether any of them
 * spiked), or the input's active features; and per step, how many spikes the sample has in all
 * (the activity drawn under the cursor's track).
 */
import { recordedCount } from '../../engine/train/probes';
import type { LayerRecord, SimulationRecord } from '../../engine/train/types';

export interface Cell {
  /** Mean membrane (or input intensity) of the group; null when not recorded. */
  v: number | null;
  spiked: boolean;
}

export interface StateAtStep {
  t: number;
  /** Spikes of the recorded neurons in step t (active features for the input); null when spikes are not recorded. */
  spikes: number | null;
  /** Neurons (features) the record holds. */
  recorded: number;
  /** Mean membrane of the recorded neurons at t; null without membranes. */
  meanMembrane: number | null;
  /** The spiking threshold the colour scale is relative to; null for a membrane readout or the input. */
  threshold: number | null;
  /** Largest |v| over the sample: the colour scale where there is no threshold. */
  scale: number;
  cells: Cell[];
}

const scales = new WeakMap<Float32Array, number>();

/** Largest |v| of an array (cached per array: records are immutable once shown). */
export function largestMagnitude(values: Float32Array): number {
  let max = scales.get(values);
  if (max === undefined) {
    max = 0;
    for (const v of values) if (Number.isFinite(v) && Math.abs(v) > max) max = Math.abs(v);
    scales.set(values, max);
  }
  return max;
}

function groupCells(n: number, maxCells: number, at: (column: number) => { v: number | null; spiked: boolean }): Cell[] {
  const count = Math.min(n, maxCells);
  const cells: Cell[] = [];
  for (let g = 0; g < count; g++) {
    const lo = Math.floor((g * n) / count);
    const hi = Math.floor(((g + 1) * n) / count);
    let sum = 0;
    let seen = 0;
    let spiked = false;
    for (let c = lo; c < hi; c++) {
      const { v, spiked: s } = at(c);
      if (v !== null) {
        sum += v;
        seen++;
      }
      spiked ||= s;
    }
    cells.push({ v: seen > 0 ? sum / seen : null, spiked });
  }
  return cells;
}

/** A population at step t of a sample of T steps, in at most `maxCells` cells. */
export function layerStateAt(layer: LayerRecord, T: number, t: number, maxCells = 32): StateAtStep | null {
  if (!(T > 0) || t < 0 || t >= T || (!layer.spikes && !layer.membrane)) return null;
  const n = recordedCount(layer);
  const base = t * n;
  const { spikes, membrane } = layer;
  let count = 0;
  let sum = 0;
  for (let c = 0; c < n; c++) {
    if (spikes) count += spikes[base + c];
    if (membrane) sum += membrane[base + c];
  }
  return {
    t,
    spikes: spikes ? count : null,
    recorded: n,
    meanMembrane: membrane && n > 0 ? sum / n : null,
    threshold: layer.output === 'spikes' ? layer.threshold : null,
    scale: membrane ? largestMagnitude(membrane) : 1,
    cells: groupCells(n, maxCells, (c) => ({ v: membrane ? membrane[base + c] : null, spiked: spikes ? spikes[base + c] > 0 : false })),
  };
}

/** The input at step t: its active (non-zero) features, and intensity cells. */
export function inputStateAt(record: SimulationRecord, t: number, maxCells = 32): StateAtStep | null {
  const F = record.inputShape.reduce((a, b) => a * b, 1);
  if (t < 0 || t >= record.T || F <= 0) return null;
  const base = t * F;
  let active = 0;
  let sum = 0;
  for (let f = 0; f < F; f++) {
    const v = record.input[base + f];
    if (v !== 0) active++;
    sum += v;
  }
  return {
    t, spikes: active, recorded: F, meanMembrane: sum / F, threshold: null, scale: largestMagnitude(record.input),
    cells: groupCells(F, maxCells, (f) => ({ v: record.input[base + f], spiked: record.input[base + f] !== 0 })),
  };
}

/** Spikes per step over every recorded spiking layer (the sample's activity over time). */
export function spikesPerStep(record: SimulationRecord): Uint32Array {
  const out = new Uint32Array(record.T);
  for (const layer of record.layers) {
    if (!layer.spikes) continue;
    const n = recordedCount(layer);
    for (let t = 0; t < record.T; t++) {
      let c = 0;
      for (let i = 0; i < n; i++) c += layer.spikes[t * n + i];
      out[t] += c;
    }
  }
  return out;
}
