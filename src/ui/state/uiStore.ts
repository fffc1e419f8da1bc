/** App chrome state: dismissable notes (load warnings, errors), the shortcut overlay, busy work. */
import { create } from 'zustand';

export type NoteTone = 'info' | 'warn' | 'error';

export interface Note {
  id: number;
  tone: NoteTone;
  text: string;
  hint?: string;
}

interface UiState {
  notes: Note[];
  helpOpen: boolean;
  busy: string | null;
  notify(tone: NoteTone, text: string, hint?: string): void;
  dismiss(id: number): void;
  clearNotes(): void;
  setHelpOpen(open: boolean): void;
  setBusy(busy: string | null): void;
}

let nextId = 1;

export const useUiStore = create<UiState>((set, get) => ({
  notes: [],
  helpOpen: false,
  busy: null,
  notify: (tone, text, hint) => set({ notes: [...get().notes, { id: nextId++, tone, text, hint }].slice(-8) }),
  dismiss: (id) => set({ notes: get().notes.filter((n) => n.id !== id) }),
  clearNotes: () => set({ notes: [] }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setBusy: (busy) => set({ busy }),
}));
