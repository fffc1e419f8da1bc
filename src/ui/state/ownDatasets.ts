/**
 * The person's own datasets (files dropped on the page) as the page sees them: the list (from the
 * worker, which keeps them in IndexedDB), the file being read (with its progress), and the last
 * file that could not be read (what it is, what was expected). `useAllDatasetSets` is the picker's
 * list: the shipped sets, then these.
 */
import * as Comlink from 'comlink';
import { useMemo } from 'react';
import { create } from 'zustand';
import type { ManifestSet } from '../../engine/datasets/manifest';
import type { DroppedFile, ImportProgress, OwnDatasetInfo } from '../../workers/api';
import { engine } from '../worker/engine';
import { useDatasetStore } from './datasetStore';

export interface OwnImport {
  /** "data.npz", "Train/ (60,000 files)". */
  label: string;
  progress: ImportProgress;
}

export interface OwnImportError {
  label: string;
  code: string;
  message: string;
  hint: string;
}

interface OwnDatasetState {
  sets: OwnDatasetInfo[];
  loaded: boolean;
  importing: OwnImport | null;
  error: OwnImportError | null;
  /** The set the last drop added (the Run panel says where it went when it does not fit the graph). */
  lastAdded: string | null;
  load(): Promise<void>;
  /** Reads the files in the worker; resolves with the new set, or null (the error is in `error`). */
  importFiles(files: DroppedFile[], label: string): Promise<OwnDatasetInfo | null>;
  cancel(): Promise<void>;
  forget(id: string): Promise<void>;
  dismissError(): void;
  dismissAdded(): void;
}

export const useOwnDatasets = create<OwnDatasetState>((set, get) => ({
  sets: [],
  loaded: false,
  importing: null,
  error: null,
  lastAdded: null,
  load: async () => {
    const result = await engine().api.listOwnDatasets().catch(() => null);
    set({ sets: result?.ok ? result.value : get().sets, loaded: true });
  },
  importFiles: async (files, label) => {
    set({ importing: { label, progress: { fraction: 0, stage: `Reading ${label}` } }, error: null, lastAdded: null });
    try {
      const onProgress = (progress: ImportProgress) => {
        if (get().importing) set({ importing: { label, progress } });
      };
      const result = await engine().api.importDataset(files, Comlink.proxy(onProgress));
      if (!result.ok) {
        set({ error: { label, ...result.error } });
        return null;
      }
      const added = result.value;
      set({ sets: [...get().sets.filter((s) => s.id !== added.id), added], lastAdded: added.id });
      return added;
    } catch (error) {
      set({ error: { label, code: 'WORKER_FAILED', message: `The engine stopped while reading ${label}: ${error instanceof Error ? error.message : String(error)}.`, hint: 'Drop the file again.' } });
      return null;
    } finally {
      set({ importing: null });
    }
  },
  cancel: async () => {
    await engine().api.cancelImport();
  },
  forget: async (id) => {
    await engine().api.forgetOwnDataset(id);
    set({ sets: get().sets.filter((s) => s.id !== id), lastAdded: get().lastAdded === id ? null : get().lastAdded });
  },
  dismissError: () => set({ error: null }),
  dismissAdded: () => set({ lastAdded: null }),
}));

/** The shipped sets, then the person's own (for the picker, the fit check and the run). */
export function allDatasetSets(): ManifestSet[] {
  return [...useDatasetStore.getState().sets, ...useOwnDatasets.getState().sets];
}

export function useAllDatasetSets(): ManifestSet[] {
  const shipped = useDatasetStore((s) => s.sets);
  const own = useOwnDatasets((s) => s.sets);
  return useMemo(() => (own.length === 0 ? shipped : [...shipped, ...own]), [shipped, own]);
}
