/**
 * Every action of the lab, in one registry: the toolbar, the keyboard and the `?` overlay read it.
 * Space/./R are Playground's and Nengo's play, step and reset; ←/→, Home/End and P move and play
 * the time cursor (Nengo GUI's time slider).
 */
import type { Action } from './registry';
import { useGraphStore } from '../state/graphStore';
import { useUiStore } from '../state/uiStore';
import { copySelection, deleteSelection, hasClipboard, newGraph, paste, relayout, selectAll } from '../editor/graphCommands';
import { fitView } from '../editor/viewport';
import { pickNirFile } from '../files/pickFile';
import { saveNir } from '../files/saveNir';
import { runCommands } from '../run/runCommands';
import { cursorKeysFree, useTimeCursor } from '../state/timeCursor';

const graphHasNodes = () => Object.keys(useGraphStore.getState().graph.nodes).length > 0;

export const LAB_ACTIONS: readonly Action[] = [
  { name: 'new', label: 'New', shortcuts: [], perform: newGraph },
  { name: 'open', label: 'Open NIR…', shortcuts: ['Mod+O'], perform: pickNirFile },
  { name: 'save', label: 'Save NIR', shortcuts: ['Mod+S'], perform: () => void saveNir(), enabled: graphHasNodes },
  { name: 'saveFor', label: 'Save for…', shortcuts: ['Mod+Shift+S'], perform: () => useUiStore.getState().setSaveForOpen(true), enabled: graphHasNodes },
  { name: 'undo', label: 'Undo', shortcuts: ['Mod+Z'], perform: () => useGraphStore.getState().undo(), enabled: () => useGraphStore.getState().history.past.length > 0 },
  {
    name: 'redo', label: 'Redo', shortcuts: ['Mod+Shift+Z', 'Mod+Y'], perform: () => useGraphStore.getState().redo(),
    enabled: () => useGraphStore.getState().history.future.length > 0,
  },
  { name: 'copy', label: 'Copy', shortcuts: ['Mod+C'], perform: () => void copySelection(), enabled: () => useGraphStore.getState().selection.nodes.length > 0 },
  { name: 'paste', label: 'Paste', shortcuts: ['Mod+V'], perform: paste, enabled: hasClipboard },
  { name: 'delete', label: 'Delete selection', shortcuts: ['Delete', 'Backspace'], perform: deleteSelection },
  { name: 'selectAll', label: 'Select all', shortcuts: ['Mod+A'], perform: selectAll },
  { name: 'fitView', label: 'Fit view', shortcuts: ['Shift+1'], perform: fitView },
  { name: 'layout', label: 'Tidy layout', shortcuts: ['Shift+L'], perform: () => void relayout(), enabled: graphHasNodes },
  { name: 'train', label: 'Train / pause', shortcuts: ['Space'], perform: () => runCommands.toggle() },
  { name: 'step', label: 'Step', shortcuts: ['.'], perform: () => runCommands.step() },
  { name: 'reset', label: 'Reset', shortcuts: ['R'], perform: () => runCommands.reset() },
  { name: 'reinitialise', label: 'Re-initialise weights from the seed', shortcuts: ['Shift+R'], perform: () => runCommands.reinitialise() },
  { name: 'cursorBack', label: 'Time cursor: one step back', shortcuts: ['ArrowLeft'], perform: () => useTimeCursor.getState().stepBy(-1), enabled: cursorKeysFree },
  { name: 'cursorForward', label: 'Time cursor: one step on', shortcuts: ['ArrowRight'], perform: () => useTimeCursor.getState().stepBy(1), enabled: cursorKeysFree },
  { name: 'cursorBack10', label: 'Time cursor: 10 steps back', shortcuts: ['Shift+ArrowLeft'], perform: () => useTimeCursor.getState().stepBy(-10), enabled: cursorKeysFree },
  { name: 'cursorForward10', label: 'Time cursor: 10 steps on', shortcuts: ['Shift+ArrowRight'], perform: () => useTimeCursor.getState().stepBy(10), enabled: cursorKeysFree },
  { name: 'cursorStart', label: 'Time cursor: first step', shortcuts: ['Home'], perform: () => useTimeCursor.getState().toStart(), enabled: cursorKeysFree },
  { name: 'cursorEnd', label: 'Time cursor: last step', shortcuts: ['End'], perform: () => useTimeCursor.getState().toEnd(), enabled: cursorKeysFree },
  { name: 'playback', label: 'Play / pause the recorded sample', shortcuts: ['P'], perform: () => useTimeCursor.getState().togglePlay(), enabled: cursorKeysFree },
  { name: 'help', label: 'Keyboard shortcuts', shortcuts: ['?'], perform: () => useUiStore.getState().setHelpOpen(!useUiStore.getState().helpOpen) },
  { name: 'close', label: 'Close overlay / clear selection', shortcuts: ['Escape'], perform: () => {
    useUiStore.getState().setHelpOpen(false);
    useUiStore.getState().setSaveForOpen(false);
    useGraphStore.getState().select({ nodes: [], edges: [] });
  } },
];

export function labAction(name: string): Action {
  const action = LAB_ACTIONS.find((a) => a.name === name);
  if (!action) throw new Error(`no action named ${name}`);
  return action;
}
