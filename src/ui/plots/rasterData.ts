/** Spike rasters as data: spike coordinates per layer, rates, and CSV rows. */
import type { LayerRecord, SimulationRecord } from '../../engine/train/types';

export function spikingLayers(record: SimulationRecord): LayerRecord[] {
  return record.layers.filter((l) => l.spikes && l.spikes.length > 0);
}

export function spikeCount(layer: LayerRecord): number {
  let count = 0;
  for (const s of layer.spikes ?? []) count += s;
  return count;
}

/** Mean spikes per neuron per step. */
export function firingRate(layer: LayerRecord, T: number): number {
  return layer.size > 0 && T > 0 ? spikeCount(layer) / (layer.size * T) : 0;
}

/** One row per spike: layer, neuron, t. */
export function rasterCsvRows(record: SimulationRecord): Array<Record<string, number | string>> {
  const rows: Array<Record<string, number | string>> = [];
  for (const layer of spikingLayers(record)) {
    const spikes = layer.spikes!;
    for (let t = 0; t < record.T; t++) {
      for (let n = 0; n < layer.size; n++) if (spikes[t * layer.size + n]) rows.push({ layer: layer.name, neuron: n, t });
    }
  }
  return rows;
}

/** The cell under a point of a raster drawn over width × height. */
export function cellAt(x: number, y: number, width: number, height: number, T: number, size: number): { t: number; neuron: number } {
  const t = Math.min(T - 1, Math.max(0, Math.floor((x / width) * T)));
  const neuron = Math.min(size - 1, Math.max(0, Math.floor((y / height) * size)));
  return { t, neuron };
}
