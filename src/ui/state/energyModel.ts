/** The per-operation energies the counts use (editable; kept in localStorage). Defaults: Horowitz 2014, 45 nm. */
import { create } from 'zustand';
import { HOROWITZ_45NM, type EnergyModel } from '../../engine/analysis/hardwareCounts';

const KEY = 'spikelab.energy';

function stored(): EnergyModel {
  try {
    const parsed = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? 'null') as Partial<EnergyModel> | null;
    const ok = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
    return { acPj: ok(parsed?.acPj) ? parsed.acPj : HOROWITZ_45NM.acPj, macPj: ok(parsed?.macPj) ? parsed.macPj : HOROWITZ_45NM.macPj };
  } catch {
    return { ...HOROWITZ_45NM };
  }
}

interface EnergyState {
  model: EnergyModel;
  set(model: Partial<EnergyModel>): void;
  reset(): void;
}

function keep(model: EnergyModel): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(model));
  } catch {
    // Storage refused: the energies last for this page only.
  }
}

export const useEnergyModel = create<EnergyState>((set, get) => ({
  model: stored(),
  set: (change) => {
    const model = { ...get().model, ...change };
    keep(model);
    set({ model });
  },
  reset: () => {
    keep(HOROWITZ_45NM);
    set({ model: { ...HOROWITZ_45NM } });
  },
}));
