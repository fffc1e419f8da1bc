/**
 * "Save NIR": the current graph (with trained weights, once training has written them back, and
 * node positions in the lab metadata) written by the worker and downloaded as a .nir file.
 * "Save for…" (./SaveForDialog.tsx) previews and writes the same graph rewritten for a peer's
 * importer (snnTorch, Norse: ../../engine/nir/targets), downloaded as NAME.<target>.nir.
 */
import { graphLabInfo, withGraphLabInfo } from '../../engine/graph/labMetadata';
import type { ExportTargetId } from '../../engine/nir/targets/types';
import type { ExportPreview, Result } from '../../workers/api';
import { engine } from '../worker/engine';
import { useRunStore } from '../state/runStore';
import { graphWithPositions } from '../../engine/graph/ops';
import { useGraphStore } from '../state/graphStore';
import { useUiStore } from '../state/uiStore';
import { download } from '../plots/exportPlot';

export function fileNameFor(title: string | null, target: ExportTargetId = 'nir'): string {
  const stem = (title ?? 'network').replace(/\.nir$/i, '').replace(/[^\w.-]+/g, '_') || 'network';
  return target === 'nir' ? `${stem}.nir` : `${stem}.${target}.nir`;
}

/** The graph as it is saved: positions and the Run panel's dt in the lab metadata. */
function graphToSave() {
  const { graph, positions } = useGraphStore.getState();
  const withPositions = graphWithPositions(graph, positions);
  const info = graphLabInfo(withPositions.metadata);
  const { dt } = useRunStore.getState().settings;
  return { graph: { ...withPositions, metadata: withGraphLabInfo(withPositions.metadata, { ...info, dt }) }, dt };
}

export function previewSave(target: ExportTargetId): Promise<Result<ExportPreview>> {
  const { graph, dt } = graphToSave();
  return engine().api.previewExport(graph, target, dt);
}

/** Writes and downloads; true when a file was saved. */
export async function saveNir(target: ExportTargetId = 'nir'): Promise<boolean> {
  const { notify, setBusy } = useUiStore.getState();
  setBusy('Writing .nir…');
  try {
    const { graph, dt } = graphToSave();
    const result = await engine().api.saveNir(graph, target, dt);
    if (!result.ok) {
      notify('error', `Could not save: ${result.error.message}`, result.error.hint);
      return false;
    }
    download(fileNameFor(useGraphStore.getState().title, target), new Blob([result.value as Uint8Array<ArrayBuffer>], { type: 'application/x-hdf5' }));
    return true;
  } finally {
    setBusy(null);
  }
}
