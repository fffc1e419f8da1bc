import { describe, expect, it } from 'vitest';
import type { SimulationRecord } from '../../engine/train/types';
import { cellAt, firingRate, rasterCsvRows, spikingLayers } from './rasterData';

const record: SimulationRecord = {
  T: 2, label: 0, prediction: 0, input: new Float32Array(2), inputShape: [1],
  layers: [
    { name: 'lif1', type: 'LIF', output: 'spikes', size: 3, threshold: 1, spikes: Uint8Array.from([1, 0, 0, 0, 1, 1]) },
    { name: 'readout', type: 'LI', output: 'membrane', size: 2, threshold: 0, membrane: new Float32Array(4) },
  ],
};

describe('raster data', () => {
  it('lists spiking layers and their rate', () => {
    expect(spikingLayers(record).map((l) => l.name)).toEqual(['lif1']);
    expect(firingRate(record.layers[0], 2)).toBe(0.5);
  });

  it('writes one CSV row per spike, time-major', () => {
    expect(rasterCsvRows(record)).toEqual([
      { layer: 'lif1', neuron: 0, t: 0 }, { layer: 'lif1', neuron: 1, t: 1 }, { layer: 'lif1', neuron: 2, t: 1 },
    ]);
  });

  it('maps a point to its cell, clamped', () => {
    expect(cellAt(99, 0, 100, 30, 10, 3)).toEqual({ t: 9, neuron: 0 });
    expect(cellAt(50, 29, 100, 30, 10, 3)).toEqual({ t: 5, neuron: 2 });
    expect(cellAt(-5, 40, 100, 30, 10, 3)).toEqual({ t: 0, neuron: 2 });
  });
});

describe('raster data of a probed record', () => {
  const probed: SimulationRecord = {
    T: 2, label: 0, prediction: 0, input: new Float32Array(2), inputShape: [1],
    layers: [{ name: 'lif1', type: 'LIF', output: 'spikes', size: 10, threshold: 1, neurons: Uint32Array.from([3, 8]), spikes: Uint8Array.from([1, 0, 0, 1]), spikeTotal: 5 }],
  };

  it('names rows by their neuron and rates the whole population from its total', () => {
    expect(rasterCsvRows(probed)).toEqual([{ layer: 'lif1', neuron: 3, t: 0 }, { layer: 'lif1', neuron: 8, t: 1 }]);
    expect(firingRate(probed.layers[0], 2)).toBe(0.25);
  });
});
