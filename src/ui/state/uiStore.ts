/**
 * App chrome state: the notes (load warnings, errors) and whether their panel is open, the
 * shortcut overlay, busy work, and the panel sizes the person dragged (kept in localStorage).
 */
import { create } from 'zustand';
import { parsePanels, type PanelKey, type PanelSizes } from '../app/panelLayout';

export type NoteTone = 'info' | 'warn' | 'error';

export interface Note {
  id: number;
  tone: NoteTone;
  text: string;
  hint?: string;
}

interface UiState {
  notes: Note[];
  /** The notes panel shows every note (else one line with a count); an error opens it. */
  notesOpen: boolean;
  helpOpen: boolean;
  /** The "Save for…" dialog (a peer target: snnTorch, Norse, or plain NIR). */
  saveForOpen: boolean;
  busy: string | null;
  /** Sizes the person chose at the splitters; missing ones follow the window (panelLayout.ts). */
  panels: Partial<PanelSizes>;
  notify(tone: NoteTone, text: string, hint?: string): void;
  dismiss(id: number): void;
  clearNotes(): void;
  setNotesOpen(open: boolean): void;
  setHelpOpen(open: boolean): void;
  setSaveForOpen(open: boolean): void;
  setBusy(busy: string | null): void;
  setPanel(key: PanelKey, size: number | null): void;
}

const MAX_NOTES = 8;
const PANELS_KEY = 'spikelab.panels';

let nextId = 1;

function storedPanels(): Partial<PanelSizes> {
  try {
    return parsePanels(globalThis.localStorage?.getItem(PANELS_KEY) ?? null);
  } catch {
    return {};
  }
}

function storePanels(panels: Partial<PanelSizes>): void {
  try {
    globalThis.localStorage?.setItem(PANELS_KEY, JSON.stringify(panels));
  } catch {
    // Storage refused (private mode, quota): the sizes last for this page only.
  }
}

export const useUiStore = create<UiState>((set, get) => ({
  notes: [],
  notesOpen: false,
  helpOpen: false,
  saveForOpen: false,
  busy: null,
  panels: storedPanels(),
  notify: (tone, text, hint) => set({
    notes: [...get().notes, { id: nextId++, tone, text, hint }].slice(-MAX_NOTES),
    notesOpen: get().notesOpen || tone === 'error',
  }),
  dismiss: (id) => {
    const notes = get().notes.filter((n) => n.id !== id);
    set({ notes, notesOpen: get().notesOpen && notes.length > 0 });
  },
  clearNotes: () => set({ notes: [], notesOpen: false }),
  setNotesOpen: (notesOpen) => set({ notesOpen }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setSaveForOpen: (saveForOpen) => set({ saveForOpen }),
  setBusy: (busy) => set({ busy }),
  setPanel: (key, size) => {
    const panels = { ...get().panels };
    if (size === null) delete panels[key];
    else panels[key] = Math.round(size);
    storePanels(panels);
    set({ panels });
  },
}));
