/**
 * The app-wide engine handle, its start-up sequence, and its replacement when it dies. A worker is
 * declared dead by its 'error' event or by the heartbeat (../worker/heartbeat.ts: a cheap call
 * that went unanswered); then it is terminated (its pending calls reject), a new one starts with
 * the same backend option, and the listeners (../run/engineRecovery.ts) restore the run's state.
 */
import { startEngineWorker, type EngineClient } from '../worker/engineClient';
import { EngineStoppedError } from '../worker/deadWorker';
import { startHeartbeat } from '../worker/heartbeat';
import { useEngineStore } from '../state/engineStore';
import type { BackendName } from '../../workers/api';

const START_TIMEOUT_MS = 90_000;
/** More losses than this within LOSS_WINDOW_MS: stop restarting and ask for a reload. */
const MAX_LOSSES = 3;
const LOSS_WINDOW_MS = 120_000;

let client: EngineClient | null = null;
let backendOption: BackendName | undefined;
let stopHeartbeat: (() => void) | null = null;
let losses: number[] = [];
/** Engines that started: only those are replaced when they die (one that fails to start says so instead). */
const startedClients = new WeakSet<EngineClient>();
const lostListeners = new Set<(reason: string) => void>();

function watched(started: EngineClient): EngineClient {
  started.dead.catch((error: unknown) => {
    if (client === started && startedClients.has(started)) replaceEngine(error instanceof EngineStoppedError ? error.reason : String(error));
  });
  return started;
}

export function engine(): EngineClient {
  client ??= watched(startEngineWorker());
  return client;
}

/** Calls `listener` with the reason each time a dead engine has been replaced by a new one. */
export function onEngineReplaced(listener: (reason: string) => void): () => void {
  lostListeners.add(listener);
  return () => lostListeners.delete(listener);
}

function replaceEngine(reason: string): void {
  stopHeartbeat?.();
  stopHeartbeat = null;
  client?.stop(reason);
  const now = Date.now();
  losses = [...losses.filter((t) => now - t < LOSS_WINDOW_MS), now];
  if (losses.length > MAX_LOSSES) {
    useEngineStore.getState().setStatus({
      phase: 'failed',
      error: { code: 'WORKER_FAILED', message: `The engine stopped ${losses.length} times in two minutes (last: ${reason}).`, hint: 'Save NIR to keep your graph, then reload the page; try ?backend=wasm if it repeats.' },
    });
    return;
  }
  client = watched(startEngineWorker());
  useEngineStore.getState().setStatus({ phase: 'starting' });
  for (const listener of lostListeners) listener(reason);
  void startEngine(backendOption);
}

/** Starts the worker's tensor runtime: `backend` forced (`?backend=`), or the default order; then watches it. */
export async function startEngine(backend: BackendName | undefined): Promise<void> {
  backendOption = backend;
  const { setStatus } = useEngineStore.getState();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the engine did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
  });
  const started = engine();
  try {
    const result = await Promise.race([started.api.init({ backend }), started.crashed, timeout]);
    if (started !== client) return; // replaced meanwhile; the new one reports
    setStatus(result.ok ? { phase: 'ready', backend: result.value } : { phase: 'failed', error: result.error });
    if (result.ok) {
      startedClients.add(started);
      stopHeartbeat?.();
      stopHeartbeat = startHeartbeat({ ping: () => started.api.backend(), onDead: (reason) => started.stop(reason) });
    }
  } catch (error) {
    if (started !== client || error instanceof EngineStoppedError) return;
    setStatus({
      phase: 'failed',
      error: {
        code: 'WORKER_FAILED',
        message: `The engine worker could not start: ${error instanceof Error ? error.message : String(error)}.`,
        hint: 'Reload the page; if it persists, try ?backend=wasm or a current Chrome or Edge.',
      },
    });
  } finally {
    clearTimeout(timer);
  }
}
