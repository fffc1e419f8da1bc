/**
 * Load warnings, dt guesses and errors in one strip above the canvas (it never covers the graph):
 * collapsed, a "Notes N" badge in the gravest tone and the headline note; open, every note with
 * its hint, each dismissable, and Dismiss all. An error opens the strip (uiStore.notify).
 */
import { useId } from 'react';
import { useUiStore } from '../state/uiStore';
import { describeCounts, summariseNotes } from './notesSummary';

export function Notes() {
  const notes = useUiStore((s) => s.notes);
  const open = useUiStore((s) => s.notesOpen);
  const setOpen = useUiStore((s) => s.setNotesOpen);
  const dismiss = useUiStore((s) => s.dismiss);
  const clear = useUiStore((s) => s.clearNotes);
  const listId = useId();
  if (notes.length === 0) return null;
  const { count, tone, counts, headline } = summariseNotes(notes);
  return (
    <div className={`notes notes-${tone}${open ? ' open' : ''}`} aria-label="Notes">
      <div className="notes-bar">
        <button type="button" className={`notes-badge tone-${tone}`} aria-expanded={open} aria-controls={listId}
          title={`${describeCounts(counts)}: ${open ? 'hide' : 'show'} details`} onClick={() => setOpen(!open)}>
          Notes <span className="notes-count">{count}</span> <span aria-hidden="true">{open ? '▴' : '▾'}</span>
        </button>
        {!open && headline && <span className="notes-headline" title={headline.text}>{headline.text}</span>}
        <button type="button" className="small notes-clear" onClick={clear}>Dismiss all</button>
      </div>
      <div id={listId} className="notes-list" hidden={!open}>
        {notes.map((note) => (
          <div key={note.id} className={`note note-${note.tone}`} role={note.tone === 'error' ? 'alert' : 'note'}>
            <div>
              <div className="note-text">{note.text}</div>
              {note.hint && <div className="note-hint">{note.hint}</div>}
            </div>
            <button type="button" className="icon" aria-label="Dismiss" title="Dismiss this note" onClick={() => dismiss(note.id)}>×</button>
          </div>
        ))}
      </div>
    </div>
  );
}
