/**
 * Datasets from the web as the page sees them: what this browser's cache holds (from the worker,
 * with navigator.storage.estimate()), the fetch in progress (its latest progress: bytes, rate,
 * ETA), and the last fetch that failed (code, message, hint). A fetched set joins the shipped
 * sets in the picker (the worker lists the cache with them: ../../workers/remoteDatasets.ts), so
 * after a fetch or a clear the picker's list is read again, and a cleared set stops being chosen.
 */
import * as Comlink from 'comlink';
import { create } from 'zustand';
import type { CacheListing, CachedSet, FetchProgress } from '../../workers/api';
import { engine } from '../worker/engine';
import { useDatasetStore } from './datasetStore';
import { useRunStore } from './runStore';

export interface WebFetch {
  /** "SHD — Spiking Heidelberg Digits", or the address. */
  label: string;
  progress: FetchProgress | null;
}

export interface WebProblem {
  /** What failed, in one sentence ("SHD … could not be fetched."). */
  headline: string;
  code: string;
  message: string;
  hint: string;
}

interface WebDatasetState {
  listing: CacheListing | null;
  loaded: boolean;
  fetching: WebFetch | null;
  error: WebProblem | null;
  /** The set the last fetch brought. */
  lastFetched: CachedSet | null;
  load(): Promise<void>;
  /** Fetches a catalogue id or an address; resolves with the set, or null (then `error` says why). */
  fetch(source: string, label: string): Promise<CachedSet | null>;
  cancel(): Promise<void>;
  /** Forgets one cached set, or all of them. */
  clear(id?: string): Promise<void>;
  dismiss(): void;
}

const stopped = (headline: string, error: unknown): WebProblem => ({
  headline, code: 'WORKER_FAILED', message: `The engine stopped (${error instanceof Error ? error.message : String(error)}).`, hint: 'Try again.',
});

/** The headline of a failed fetch; a cancelled one says that nothing was kept. */
const fetchHeadline = (label: string, code: string) => (code === 'DATA_ABORTED' ? `Stopped fetching ${label}; nothing of it was kept.` : `${label} could not be fetched.`);
const LIST_HEADLINE = 'The cache of web datasets cannot be read.';

export const useWebDatasets = create<WebDatasetState>((set, get) => ({
  listing: null,
  loaded: false,
  fetching: null,
  error: null,
  lastFetched: null,
  load: async () => {
    const result = await engine().api.listWebCache().catch((error: unknown) => ({ ok: false as const, error: stopped(LIST_HEADLINE, error) }));
    if (result.ok) set({ listing: result.value, loaded: true });
    else set({ loaded: true, error: { headline: LIST_HEADLINE, ...result.error } });
  },
  fetch: async (source, label) => {
    set({ fetching: { label, progress: null }, error: null, lastFetched: null });
    try {
      const onProgress = (progress: FetchProgress) => {
        if (get().fetching) set({ fetching: { label, progress } });
      };
      const result = await engine().api.fetchWebDataset({ source }, Comlink.proxy(onProgress));
      if (!result.ok) {
        set({ error: { headline: fetchHeadline(label, result.error.code), ...result.error } });
        return null;
      }
      await useDatasetStore.getState().load();
      set({ lastFetched: result.value });
      return result.value;
    } catch (error) {
      set({ error: stopped(fetchHeadline(label, 'WORKER_FAILED'), error) });
      return null;
    } finally {
      set({ fetching: null });
      await get().load();
    }
  },
  cancel: async () => {
    await engine().api.cancelWebFetch();
  },
  clear: async (id) => {
    const result = await engine().api.clearWebCache(id);
    if (!result.ok) set({ error: { headline: `${id ?? 'The cache of web datasets'} could not be removed.`, ...result.error } });
    const { settings, update } = useRunStore.getState();
    if (settings.dataset && (id === undefined ? get().listing?.sets.some((s) => s.id === settings.dataset) : settings.dataset === id)) update({ dataset: null });
    set({ lastFetched: null });
    await Promise.all([get().load(), useDatasetStore.getState().load()]);
  },
  dismiss: () => set({ error: null, lastFetched: null }),
}));
