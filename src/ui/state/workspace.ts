/**
 * The workspace (graph, positions, title, run settings, probes) survives a reload: saved to IndexedDB a
 * moment after each change, restored at start-up through `restoreWorkspace`, which accepts only
 * what it recognises and fills defaults for the rest (excalidraw's restore()).
 */
import type { NirGraph } from '../../engine/graph/types';
import { restoreProbes, type Probes } from '../../engine/train/probes';
import type { Positions } from '../../engine/graph/ops';
import { readStored, writeStored } from './labDb';
import { DEFAULT_SETTINGS, type RunSettings } from './runStore';

export const WORKSPACE_VERSION = 1;

export interface Workspace {
  version: typeof WORKSPACE_VERSION;
  graph: NirGraph;
  positions: Positions;
  title: string | null;
  settings: RunSettings;
  /** What recorded samples keep (../../engine/train/probes.ts); absent in workspaces saved before probes. */
  probes?: Probes;
}

export const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** A stored NIR graph's outline: type, nodes and edges (what the editor needs to open it). */
export function isGraphLike(v: unknown): v is NirGraph {
  return isObject(v) && v.type === 'NIRGraph' && isObject(v.nodes) && Array.isArray(v.edges);
}

export function restoreWorkspace(stored: unknown): Workspace | null {
  if (!isObject(stored) || stored.version !== WORKSPACE_VERSION) return null;
  const graph = stored.graph;
  if (!isGraphLike(graph)) return null;
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
  return { version: WORKSPACE_VERSION, graph, positions, title: typeof stored.title === 'string' ? stored.title : null, settings, probes: restoreProbes(stored.probes) };
}

const KEY = 'current';

export async function loadWorkspace(): Promise<Workspace | null> {
  return restoreWorkspace(await readStored(KEY));
}

export function saveWorkspace(workspace: Workspace): Promise<void> {
  return writeStored(KEY, workspace);
}
