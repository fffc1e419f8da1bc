import { beforeEach, describe, expect, it } from 'vitest';
import { useUiStore } from './uiStore';

describe('ui store notes', () => {
  beforeEach(() => useUiStore.getState().clearNotes());

  it('keeps notes collapsed until an error arrives, which opens the panel', () => {
    const ui = useUiStore.getState();
    ui.notify('info', 'Opened a.nir');
    ui.notify('warn', 'a repair');
    expect(useUiStore.getState().notesOpen).toBe(false);
    ui.notify('error', 'Could not open b.nir');
    expect(useUiStore.getState().notesOpen).toBe(true);
    expect(useUiStore.getState().notes.map((n) => n.tone)).toEqual(['info', 'warn', 'error']);
  });

  it('dismisses one note, closes when the last goes, and clears all at once', () => {
    const ui = useUiStore.getState();
    ui.notify('error', 'one');
    ui.notify('info', 'two');
    const [first, second] = useUiStore.getState().notes;
    ui.dismiss(first.id);
    expect(useUiStore.getState().notes.map((n) => n.text)).toEqual(['two']);
    expect(useUiStore.getState().notesOpen).toBe(true);
    ui.dismiss(second.id);
    expect(useUiStore.getState().notesOpen).toBe(false);
    ui.notify('error', 'three');
    ui.clearNotes();
    expect(useUiStore.getState()).toMatchObject({ notes: [], notesOpen: false });
  });

  it('keeps at most eight notes, the newest', () => {
    for (let i = 0; i < 12; i++) useUiStore.getState().notify('info', `n${i}`);
    expect(useUiStore.getState().notes.map((n) => n.text)).toEqual(['n4', 'n5', 'n6', 'n7', 'n8', 'n9', 'n10', 'n11']);
  });

  it('remembers a dragged panel size and forgets it on reset', () => {
    useUiStore.getState().setPanel('plots', 250.4);
    expect(useUiStore.getState().panels.plots).toBe(250);
    useUiStore.getState().setPanel('plots', null);
    expect(useUiStore.getState().panels.plots).toBeUndefined();
  });
});
