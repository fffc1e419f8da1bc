import { describe, expect, it } from 'vitest';
import type { Note } from '../state/uiStore';
import { describeCounts, summariseNotes } from './notesSummary';

const note = (id: number, tone: Note['tone']): Note => ({ id, tone, text: `note ${id}` });

describe('notes summary', () => {
  it('counts notes and shows the newest of the gravest tone', () => {
    const summary = summariseNotes([note(1, 'info'), note(2, 'error'), note(3, 'warn'), note(4, 'error'), note(5, 'info')]);
    expect(summary.count).toBe(5);
    expect(summary.tone).toBe('error');
    expect(summary.headline?.id).toBe(4);
    expect(summary.counts).toEqual({ info: 2, warn: 1, error: 2 });
  });

  it('shows the newest note when all are alike, and nothing when there are none', () => {
    expect(summariseNotes([note(1, 'info'), note(2, 'info')]).headline?.id).toBe(2);
    expect(summariseNotes([])).toMatchObject({ count: 0, tone: 'info', headline: null });
  });

  it('says what the badge counts', () => {
    expect(describeCounts({ info: 3, warn: 1, error: 2 })).toBe('2 errors, 1 warning, 3 notes');
    expect(describeCounts({ info: 1, warn: 0, error: 0 })).toBe('1 note');
    expect(describeCounts({ info: 0, warn: 0, error: 0 })).toBe('no notes');
  });
});
