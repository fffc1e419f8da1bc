/**
 * One path for every way a .nir file arrives (drop, file picker, ?url=): read in the worker, then
 * open the graph laid out (folded into rows to suit the canvas unless the file saved its own
 * positions), replacing the previous graph's run, plots and notes, with the reader's repairs
 * (grouped by kind) and dt guess as dismissable notes. A file that cannot be read leaves the
 * current graph as it is and says why and what to do.
 */
import * as Comlink from 'comlink';
import type { LoadedNir } from '../../workers/api';
import { engine } from '../worker/engine';
import { CANVAS_LAYOUT, foldedForCanvas, hasSavedPositions, openGraph } from '../editor/graphCommands';
import { groupWarnings } from './loadNotes';
import { useUiStore } from '../state/uiStore';
import { useRunStore } from '../state/runStore';
import { fileNameOf } from '../app/labQuery';

const MAX_WARNINGS_SHOWN = 4;

export async function openNirBytes(bytes: Uint8Array, name: string): Promise<boolean> {
  const { notify, setBusy } = useUiStore.getState();
  setBusy(`Reading ${name}…`);
  try {
    const result = await engine().api.loadNir(Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]), name, CANVAS_LAYOUT);
    if (!result.ok) {
      notify('error', `Could not open ${name}: ${result.error.message}`, `${result.error.hint} Your current graph is unchanged.`);
      return false;
    }
    showOpened(result.value, name);
    return true;
  } catch (error) {
    notify('error', `Could not open ${name}: ${error instanceof Error ? error.message : String(error)}`, 'Your current graph is unchanged. Reload the page if this repeats.');
    return false;
  } finally {
    setBusy(null);
  }
}

function showOpened(loaded: LoadedNir, name: string): void {
  const { notify } = useUiStore.getState();
  openGraph(loaded.graph, name, hasSavedPositions(loaded.graph) ? loaded.positions : foldedForCanvas(loaded.positions));
  const count = Object.keys(loaded.graph.nodes).length;
  notify('info', `Opened ${name}: ${count} nodes, ${loaded.graph.edges.length} edges${loaded.version ? ` (NIR ${loaded.version})` : ''}. Undo brings back the previous graph.`);
  const { dtGuess } = loaded;
  const unit = dtGuess.unit === 'step' ? 'step' : 's';
  notify('info', `dt guess: ${dtGuess.dt} ${unit}${dtGuess.exporter ? ` (${dtGuess.exporter})` : ''}. ${dtGuess.reason}`, 'Change dt in the Run panel if the file was made for another step.');
  useRunStore.getState().update({ dt: dtGuess.dt });
  const repairs = groupWarnings(loaded.warnings);
  for (const repair of repairs.slice(0, MAX_WARNINGS_SHOWN)) notify('warn', repair.text);
  if (repairs.length > MAX_WARNINGS_SHOWN) {
    notify('warn', `…and ${repairs.length - MAX_WARNINGS_SHOWN} more kinds of repair: ${repairs.slice(MAX_WARNINGS_SHOWN).map((r) => r.code).join(', ')}.`);
  }
}

export async function openNirFile(file: File): Promise<boolean> {
  return openNirBytes(new Uint8Array(await file.arrayBuffer()), file.name);
}

/** `?url=` to a .nir file. */
export async function openNirUrl(url: string): Promise<boolean> {
  const name = fileNameOf(url);
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`);
    return await openNirBytes(new Uint8Array(await response.arrayBuffer()), name);
  } catch (error) {
    useUiStore.getState().notify('error', `Could not fetch ${url}: ${error instanceof Error ? error.message : String(error)}.`,
      'Check the address; the server must allow cross-origin requests (CORS). You can also download the file and drop it here.');
    return false;
  }
}
