import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHeartbeat } from './heartbeat';

describe('heartbeat', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('pings every interval while the worker answers, and never calls it dead', async () => {
    const ping = vi.fn(() => Promise.resolve(null));
    const onDead = vi.fn();
    const stop = startHeartbeat({ ping, onDead, intervalMs: 2000, timeoutMs: 20_000 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ping).toHaveBeenCalledTimes(30);
    expect(onDead).not.toHaveBeenCalled();
    stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(ping).toHaveBeenCalledTimes(30);
  });

  it('waits out a long busy spell shorter than the timeout', async () => {
    let answer: (() => void) | null = null;
    const ping = vi.fn(() => new Promise<void>((resolve) => (answer = resolve)));
    const onDead = vi.fn();
    startHeartbeat({ ping, onDead, intervalMs: 2000, timeoutMs: 20_000 });
    await vi.advanceTimersByTimeAsync(2000 + 19_000); // preparing holds the worker for 19 s
    answer!();
    await vi.advanceTimersByTimeAsync(2000);
    expect(ping).toHaveBeenCalledTimes(2); // no second ping while the first was unanswered
    expect(onDead).not.toHaveBeenCalled();
  });

  it('declares the worker dead once a ping goes unanswered past the timeout, once', async () => {
    const ping = vi.fn(() => new Promise<never>(() => undefined));
    const onDead = vi.fn();
    startHeartbeat({ ping, onDead, intervalMs: 2000, timeoutMs: 20_000 });
    await vi.advanceTimersByTimeAsync(2000 + 19_999);
    expect(onDead).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(onDead).toHaveBeenCalledWith('it did not answer for 20 s');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onDead).toHaveBeenCalledTimes(1);
    expect(ping).toHaveBeenCalledTimes(1);
  });

  it('declares it dead at once when a ping rejects', async () => {
    const onDead = vi.fn();
    startHeartbeat({ ping: () => Promise.reject(new Error('the engine stopped (crashed)')), onDead, intervalMs: 2000, timeoutMs: 20_000 });
    await vi.advanceTimersByTimeAsync(2000);
    expect(onDead).toHaveBeenCalledWith('the engine stopped (crashed)');
  });
});
