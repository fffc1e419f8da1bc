/**
 * Probes: what a recorded sample keeps of each neuron population. A probe says whether the
 * population is recorded at all, which of its neurons (all, the first k, k drawn at random from a
 * seed, a range, or neurons picked one by one), and whether their spikes, their membranes or both
 * are kept. A population without a probe is recorded whole (the default, and what the CLI does).
 * Plain data and rules only: the UI edits and saves probes, the worker hands them to
 * `simulateSample`, which downloads only what they ask for; a record made under a probe that keeps
 * fewer neurons lists them in `LayerRecord.neurons`.
 */
import { emptyRecord, hasKey } from '../core/records';
import { mulberry32 } from '../core/rng';
import type { LayerRecord } from './types';

export type NeuronSelection =
  | { kind: 'all' }
  | { kind: 'first'; count: number }
  | { kind: 'random'; count: number; seed: number }
  /** Neurons from … to, both included. */
  | { kind: 'range'; from: number; to: number }
  | { kind: 'picked'; neurons: number[] };

export type SelectionKind = NeuronSelection['kind'];

export interface Probe {
  /** False: nothing of the population is recorded (its name, size and spike total still are). */
  enabled: boolean;
  neurons: NeuronSelection;
  spikes: boolean;
  membrane: boolean;
}

/** Probes by population name (dotted names reach into subgraphs, as records name them). */
export type Probes = Record<string, Probe>;

export const DEFAULT_PROBE: Probe = { enabled: true, neurons: { kind: 'all' }, spikes: true, membrane: true };

/** What one population's record keeps: spikes and/or membrane, of these neurons (null: all). */
export interface RecordPlan {
  spikes: boolean;
  membrane: boolean;
  neurons: Uint32Array | null;
}

/** k distinct neurons of `size` drawn from `seed` (partial Fisher–Yates, mulberry32), ascending. */
function randomNeurons(count: number, size: number, seed: number): Uint32Array {
  const rng = mulberry32(seed);
  const pool = Uint32Array.from({ length: size }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(rng.uniform() * (size - i));
    const tmp = pool[i];
    pool[i] = pool[j];
    pool[j] = tmp;
  }
  return pool.slice(0, count).sort();
}

/**
 * The neurons a selection keeps of a population of `size`: ascending, distinct, inside the
 * population; null when that is every neuron. Counts are clamped to the size (a population made
 * smaller since keeps what still exists), so a selection can keep none.
 */
export function selectNeurons(selection: NeuronSelection, size: number): Uint32Array | null {
  const n = Math.max(0, Math.floor(size));
  const whole = (kept: Uint32Array) => (kept.length === n ? null : kept);
  switch (selection.kind) {
    case 'all':
      return null;
    case 'first':
      return whole(Uint32Array.from({ length: Math.min(n, Math.max(0, Math.floor(selection.count))) }, (_, i) => i));
    case 'random': {
      const count = Math.min(n, Math.max(0, Math.floor(selection.count)));
      return count >= n ? null : randomNeurons(count, n, selection.seed);
    }
    case 'range': {
      const lo = Math.max(0, Math.ceil(Math.min(selection.from, selection.to)));
      const hi = Math.min(n - 1, Math.floor(Math.max(selection.from, selection.to)));
      return whole(Uint32Array.from({ length: Math.max(0, hi - lo + 1) }, (_, i) => lo + i));
    }
    case 'picked':
      return whole(Uint32Array.from(new Set(selection.neurons.filter((v) => Number.isInteger(v) && v >= 0 && v < n))).sort());
  }
}

/** What to record of population `name` (of `size` neurons) under `probes`; everything when it has none. */
export function planFor(probes: Probes | undefined, name: string, size: number): RecordPlan {
  const probe = probes && hasKey(probes, name) ? probes[name] : undefined;
  if (!probe) return { spikes: true, membrane: true, neurons: null };
  if (!probe.enabled) return { spikes: false, membrane: false, neurons: null };
  const neurons = selectNeurons(probe.neurons, size);
  const none = neurons !== null && neurons.length === 0;
  return { spikes: probe.spikes && !none, membrane: probe.membrane && !none, neurons };
}

/** True when the probe records what no probe would: the whole population, spikes and membrane. */
export function isDefaultProbe(probe: Probe): boolean {
  return probe.enabled && probe.spikes && probe.membrane && probe.neurons.kind === 'all';
}

/** How many neurons a record of the layer holds per step (the stride of its spikes and membrane). */
export function recordedCount(layer: Pick<LayerRecord, 'size' | 'neurons'>): number {
  return layer.neurons?.length ?? layer.size;
}

/** The population index of the record's `column`-th neuron. */
export function neuronAt(layer: Pick<LayerRecord, 'neurons'>, column: number): number {
  return layer.neurons ? layer.neurons[column] : column;
}

/** The record column holding `neuron`, or -1 when the record does not hold it. */
export function columnOf(layer: Pick<LayerRecord, 'size' | 'neurons'>, neuron: number): number {
  if (!Number.isInteger(neuron) || neuron < 0 || neuron >= layer.size) return -1;
  if (!layer.neurons) return neuron;
  let lo = 0;
  let hi = layer.neurons.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = layer.neurons[mid];
    if (v === neuron) return mid;
    if (v < neuron) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function restoreSelection(v: unknown): NeuronSelection | null {
  if (!isObject(v)) return null;
  switch (v.kind) {
    case 'all':
      return { kind: 'all' };
    case 'first':
      return isCount(v.count) ? { kind: 'first', count: v.count } : null;
    case 'random':
      return isCount(v.count) && typeof v.seed === 'number' && Number.isInteger(v.seed) ? { kind: 'random', count: v.count, seed: v.seed } : null;
    case 'range':
      return isCount(v.from) && isCount(v.to) ? { kind: 'range', from: v.from, to: v.to } : null;
    case 'picked':
      return Array.isArray(v.neurons) && v.neurons.every(isCount) ? { kind: 'picked', neurons: [...(v.neurons as number[])] } : null;
    default:
      return null;
  }
}

/**
 * Probes read back from storage or across the worker boundary: what is recognised is kept, a
 * probe that does not parse is dropped (its population is then recorded whole).
 */
export function restoreProbes(stored: unknown): Probes {
  const probes: Probes = emptyRecord<Probe>();
  if (!isObject(stored)) return probes;
  for (const [name, v] of Object.entries(stored)) {
    if (!isObject(v)) continue;
    const neurons = restoreSelection(v.neurons);
    if (!neurons || typeof v.enabled !== 'boolean' || typeof v.spikes !== 'boolean' || typeof v.membrane !== 'boolean') continue;
    probes[name] = { enabled: v.enabled, neurons, spikes: v.spikes, membrane: v.membrane };
  }
  return probes;
}

/** "first 8", "8 at random (seed 3)", "neurons 4–11", "neurons 2, 7", "all": the selection in words. */
export function describeSelection(selection: NeuronSelection): string {
  switch (selection.kind) {
    case 'all':
      return 'all neurons';
    case 'first':
      return `first ${selection.count}`;
    case 'random':
      return `${selection.count} at random (seed ${selection.seed})`;
    case 'range':
      return `neurons ${Math.min(selection.from, selection.to)}–${Math.max(selection.from, selection.to)}`;
    case 'picked':
      return selection.neurons.length === 0 ? 'no neuron picked yet' : `neuron${selection.neurons.length === 1 ? '' : 's'} ${[...selection.neurons].sort((a, b) => a - b).join(', ')}`;
  }
}
