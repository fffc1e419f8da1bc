/**
 * "Save NIR": the current graph (with trained weights, once training has written them back, and
 * node positions in the lab metadata) written by the worker and downloaded as a .nir file.
 */
import { graphLabInfo, withGraphLabInfo } from '../../engine/graph/labMetadata';
import { engine } from '../app/engine';
import { useRunStore } from '../state/runStore';
import { graphWithPositions, useGraphStore } from '../state/graphStore';
import { useUiStore } from '../state/uiStore';
import { download } from '../plots/exportPlot';

export function fileNameFor(title: string | null): string {
  const stem = (title ?? 'network').replace(/\.nir$/i, '').replace(/[^\w.-]+/g, '_') || 'network';
  return `${stem}.nir`;
}

export async function saveNir(): Promise<void> {
  const { graph, positions, title } = useGraphStore.getState();
  const { notify, setBusy } = useUiStore.getState();
  setBusy('Writing .nir…');
  try {
    const withPositions = graphWithPositions(graph, positions);
    const info = graphLabInfo(withPositions.metadata);
    const { dt } = useRunStore.getState().settings;
    const toSave = { ...withPositions, metadata: withGraphLabInfo(withPositions.metadata, { ...info, dt }) };
    const result = await engine().api.saveNir(toSave);
    if (!result.ok) {
      notify('error', `Could not save: ${result.error.message}`, result.error.hint);
      return;
    }
    download(fileNameFor(title), new Blob([result.value as Uint8Array<ArrayBuffer>], { type: 'application/x-hdf5' }));
  } finally {
    setBusy(null);
  }
}
