import { describe, expect, it } from 'vitest';
import { deadSignal, EngineStoppedError, rejectingWhenDead } from './deadWorker';

describe('calls on a dead worker', () => {
  const never = () => new Promise<never>(() => undefined);

  it('reject, pending and later ones, with the first reason', async () => {
    const signal = deadSignal();
    const api = rejectingWhenDead({ prepare: never, backend: async () => 'wasm' }, signal);
    await expect(api.backend()).resolves.toBe('wasm');
    const pending = api.prepare();
    signal.declare('it did not answer for 20 s');
    signal.declare('it crashed');
    await expect(pending).rejects.toBeInstanceOf(EngineStoppedError);
    await expect(pending).rejects.toThrow('the engine stopped (it did not answer for 20 s)');
    await expect(api.backend()).rejects.toThrow('the engine stopped (it did not answer for 20 s)');
    expect(signal.reason).toBe('it did not answer for 20 s');
  });

  it('pass answers and their own errors through while it lives, and the wrapper is no promise', async () => {
    const signal = deadSignal();
    const api = rejectingWhenDead({ fail: () => Promise.reject(new Error('bad file')), twice: (n: number) => Promise.resolve(n * 2) }, signal);
    await expect(api.twice(21)).resolves.toBe(42);
    await expect(api.fail()).rejects.toThrow('bad file');
    expect((api as unknown as { then?: unknown }).then).toBeUndefined();
  });
});
