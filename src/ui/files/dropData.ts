/**
 * Where a drop goes: a .nir file opens on the canvas (../files/openNir.ts); anything else is data
 * for the Run panel's picker (../state/ownDatasets.ts): .npy/.npz arrays, SHD .h5, N-MNIST .bin
 * files, a dropped folder of them (walked here, keeping each file's path, whose folder gives its
 * label), a zip, .safetensors. The files go to the worker as File handles, so even a 1 GB file is
 * never copied into the page. When the new set fits the graph it is chosen at once; otherwise the
 * Run panel says what the graph would need.
 */
import type { DroppedFile, OwnDatasetInfo } from '../../workers/api';
import { filesLabel } from '../../engine/datasets/own/describe';
import { fits, graphIo } from '../run/datasetFit';
import { useGraphStore } from '../state/graphStore';
import { useOwnDatasets } from '../state/ownDatasets';
import { useRunStore } from '../state/runStore';
import { useUiStore } from '../state/uiStore';
import { openNirFile } from './openNir';

/** File types the "Add data…" picker offers. */
export const DATA_FILE_TYPES = '.npy,.npz,.zip,.h5,.hdf5,.gz,.bin,.bs2,.safetensors';

/** A .h5 that is a dataset (SHD/SSC and their .gz/.zip), not a NIR graph (also HDF5). */
const isDatasetH5 = (name: string) => /^(shd|ssc)[_-]/i.test(name.split(/[\\/]/).pop() ?? '') || /\.h5\.(gz|zip)$/i.test(name);
const opensAsGraph = (name: string) => /\.nir$/i.test(name) || (/\.(h5|hdf5)$/i.test(name) && !isDatasetH5(name));

function entryFiles(entry: FileSystemEntry, path: string, out: DroppedFile[]): Promise<void> {
  if (entry.isFile) {
    return new Promise((resolve) => (entry as FileSystemFileEntry).file((file) => {
      out.push({ name: `${path}${file.name}`, file });
      resolve();
    }, () => resolve()));
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  return new Promise((resolve) => {
    const next = () => reader.readEntries(async (entries) => {
      if (entries.length === 0) return resolve();
      for (const child of entries) await entryFiles(child, `${path}${entry.name}/`, out);
      next();
    }, () => resolve());
    next();
  });
}

/**
 * The dropped files, folders walked (paths kept). The entries must be taken during the drop
 * event itself, so this reads them synchronously and walks them afterwards.
 */
export function droppedFiles(transfer: DataTransfer): Promise<DroppedFile[]> {
  const entries = Array.from(transfer.items ?? [], (item) => (item.kind === 'file' ? item.webkitGetAsEntry?.() ?? null : null));
  const plain = Array.from(transfer.files, (file) => ({ name: file.name, file }));
  if (!entries.some((e) => e?.isDirectory)) return Promise.resolve(plain);
  return (async () => {
    const out: DroppedFile[] = [];
    for (const [i, entry] of entries.entries()) {
      if (entry) await entryFiles(entry, '', out);
      else if (plain[i]) out.push(plain[i]);
    }
    return out.filter((f) => !/(^|\/)\.[^/]*$/.test(f.name)); // no .DS_Store and other hidden files
  })();
}

function announce(info: OwnDatasetInfo): void {
  const { notify } = useUiStore.getState();
  const io = graphIo(useGraphStore.getState().graph);
  const shape = `[${info.featureShape.join(', ')}]`;
  if (fits(info, io)) {
    useRunStore.getState().update({ dataset: info.id });
    notify('info', `Added ${info.name} to the datasets: ${info.splits[0].n.toLocaleString('en')} samples, T = ${info.T}, ${shape}, ${info.classes.length} classes. It is chosen in the Run panel.`, info.own.keptNote);
  } else {
    const wanted = io.input ? `input [${io.input.join(', ')}]${io.classes !== null ? ` and ${io.classes} classes` : ''}` : 'an Input node';
    notify('warn', `Added ${info.name} (${shape}, ${info.classes.length} classes), but this graph needs ${wanted}, so it is not chosen.`,
      'Make the Input and Output match the data (or open a graph that does), then pick it under "Your data" in the Run panel.');
  }
}

/** Reads dropped or picked data files into a dataset of the person's own. */
export async function importDataFiles(files: DroppedFile[]): Promise<void> {
  if (files.length === 0) return;
  const label = filesLabel(files);
  const added = await useOwnDatasets.getState().importFiles(files, label);
  if (added) announce(added);
  else {
    const error = useOwnDatasets.getState().error;
    if (error?.code === 'DATA_ABORTED') useUiStore.getState().notify('info', `Stopped reading ${label}; nothing was added.`);
    else if (error) useUiStore.getState().notify('error', `Could not use ${label} as a dataset: ${error.message}`, error.hint);
  }
}

/** A drop: one .nir (or NIR .h5) opens as the graph; anything else becomes data. */
export async function routeDrop(transfer: DataTransfer): Promise<void> {
  const files = await droppedFiles(transfer);
  const graphFile = files.length === 1 && opensAsGraph(files[0].name) ? files[0] : files.find((f) => /\.nir$/i.test(f.name));
  if (graphFile) {
    await openNirFile(graphFile.file as File);
    return;
  }
  await importDataFiles(files);
}

/** "Add data…": a file picker for data files, then the same path as a drop. */
export function pickDataFiles(): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.multiple = true;
  input.accept = DATA_FILE_TYPES;
  input.addEventListener('change', () => {
    void importDataFiles(Array.from(input.files ?? [], (file) => ({ name: file.name, file })));
  });
  input.click();
}
