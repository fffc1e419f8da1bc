import { describe, expect, it } from 'vitest';
import type { SimulationRecord } from '../../engine/train/types';
import { spikeTotal, traceOf, valueRange } from './membraneTrace';

const record: SimulationRecord = {
  T: 3, label: 0, prediction: 0, input: new Float32Array(3), inputShape: [1],
  layers: [
    // 2 neurons over 3 steps, time-major.
    { name: 'lif', type: 'LIF', output: 'spikes', size: 2, threshold: 1, membrane: Float32Array.from([0.1, 0.2, 0.5, 0.4, 0, 1.2]), spikes: Uint8Array.from([0, 0, 0, 0, 1, 1]) },
    { name: 'readout', type: 'LI', output: 'membrane', size: 1, threshold: 0, membrane: Float32Array.from([-2, -1, 3]) },
  ],
};

describe('membrane trace', () => {
  it('takes one neuron of a layer over time, with its spikes and threshold', () => {
    const trace = traceOf(record, { layer: 'lif', neuron: 1 })!;
    expect(Array.from(trace.v)).toEqual([Math.fround(0.2), Math.fround(0.4), Math.fround(1.2)]);
    expect(Array.from(trace.z!)).toEqual([0, 0, 1]);
    expect(trace.threshold).toBe(1);
    expect(spikeTotal(trace)).toBe(1);
  });

  it('has no threshold for a membrane-output layer, and nothing for a missing neuron', () => {
    expect(traceOf(record, { layer: 'readout', neuron: 0 })!.threshold).toBeNull();
    expect(traceOf(record, { layer: 'readout', neuron: 4 })).toBeNull();
    expect(traceOf(record, { layer: 'gone', neuron: 0 })).toBeNull();
  });

  it('shows the trace, zero and the threshold', () => {
    const [lo, hi] = valueRange({ v: Float32Array.from([0.2, 0.5]), z: null, threshold: 1 });
    expect(lo).toBeLessThan(0);
    expect(hi).toBeGreaterThan(1);
    const [lo2, hi2] = valueRange(traceOf(record, { layer: 'readout', neuron: 0 })!);
    expect(lo2).toBeLessThan(-2);
    expect(hi2).toBeGreaterThan(3);
    expect(valueRange({ v: new Float32Array(2), z: null, threshold: null })).toEqual([-0.5, 0.5]);
  });
});

describe('membrane trace of a probed record', () => {
  it('reads the neuron from its column, and has nothing for a neuron the probe left out', () => {
    const probed: SimulationRecord = {
      T: 2, label: 0, prediction: 0, input: new Float32Array(2), inputShape: [1],
      layers: [{ name: 'lif', type: 'LIF', output: 'spikes', size: 10, threshold: 1, neurons: Uint32Array.from([4, 6]), membrane: Float32Array.from([0.1, 0.6, 0.2, 0.7]) }],
    };
    expect(Array.from(traceOf(probed, { layer: 'lif', neuron: 6 })!.v)).toEqual([Math.fround(0.6), Math.fround(0.7)]);
    expect(traceOf(probed, { layer: 'lif', neuron: 5 })).toBeNull();
  });
});
