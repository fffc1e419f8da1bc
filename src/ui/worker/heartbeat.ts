/**
 * Notices a worker that stopped answering: a cheap call every `intervalMs`, the next one only
 * after the last answered; one that takes longer than `timeoutMs`, or rejects, declares it dead.
 * The worker's run loop yields at least every second or so, but preparing (compiling, loading a
 * dataset) can hold it for longer, hence a generous timeout.
 */
export interface HeartbeatOptions {
  /** The cheap call (e.g. `api.backend()`). */
  ping: () => Promise<unknown>;
  onDead: (reason: string) => void;
  intervalMs?: number;
  timeoutMs?: number;
}

export const HEARTBEAT_INTERVAL_MS = 2000;
export const HEARTBEAT_TIMEOUT_MS = 20_000;

/** Starts beating; the returned function stops it (no onDead after that). */
export function startHeartbeat({ ping, onDead, intervalMs = HEARTBEAT_INTERVAL_MS, timeoutMs = HEARTBEAT_TIMEOUT_MS }: HeartbeatOptions): () => void {
  let stopped = false;
  let next: ReturnType<typeof setTimeout> | null = null;
  let deadline: ReturnType<typeof setTimeout> | null = null;
  const die = (reason: string) => {
    if (stopped) return;
    stop();
    onDead(reason);
  };
  const beat = () => {
    next = null;
    deadline = setTimeout(() => die(`it did not answer for ${Math.round(timeoutMs / 1000)} s`), timeoutMs);
    ping().then(
      () => {
        if (stopped) return;
        if (deadline) clearTimeout(deadline);
        deadline = null;
        next = setTimeout(beat, intervalMs);
      },
      (error: unknown) => die(error instanceof Error ? error.message : String(error)),
    );
  };
  const stop = () => {
    stopped = true;
    if (next) clearTimeout(next);
    if (deadline) clearTimeout(deadline);
  };
  next = setTimeout(beat, intervalMs);
  return stop;
}
