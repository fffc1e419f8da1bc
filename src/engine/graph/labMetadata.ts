/**
 * What the lab keeps in NIR `metadata` (nir.md §4.5: non-essential for other tools, preserved by
 * ours). Everything sits under the key `spikelab`, so a file from another tool is never misread:
 *
 *  graph.metadata.spikelab = { version, dt, time_unit, positions: { node: [x, y] }, training: {...} }
 *  node.metadata.spikelab  = { spike_from: 'pre'|'post', reset: 'to_reset'|'subtract',
 *                              integration: 'euler'|'exact', model?: 'ALIF', gamma?: NdArray,
 *                              learn_decay?: boolean }
 */
import type { Metadata, MetaValue, NdArray, NirNode } from './types';

/**
 * When a neuron fires relative to its membrane update:
 *  - 'post' (NIR reference, Norse, snnTorch): v_t = update(v_{t−1}, x_t); z_t = H(v_t − θ); reset.
 *  - 'pre'  (Spyx): z_t = H(v_{t−1} − θ); v_t = update(v_{t−1}, x_t) − reset(z_t). One step of delay per layer.
 */
export type SpikeFrom = 'pre' | 'post';
/** 'to_reset': v ← v_reset on spike (NIR ≥ 1.0.6). 'subtract': v ← v − v_threshold (Spyx, snnTorch default). */
export type ResetMode = 'to_reset' | 'subtract';
/** 'euler': β = 1 − dt/τ (what exporters bake in). 'exact': β = exp(−dt/τ), gain (1 − β)·R. */
export type Integration = 'euler' | 'exact';

export interface NeuronOptions {
  spikeFrom: SpikeFrom;
  reset: ResetMode;
  integration: Integration;
  /** 'ALIF' on a LIF node: adaptive threshold (Bellec 2018, Spyx ALIF) with per-neuron `gamma`. */
  model?: 'ALIF';
  gamma?: NdArray;
  /** Train the decay per neuron (Spyx: β clipped to [0, 1]); written back as τ = dt/(1 − β). */
  learnDecay?: boolean;
}

/** NIR's own reading: spike after the update, reset to v_reset, forward Euler. */
export const NIR_DEFAULT_OPTIONS: NeuronOptions = { spikeFrom: 'post', reset: 'to_reset', integration: 'euler' };

function labGroup(metadata: Metadata | undefined): Metadata | undefined {
  const group = metadata?.spikelab;
  return group !== undefined && typeof group === 'object' && !Array.isArray(group) && !('data' in group) ? (group as Metadata) : undefined;
}

function isNdArray(value: MetaValue | undefined): value is NdArray {
  return value !== undefined && typeof value === 'object' && !Array.isArray(value) && 'data' in value && 'shape' in value;
}

export function neuronOptions(node: NirNode): NeuronOptions {
  const group = labGroup(node.metadata);
  const options: NeuronOptions = { ...NIR_DEFAULT_OPTIONS };
  if (!group) return options;
  if (group.spike_from === 'pre' || group.spike_from === 'post') options.spikeFrom = group.spike_from;
  if (group.reset === 'to_reset' || group.reset === 'subtract') options.reset = group.reset;
  if (group.integration === 'euler' || group.integration === 'exact') options.integration = group.integration;
  if (group.model === 'ALIF') options.model = 'ALIF';
  if (isNdArray(group.gamma)) options.gamma = group.gamma;
  if (group.learn_decay === true) options.learnDecay = true;
  return options;
}

/** Returns a copy of `node` whose metadata carries `options` (other metadata is kept). */
export function withNeuronOptions<N extends NirNode>(node: N, options: Partial<NeuronOptions>): N {
  const current = { ...neuronOptions(node), ...options };
  const group: Metadata = { ...(labGroup(node.metadata) ?? {}) };
  group.spike_from = current.spikeFrom;
  group.reset = current.reset;
  group.integration = current.integration;
  if (current.model) group.model = current.model; else delete group.model;
  if (current.gamma) group.gamma = current.gamma; else delete group.gamma;
  if (current.learnDecay) group.learn_decay = true; else delete group.learn_decay;
  return { ...node, metadata: { ...(node.metadata ?? {}), spikelab: group } };
}

export interface GraphLabInfo {
  dt?: number;
  timeUnit?: string;
  positions: Record<string, [number, number]>;
  training?: Metadata;
}

export function graphLabInfo(metadata: Metadata | undefined): GraphLabInfo {
  const group = labGroup(metadata);
  const info: GraphLabInfo = { positions: {} };
  if (!group) return info;
  if (typeof group.dt === 'number' && group.dt > 0) info.dt = group.dt;
  if (typeof group.time_unit === 'string') info.timeUnit = group.time_unit;
  const positions = group.positions;
  if (positions && typeof positions === 'object' && !Array.isArray(positions) && !isNdArray(positions)) {
    for (const [name, xy] of Object.entries(positions)) {
      if (Array.isArray(xy) && xy.length === 2 && typeof xy[0] === 'number' && typeof xy[1] === 'number') info.positions[name] = [xy[0], xy[1]];
      else if (isNdArray(xy) && xy.data.length === 2) info.positions[name] = [xy.data[0], xy.data[1]];
    }
  }
  const training = group.training;
  if (training && typeof training === 'object' && !Array.isArray(training) && !isNdArray(training)) info.training = training;
  return info;
}

export function withGraphLabInfo(metadata: Metadata | undefined, info: GraphLabInfo): Metadata {
  const group: Metadata = { ...(labGroup(metadata) ?? {}) };
  if (info.dt !== undefined) group.dt = info.dt;
  if (info.timeUnit !== undefined) group.time_unit = info.timeUnit;
  const positions: Metadata = {};
  for (const [name, xy] of Object.entries(info.positions)) positions[name] = [...xy];
  if (Object.keys(positions).length > 0) group.positions = positions;
  if (info.training) group.training = info.training;
  return { ...(metadata ?? {}), spikelab: group };
}
