import { describe, expect, it } from 'vitest';
import { emptyHistory, record, redo, undo } from './history';

describe('undo history', () => {
  it('undoes and redoes edits in order', () => {
    let history = emptyHistory<string>();
    history = record(history, 'a'); // a → b
    history = record(history, 'b'); // b → c
    const first = undo(history, 'c');
    expect(first?.state).toBe('b');
    const second = undo(first!.history, 'b');
    expect(second?.state).toBe('a');
    expect(undo(second!.history, 'a')).toBeNull();
    const again = redo(second!.history, 'a');
    expect(again?.state).toBe('b');
    expect(redo(again!.history, 'b')?.state).toBe('c');
  });

  it('a new edit after undo clears the redo stack', () => {
    let history = record(emptyHistory<number>(), 1);
    const back = undo(history, 2)!;
    history = record(back.history, 1);
    expect(history.future).toEqual([]);
    expect(redo(history, 3)).toBeNull();
  });

  it('keeps at most the limit, dropping the oldest', () => {
    let history = emptyHistory<number>();
    for (let i = 0; i < 10; i++) history = record(history, i, 3);
    expect(history.past).toEqual([7, 8, 9]);
  });
});
