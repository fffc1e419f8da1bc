/**
 * A worker that is gone never answers, so a call on it would wait for ever. `deadSignal` is the
 * one promise that rejects when the worker is declared dead (its 'error' event, terminated, or
 * silent past the heartbeat's timeout), and `rejectingWhenDead` races every call against it, so
 * whoever awaits a call on a dead worker gets an `EngineStoppedError` instead of a hang.
 */

/** A call was on a worker that has stopped; the engine handle starts a new one. */
export class EngineStoppedError extends Error {
  constructor(readonly reason: string) {
    super(`the engine stopped (${reason})`);
    this.name = 'EngineStoppedError';
  }
}

export interface DeadSignal {
  /** Rejects with an EngineStoppedError once `declare` is called; never resolves. */
  readonly dead: Promise<never>;
  /** Declares the worker dead; the first reason wins, later calls do nothing. */
  declare(reason: string): void;
  /** The reason, once declared. */
  readonly reason: string | null;
}

export function deadSignal(): DeadSignal {
  let reject: (error: EngineStoppedError) => void = () => undefined;
  let reason: string | null = null;
  const dead = new Promise<never>((_, r) => {
    reject = r;
  });
  dead.catch(() => undefined); // observed through the calls raced against it; no unhandled rejection
  return {
    dead,
    declare: (why) => {
      if (reason !== null) return;
      reason = why;
      reject(new EngineStoppedError(why));
    },
    get reason() {
      return reason;
    },
  };
}

/**
 * The same object whose every method call is raced against the signal's `dead` (a call made after
 * the worker was declared dead rejects at once). Only calls are wrapped; `then` is left undefined
 * so the wrapper itself is not mistaken for a promise.
 */
export function rejectingWhenDead<T extends object>(target: T, signal: DeadSignal): T {
  return new Proxy(target, {
    get(object, key) {
      if (key === 'then') return undefined;
      const member = (object as Record<PropertyKey, unknown>)[key];
      if (typeof member !== 'function') return member;
      // Reflect.apply, not member.apply: a comlink proxy answers any property, `apply` included.
      return (...args: unknown[]) => (signal.reason !== null
        ? Promise.reject(new EngineStoppedError(signal.reason))
        : Promise.race([Reflect.apply(member as (...a: unknown[]) => unknown, object, args), signal.dead]));
    },
  });
}
