/**
 * Spike rasters as data: spike coordinates per layer, rates, and CSV rows. A record made under a
 * probe holds some neurons only (`LayerRecord.neurons`): rows are the recorded neurons, named by
 * their index in the population.
 */
import { neuronAt, recordedCount } from '../../engine/train/probes';
import type { LayerRecord, SimulationRecord } from '../../engine/train/types';

export function spikingLayers(record: SimulationRecord): LayerRecord[] {
  return record.layers.filter((l) => l.spikes && l.spikes.length > 0);
}

/** Layers whose firing rate is known: their spikes were recorded, or at least their total. */
export function ratedLayers(record: SimulationRecord): LayerRecord[] {
  return record.layers.filter((l) => l.output === 'spikes' && ((l.spikes && l.spikes.length > 0) || l.spikeTotal !== undefined));
}

export function spikeCount(layer: LayerRecord): number {
  let count = 0;
  for (const s of layer.spikes ?? []) count += s;
  return count;
}

/** Mean spikes per neuron per step: of the whole population when its total is known, else of the recorded neurons. */
export function firingRate(layer: LayerRecord, T: number): number {
  if (layer.spikeTotal !== undefined) return layer.size > 0 && T > 0 ? layer.spikeTotal / (layer.size * T) : 0;
  const n = recordedCount(layer);
  return n > 0 && T > 0 ? spikeCount(layer) / (n * T) : 0;
}

/** One row per spike: layer, neuron (its index in the population), t. */
export function rasterCsvRows(record: SimulationRecord): Array<Record<string, number | string>> {
  const rows: Array<Record<string, number | string>> = [];
  for (const layer of spikingLayers(record)) {
    const spikes = layer.spikes!;
    const n = recordedCount(layer);
    for (let t = 0; t < record.T; t++) {
      for (let c = 0; c < n; c++) if (spikes[t * n + c]) rows.push({ layer: layer.name, neuron: neuronAt(layer, c), t });
    }
  }
  return rows;
}

/** The cell under a point of a raster drawn over width × height: step and row (the row-th recorded neuron). */
export function cellAt(x: number, y: number, width: number, height: number, T: number, rows: number): { t: number; neuron: number } {
  const t = Math.min(T - 1, Math.max(0, Math.floor((x / width) * T)));
  const neuron = Math.min(rows - 1, Math.max(0, Math.floor((y / height) * rows)));
  return { t, neuron };
}
