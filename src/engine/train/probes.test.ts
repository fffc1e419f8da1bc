import { describe, expect, it } from 'vitest';
import { columnOf, describeSelection, neuronAt, planFor, recordedCount, restoreProbes, selectNeurons, type Probe } from './probes';

const list = (v: Uint32Array | null) => (v ? Array.from(v) : null);

describe('neuron selection rules', () => {
  it('all, and the first k (clamped to the population)', () => {
    expect(selectNeurons({ kind: 'all' }, 5)).toBeNull();
    expect(list(selectNeurons({ kind: 'first', count: 3 }, 5))).toEqual([0, 1, 2]);
    expect(selectNeurons({ kind: 'first', count: 9 }, 5)).toBeNull(); // all of them
    expect(list(selectNeurons({ kind: 'first', count: 0 }, 5))).toEqual([]);
  });

  it('k at random: distinct, ascending, inside the population, the same for the same seed', () => {
    const a = list(selectNeurons({ kind: 'random', count: 6, seed: 7 }, 50))!;
    expect(a).toHaveLength(6);
    expect(new Set(a).size).toBe(6);
    expect([...a].sort((x, y) => x - y)).toEqual(a);
    expect(a.every((n) => n >= 0 && n < 50)).toBe(true);
    expect(list(selectNeurons({ kind: 'random', count: 6, seed: 7 }, 50))).toEqual(a);
    expect(list(selectNeurons({ kind: 'random', count: 6, seed: 8 }, 50))).not.toEqual(a);
    expect(selectNeurons({ kind: 'random', count: 50, seed: 1 }, 50)).toBeNull();
  });

  it('a range, both ends included, in either order, cut to the population', () => {
    expect(list(selectNeurons({ kind: 'range', from: 2, to: 4 }, 10))).toEqual([2, 3, 4]);
    expect(list(selectNeurons({ kind: 'range', from: 4, to: 2 }, 10))).toEqual([2, 3, 4]);
    expect(list(selectNeurons({ kind: 'range', from: 8, to: 20 }, 10))).toEqual([8, 9]);
    expect(list(selectNeurons({ kind: 'range', from: 12, to: 20 }, 10))).toEqual([]);
    expect(selectNeurons({ kind: 'range', from: 0, to: 9 }, 10)).toBeNull();
  });

  it('picked neurons: sorted, distinct, those outside the population dropped', () => {
    expect(list(selectNeurons({ kind: 'picked', neurons: [7, 2, 7, 30] }, 10))).toEqual([2, 7]);
  });
});

describe('record plans', () => {
  const probe = (p: Partial<Probe>): Probe => ({ enabled: true, neurons: { kind: 'all' }, spikes: true, membrane: true, ...p });

  it('records everything without a probe, names of Object.prototype included', () => {
    expect(planFor(undefined, 'lif1', 4)).toEqual({ spikes: true, membrane: true, neurons: null });
    expect(planFor({}, 'toString', 4)).toEqual({ spikes: true, membrane: true, neurons: null });
  });

  it('honours the population switch, spikes / membrane and the neurons', () => {
    expect(planFor({ a: probe({ enabled: false }) }, 'a', 4)).toMatchObject({ spikes: false, membrane: false });
    expect(planFor({ a: probe({ membrane: false }) }, 'a', 4)).toMatchObject({ spikes: true, membrane: false });
    expect(list(planFor({ a: probe({ neurons: { kind: 'first', count: 2 } }) }, 'a', 4).neurons)).toEqual([0, 1]);
    expect(planFor({ a: probe({ neurons: { kind: 'range', from: 9, to: 12 } }) }, 'a', 4)).toMatchObject({ spikes: false, membrane: false });
  });

  it('maps record columns to neurons and back', () => {
    const layer = { size: 10, neurons: Uint32Array.from([1, 4, 8]) };
    expect(recordedCount(layer)).toBe(3);
    expect(neuronAt(layer, 2)).toBe(8);
    expect(columnOf(layer, 4)).toBe(1);
    expect(columnOf(layer, 5)).toBe(-1);
    expect(columnOf({ size: 10 }, 5)).toBe(5);
    expect(columnOf({ size: 10 }, 10)).toBe(-1);
  });
});

describe('restoring probes', () => {
  it('keeps valid probes and drops the rest', () => {
    const restored = restoreProbes({
      lif1: { enabled: true, neurons: { kind: 'first', count: 8 }, spikes: true, membrane: false },
      bad: { enabled: true, neurons: { kind: 'first', count: -1 }, spikes: true, membrane: true },
      worse: 'x',
      __proto__: { enabled: true, neurons: { kind: 'all' }, spikes: true, membrane: true },
    });
    expect(Object.keys(restored)).toEqual(['lif1']);
    expect(restored.lif1.neurons).toEqual({ kind: 'first', count: 8 });
    expect(restoreProbes(null)).toEqual({});
  });

  it('says a selection in words', () => {
    expect(describeSelection({ kind: 'first', count: 8 })).toBe('first 8');
    expect(describeSelection({ kind: 'range', from: 9, to: 3 })).toBe('neurons 3–9');
    expect(describeSelection({ kind: 'picked', neurons: [5, 2] })).toBe('neurons 2, 5');
  });
});
