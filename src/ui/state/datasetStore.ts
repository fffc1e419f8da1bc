/** The shipped datasets (from the worker, once at start-up). */
import { create } from 'zustand';
import type { ManifestSet } from '../../engine/datasets/manifest';
import { engine } from '../worker/engine';

interface DatasetState {
  sets: ManifestSet[];
  error: string | null;
  loaded: boolean;
  load(): Promise<void>;
}

export const useDatasetStore = create<DatasetState>((set) => ({
  sets: [],
  error: null,
  loaded: false,
  load: async () => {
    const result = await engine().api.listDatasets();
    if (result.ok) set({ sets: result.value.sets, loaded: true, error: null });
    else set({ loaded: true, error: `${result.error.message} ${result.error.hint}` });
  },
}));
