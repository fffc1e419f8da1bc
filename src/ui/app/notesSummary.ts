/**
 * The notes panel collapsed to one line: how many notes, the gravest tone among them (the badge's
 * colour), and the note the line shows (the newest of the gravest tone).
 */
import type { Note, NoteTone } from '../state/uiStore';

const GRAVITY: Record<NoteTone, number> = { info: 0, warn: 1, error: 2 };

export interface NotesSummary {
  count: number;
  tone: NoteTone;
  counts: Record<NoteTone, number>;
  headline: Note | null;
}

export function summariseNotes(notes: readonly Note[]): NotesSummary {
  const counts: Record<NoteTone, number> = { info: 0, warn: 0, error: 0 };
  let headline: Note | null = null;
  for (const note of notes) {
    counts[note.tone] += 1;
    if (!headline || GRAVITY[note.tone] >= GRAVITY[headline.tone]) headline = note;
  }
  return { count: notes.length, tone: headline?.tone ?? 'info', counts, headline };
}

/** "2 errors, 1 warning, 3 notes" (zero counts left out), for the badge's title. */
export function describeCounts(counts: Record<NoteTone, number>): string {
  const parts: string[] = [];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (counts.error) parts.push(plural(counts.error, 'error'));
  if (counts.warn) parts.push(plural(counts.warn, 'warning'));
  if (counts.info) parts.push(plural(counts.info, 'note'));
  return parts.join(', ') || 'no notes';
}
