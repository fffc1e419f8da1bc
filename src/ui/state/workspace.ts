/**
 * The workspace (graph, positions, title, run settings) survives a reload: saved to IndexedDB a
 * moment after each change, restored at start-up through `restoreWorkspace`, which accepts only
 * what it recognises and fills defaults for the rest (excalidraw's restore()).
 */
import type { NirGraph } from '../../engine/graph/types';
import type { Positions } from './graphEdits';
import { DEFAULT_SETTINGS, type RunSettings } from './runStore';

export const WORKSPACE_VERSION = 1;

export interface Workspace {
  version: typeof WORKSPACE_VERSION;
  graph: NirGraph;
  positions: Positions;
  title: string | null;
  settings: RunSettings;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export function restoreWorkspace(stored: unknown): Workspace | null {
  if (!isObject(stored) || stored.version !== WORKSPACE_VERSION) return null;
  const graph = stored.graph;
  if (!isObject(graph) || graph.type !== 'NIRGraph' || !isObject(graph.nodes) || !Array.isArray(graph.edges)) return null;
  const positions: Positions = {};
  if (isObject(stored.positions)) {
    for (const [name, xy] of Object.entries(stored.positions)) {
      if (Array.isArray(xy) && xy.length === 2 && xy.every((v) => typeof v === 'number' && Number.isFinite(v))) positions[name] = [xy[0], xy[1]];
    }
  }
  const settings: RunSettings = { ...DEFAULT_SETTINGS };
  if (isObject(stored.settings)) {
    for (const key of Object.keys(DEFAULT_SETTINGS) as Array<keyof RunSettings>) {
      const value = stored.settings[key];
      const expected = typeof DEFAULT_SETTINGS[key];
      if (typeof value === expected || (key === 'dataset' && (value === null || typeof value === 'string'))) (settings as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return { version: WORKSPACE_VERSION, graph: graph as unknown as NirGraph, positions, title: typeof stored.title === 'string' ? stored.title : null, settings };
}

const DB = 'spikelab';
const STORE = 'workspace';
const KEY = 'current';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB unavailable'));
  });
}

export async function loadWorkspace(): Promise<Workspace | null> {
  const db = await openDb();
  try {
    const stored = await new Promise<unknown>((resolve, reject) => {
      const request = db.transaction(STORE, 'readonly').objectStore(STORE).get(KEY);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('read failed'));
    });
    return restoreWorkspace(stored);
  } finally {
    db.close();
  }
}

export async function saveWorkspace(workspace: Workspace): Promise<void> {
  const db = await openDb();
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(workspace, KEY);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('write failed'));
    });
  } finally {
    db.close();
  }
}
