/**
 * Undo history by snapshots (tldraw/excalidraw style: every graph edit records the state before
 * it; a drag records once at its end). Snapshots are immutable and share structure, so keeping
 * up to LIMIT of them costs little.
 */
export interface History<S> {
  past: readonly S[];
  future: readonly S[];
}

export const HISTORY_LIMIT = 100;

export function emptyHistory<S>(): History<S> {
  return { past: [], future: [] };
}

/** Records `before` as the state an undo returns to; a new edit clears the redo stack. */
export function record<S>(history: History<S>, before: S, limit = HISTORY_LIMIT): History<S> {
  const past = [...history.past, before];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, future: [] };
}

/** Steps back: returns the state to show and the new history, or null when there is nothing to undo. */
export function undo<S>(history: History<S>, present: S): { state: S; history: History<S> } | null {
  if (history.past.length === 0) return null;
  const state = history.past[history.past.length - 1];
  return { state, history: { past: history.past.slice(0, -1), future: [present, ...history.future] } };
}

export function redo<S>(history: History<S>, present: S): { state: S; history: History<S> } | null {
  if (history.future.length === 0) return null;
  const [state, ...future] = history.future;
  return { state, history: { past: [...history.past, present], future } };
}
