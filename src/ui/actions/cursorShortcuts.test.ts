import { describe, expect, it } from 'vitest';
import { formatShortcut, matchesShortcut, type KeyLike } from './registry';

const key = (k: string, shiftKey = false): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey, altKey: false });

describe('the time cursor keys', () => {
  it('tell one step from ten by Shift', () => {
    expect(matchesShortcut('ArrowLeft', key('ArrowLeft'), false)).toBe(true);
    expect(matchesShortcut('ArrowLeft', key('ArrowLeft', true), false)).toBe(false);
    expect(matchesShortcut('Shift+ArrowLeft', key('ArrowLeft', true), false)).toBe(true);
    expect(matchesShortcut('Home', key('Home'), true)).toBe(true);
  });

  it('are shown as arrows in the ? overlay', () => {
    expect(formatShortcut('ArrowRight', false)).toBe('→');
    expect(formatShortcut('Shift+ArrowLeft', false)).toBe('Shift+←');
    expect(formatShortcut('Shift+ArrowLeft', true)).toBe('⇧←');
  });
});
