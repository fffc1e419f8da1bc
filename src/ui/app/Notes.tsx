/** Load warnings, dt guesses and errors, each dismissable; errors say what to do next. */
import { useUiStore } from '../state/uiStore';

export function Notes() {
  const notes = useUiStore((s) => s.notes);
  const dismiss = useUiStore((s) => s.dismiss);
  if (notes.length === 0) return null;
  return (
    <div className="notes" aria-label="Notes">
      {notes.map((note) => (
        <div key={note.id} className={`note note-${note.tone}`} role={note.tone === 'error' ? 'alert' : 'note'}>
          <div>
            <div className="note-text">{note.text}</div>
            {note.hint && <div className="note-hint">{note.hint}</div>}
          </div>
          <button type="button" className="icon" aria-label="Dismiss" onClick={() => dismiss(note.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
