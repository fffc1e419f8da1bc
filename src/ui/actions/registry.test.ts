import { describe, expect, it } from 'vitest';
import { actionForEvent, formatShortcut, matchesShortcut, parseShortcut, type Action, type KeyLike } from './registry';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('action registry shortcuts', () => {
  it('parses modifiers and named keys', () => {
    expect(parseShortcut('Mod+Shift+Z')).toEqual({ key: 'z', mod: true, shift: true, alt: false });
    expect(parseShortcut('Space').key).toBe(' ');
  });

  it('Mod is Ctrl off a Mac and Cmd on a Mac', () => {
    expect(matchesShortcut('Mod+Z', key('z', { ctrlKey: true }), false)).toBe(true);
    expect(matchesShortcut('Mod+Z', key('z', { metaKey: true }), false)).toBe(false);
    expect(matchesShortcut('Mod+Z', key('z', { metaKey: true }), true)).toBe(true);
  });

  it('tells undo from redo by Shift', () => {
    expect(matchesShortcut('Mod+Z', key('Z', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(matchesShortcut('Mod+Shift+Z', key('Z', { ctrlKey: true, shiftKey: true }), false)).toBe(true);
  });

  it('a shifted symbol matches without spelling Shift', () => {
    expect(matchesShortcut('?', key('?', { shiftKey: true }), false)).toBe(true);
  });

  it('finds the first enabled action for a key', () => {
    const done: string[] = [];
    const actions: Action[] = [
      { name: 'undo', label: 'Undo', shortcuts: ['Mod+Z'], perform: () => done.push('undo'), enabled: () => false },
      { name: 'step', label: 'Step', shortcuts: ['.'], perform: () => done.push('step') },
    ];
    expect(actionForEvent(actions, key('z', { ctrlKey: true }), false)).toBeUndefined();
    actionForEvent(actions, key('.'), false)?.perform();
    expect(done).toEqual(['step']);
  });

  it('formats for the platform', () => {
    expect(formatShortcut('Mod+Shift+Z', true)).toBe('⌘⇧Z');
    expect(formatShortcut('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
  });
});
