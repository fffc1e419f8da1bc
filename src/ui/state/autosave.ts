/** Saves the workspace a moment after the graph, the run settings or the probes change. */
import { useGraphStore } from './graphStore';
import { useProbeStore } from './probes';
import { useRunStore } from './runStore';
import { saveWorkspace, WORKSPACE_VERSION } from './workspace';

const DELAY_MS = 600;

export function startAutosave(onError: (message: string) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let warned = false;
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      const { graph, positions, title } = useGraphStore.getState();
      saveWorkspace({ version: WORKSPACE_VERSION, graph, positions, title, settings: useRunStore.getState().settings, probes: useProbeStore.getState().probes }).catch((error: unknown) => {
        if (!warned) onError(error instanceof Error ? error.message : String(error));
        warned = true;
      });
    }, DELAY_MS);
  };
  const unsubscribeGraph = useGraphStore.subscribe((s, prev) => {
    if (s.graph !== prev.graph || s.positions !== prev.positions) schedule();
  });
  const unsubscribeRun = useRunStore.subscribe(schedule);
  const unsubscribeProbes = useProbeStore.subscribe((s, prev) => {
    if (s.probes !== prev.probes) schedule();
  });
  return () => {
    unsubscribeGraph();
    unsubscribeRun();
    unsubscribeProbes();
    if (timer) clearTimeout(timer);
  };
}
