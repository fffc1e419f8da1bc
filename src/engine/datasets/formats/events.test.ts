/**
 * Cutting event streams: a time window of an ordered stream is a view of [start, end) (start
 * included, end not, as the DVS Gesture labels are read); a stream out of time order is sorted
 * first (stably), one in order is left as it is.
 */
import { describe, expect, it } from 'vitest';
import { timeOrdered, timeWindow, type EventStream } from './events';

const stream = (t: number[]): EventStream => ({ x: Uint16Array.from(t, (_, i) => i), y: Uint16Array.from(t, (_, i) => 10 + i), p: Uint8Array.from(t, (_, i) => i % 2), t: Float64Array.from(t) });

describe('time windows', () => {
  it('takes start ≤ t < end of an ordered stream without copying', () => {
    const events = stream([5, 10, 10, 20, 30]);
    const window = timeWindow(events, 10, 30);
    expect(Array.from(window.t)).toEqual([10, 10, 20]);
    expect(Array.from(window.x)).toEqual([1, 2, 3]);
    expect(window.t.buffer).toBe(events.t.buffer);
    expect(timeWindow(events, 31, 40).t.length).toBe(0);
    expect(timeWindow(events, 20, 10).t.length).toBe(0);
  });

  it('sorts a stream out of time order, keeping equal times in their order, and leaves an ordered one alone', () => {
    const ordered = stream([1, 2, 2, 3]);
    expect(timeOrdered(ordered)).toBe(ordered);
    const sorted = timeOrdered(stream([3, 1, 2, 1]));
    expect(Array.from(sorted.t)).toEqual([1, 1, 2, 3]);
    expect([Array.from(sorted.x), Array.from(sorted.y), Array.from(sorted.p)]).toEqual([[1, 3, 2, 0], [11, 13, 12, 10], [1, 1, 0, 0]]);
  });
});
