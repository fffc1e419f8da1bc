/**
 * The probes the person set (../../engine/train/probes.ts): what recorded samples keep of each
 * population. Saved with the workspace (./workspace.ts), sent to the worker whenever they change
 * (./probeSync.ts), cleared when another graph is opened. `recordedWith` is what the probes were
 * when the shown sample arrived, so the plots can say when a change has not been recorded yet.
 */
import { create } from 'zustand';
import { DEFAULT_PROBE, isDefaultProbe, type NeuronSelection, type Probe, type Probes } from '../../engine/train/probes';
import { emptyRecord, hasKey, recordOf } from '../../engine/core/records';

interface ProbeState {
  probes: Probes;
  /** The probes in force when the latest sample arrived (null: no sample yet). */
  recordedWith: Probes | null;
  /** Sets (or, with the default probe, removes) the probe of one population. */
  setProbe(name: string, probe: Probe): void;
  /** Changes part of a population's probe (starting from the default one). */
  patchProbe(name: string, patch: Partial<Probe>): void;
  /** Adds a neuron to the population's picked neurons (switching its selection to picked), or removes it if it was there. */
  togglePicked(name: string, neuron: number): void;
  replace(probes: Probes): void;
  clear(): void;
  noteRecorded(): void;
}

export function probeOf(probes: Probes, name: string): Probe {
  return hasKey(probes, name) ? probes[name] : DEFAULT_PROBE;
}

function withProbe(probes: Probes, name: string, probe: Probe): Probes {
  const next = recordOf(Object.entries(probes).filter(([key]) => key !== name));
  if (!isDefaultProbe(probe)) next[name] = probe;
  return next;
}

/** The picked list after clicking `neuron`: added (kept sorted) or, if it was picked, removed. */
export function toggledPicks(selection: NeuronSelection, neuron: number): NeuronSelection {
  const picked = selection.kind === 'picked' ? selection.neurons : [];
  const next = picked.includes(neuron) ? picked.filter((n) => n !== neuron) : [...picked, neuron].sort((a, b) => a - b);
  return { kind: 'picked', neurons: next };
}

export const useProbeStore = create<ProbeState>((set, get) => ({
  probes: emptyRecord<Probe>(),
  recordedWith: null,
  setProbe: (name, probe) => set({ probes: withProbe(get().probes, name, probe) }),
  patchProbe: (name, patch) => get().setProbe(name, { ...probeOf(get().probes, name), ...patch }),
  togglePicked: (name, neuron) => {
    const probe = probeOf(get().probes, name);
    get().setProbe(name, { ...probe, enabled: true, neurons: toggledPicks(probe.neurons, neuron) });
  },
  replace: (probes) => set({ probes: recordOf(Object.entries(probes)) }),
  clear: () => set({ probes: emptyRecord<Probe>(), recordedWith: null }),
  noteRecorded: () => set({ recordedWith: get().probes }),
}));
