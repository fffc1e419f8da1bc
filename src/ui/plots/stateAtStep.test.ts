import { describe, expect, it } from 'vitest';
import type { LayerRecord, SimulationRecord } from '../../engine/train/types';
import { inputStateAt, layerStateAt, spikesPerStep } from './stateAtStep';

// 4 neurons over 3 steps, time-major.
const lif: LayerRecord = {
  name: 'lif', type: 'LIF', output: 'spikes', size: 4, threshold: 1,
  spikes: Uint8Array.from([0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1]),
  membrane: Float32Array.from([0, 0.2, 0.4, -0.6, 1.1, 0.3, 1.3, 0.1, 0, 0, 0, 1.5]),
};

describe('a population at the time cursor', () => {
  it('counts the spikes of the step and averages the membranes', () => {
    const s = layerStateAt(lif, 3, 1)!;
    expect(s.spikes).toBe(2);
    expect(s.recorded).toBe(4);
    expect(s.meanMembrane).toBeCloseTo((1.1 + 0.3 + 1.3 + 0.1) / 4, 6);
    expect(s.threshold).toBe(1);
    expect(s.scale).toBeCloseTo(1.5, 6);
    expect(s.cells.map((c) => c.spiked)).toEqual([true, false, true, false]);
  });

  it('groups neurons into at most maxCells cells', () => {
    const s = layerStateAt(lif, 3, 1, 2)!;
    expect(s.cells).toHaveLength(2);
    expect(s.cells[0].v).toBeCloseTo(0.7, 6);
    expect(s.cells[0].spiked).toBe(true);
  });

  it('is null outside the sample or for a layer recorded without spikes or membrane', () => {
    expect(layerStateAt(lif, 3, 3)).toBeNull();
    expect(layerStateAt({ ...lif, spikes: undefined, membrane: undefined }, 3, 0)).toBeNull();
    expect(layerStateAt({ ...lif, membrane: undefined }, 3, 2)!.meanMembrane).toBeNull();
  });

  it('reads the probed neurons of a record that kept some', () => {
    const probed: LayerRecord = { ...lif, size: 10, neurons: Uint32Array.from([2, 5, 7, 9]) };
    expect(layerStateAt(probed, 3, 2)!.recorded).toBe(4);
  });
});

describe('input and activity at the time cursor', () => {
  const record: SimulationRecord = { T: 3, label: 0, prediction: 0, input: Float32Array.from([1, 0, 1, 1, 0, 0]), inputShape: [2], layers: [lif] };

  it('counts the active features of the step', () => {
    expect(inputStateAt(record, 1)!.spikes).toBe(2);
    expect(inputStateAt(record, 2)!.spikes).toBe(0);
  });

  it('sums spikes per step over the recorded layers', () => {
    expect(Array.from(spikesPerStep(record))).toEqual([0, 2, 1]);
  });
});
