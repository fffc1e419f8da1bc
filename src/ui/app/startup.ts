/**
 * Start-up: the engine, the dataset list, then the workspace (restored from IndexedDB, or the
 * small digits template so there is something to train at once) with the offer to resume a run
 * a reload interrupted, then `?url=` if given. A dead engine is replaced and the run recovered.
 */
import { TEMPLATES } from '../../engine/graph/templates';
import { positionsFor } from '../editor/graphCommands';
import { openNirUrl } from '../files/openNir';
import { startAutosave } from '../state/autosave';
import { useDatasetStore } from '../state/datasetStore';
import { useGraphStore } from '../state/graphStore';
import { useProbeStore } from '../state/probes';
import { startProbeSync } from '../state/probeSync';
import { useRunStore } from '../state/runStore';
import { useUiStore } from '../state/uiStore';
import { loadWorkspace } from '../state/workspace';
import { recoverFromLostEngine } from '../run/engineRecovery';
import { useResumeStore } from '../state/resumeStore';
import { loadCheckpoint } from '../state/trainingCheckpoint';
import { onEngineReplaced, startEngine } from '../worker/engine';
import { parseLabQuery } from './labQuery';
import { installTestHooks } from './testHooks';

export const FIRST_TEMPLATE = 'digits-lif';

let started = false;

export async function startLab(search: string): Promise<void> {
  if (started) return;
  started = true;
  const query = parseLabQuery(search);
  if (query.testHooks) installTestHooks();
  onEngineReplaced(recoverFromLostEngine);
  void startEngine(query.backend);
  void useDatasetStore.getState().load();
  const restored = await loadWorkspace().catch(() => null);
  if (restored) {
    useGraphStore.getState().initialise(restored.graph, await positionsFor(restored.graph, restored.positions), restored.title);
    useRunStore.getState().replace(restored.settings);
    useProbeStore.getState().replace(restored.probes ?? {});
  } else {
    const template = TEMPLATES.find((t) => t.id === FIRST_TEMPLATE)!;
    const graph = template.build();
    useGraphStore.getState().initialise(graph, await positionsFor(graph), template.id);
  }
  startProbeSync(); // after the restored graph: a graph opened from now on clears the probes
  const interrupted = await loadCheckpoint().catch(() => null);
  if (interrupted) useResumeStore.getState().setOffer(interrupted);
  if (query.url) await openNirUrl(query.url);
  // After the file: opening one clears the notes of the graph before it.
  for (const problem of query.problems) useUiStore.getState().notify('warn', problem.text, problem.hint);
  startAutosave((message) => useUiStore.getState().notify('warn', `Your work is not being saved across reloads: ${message}.`, 'Save NIR to keep a copy.'));
}
