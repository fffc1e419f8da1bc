/**
 * Keeps the worker's probes those of the page (./probes.ts): sent whenever they change and again
 * to a worker that replaced a dead one; cleared when another graph is opened (a file, a template,
 * New), whose populations are not the ones probed; and noted when a sample arrives.
 */
import { engine, onEngineReplaced } from '../worker/engine';
import { useGraphStore } from './graphStore';
import { useLiveStore } from './liveStore';
import { useProbeStore } from './probes';

export function startProbeSync(): () => void {
  const send = () => void engine().api.setProbes(useProbeStore.getState().probes).catch(() => undefined);
  const stops = [
    useProbeStore.subscribe((s, prev) => {
      if (s.probes !== prev.probes) send();
    }),
    useGraphStore.subscribe((s, prev) => {
      if (s.revision !== prev.revision) useProbeStore.getState().clear();
    }),
    useLiveStore.subscribe((s, prev) => {
      if (s.record && s.record !== prev.record) useProbeStore.getState().noteRecorded();
    }),
    onEngineReplaced(send),
  ];
  if (Object.keys(useProbeStore.getState().probes).length > 0) send();
  return () => stops.forEach((stop) => stop());
}
