import { describe, expect, it } from 'vitest';
import { lifClassifier } from '../../engine/graph/templates';
import { probeOf, toggledPicks, useProbeStore } from './probes';
import { restoreWorkspace } from './workspace';

describe('probe store', () => {
  it('keeps only probes that differ from recording everything', () => {
    const store = useProbeStore.getState();
    store.clear();
    store.patchProbe('lif1', { neurons: { kind: 'first', count: 8 } });
    expect(Object.keys(useProbeStore.getState().probes)).toEqual(['lif1']);
    store.patchProbe('lif1', { neurons: { kind: 'all' } });
    expect(Object.keys(useProbeStore.getState().probes)).toEqual([]);
    expect(probeOf(useProbeStore.getState().probes, 'constructor').enabled).toBe(true);
  });

  it('picks and unpicks clicked neurons', () => {
    expect(toggledPicks({ kind: 'first', count: 3 }, 5)).toEqual({ kind: 'picked', neurons: [5] });
    expect(toggledPicks({ kind: 'picked', neurons: [5] }, 2)).toEqual({ kind: 'picked', neurons: [2, 5] });
    expect(toggledPicks({ kind: 'picked', neurons: [2, 5] }, 5)).toEqual({ kind: 'picked', neurons: [2] });
    useProbeStore.getState().clear();
    useProbeStore.getState().togglePicked('lif1', 4);
    expect(useProbeStore.getState().probes.lif1.neurons).toEqual({ kind: 'picked', neurons: [4] });
  });

  it('are part of the saved workspace', () => {
    const graph = lifClassifier({ inputs: 4, hidden: 3, classes: 2 });
    const probes = { lif1: { enabled: true, neurons: { kind: 'range', from: 0, to: 1 }, spikes: true, membrane: false } };
    expect(restoreWorkspace({ version: 1, graph, probes })?.probes).toEqual(probes);
    expect(restoreWorkspace({ version: 1, graph })?.probes).toEqual({});
  });
});
