/**
 * The UI's one door to the engine worker (DESIGN.md §1, rule 3): the app-wide typed handle, its
 * start-up sequence, and its replacement when it dies.
 *
 * A worker that fails to load reports an ErrorEvent whose message may be undefined
 * (docs/specs/webgpu.md §5), so the handle also exposes a promise that rejects with a readable
 * reason. Every call is raced against the worker's death (./deadWorker.ts): once it crashed or was
 * stopped, pending and later calls reject with an EngineStoppedError instead of waiting for ever.
 * A worker is declared dead by its 'error' event or by the heartbeat (./heartbeat.ts: a cheap call
 * that went unanswered); then it is terminated (its pending calls reject), a new one starts with
 * the same backend option, and the listeners (../run/engineRecovery.ts) restore the run's state.
 */
import * as Comlink from 'comlink';
import type { BackendName, EngineApi } from '../../workers/api';
import { deadSignal, EngineStoppedError, rejectingWhenDead } from './deadWorker';
import { startHeartbeat } from './heartbeat';
import { useEngineStore } from '../state/engineStore';

export interface EngineClient {
  api: Comlink.Remote<EngineApi>;
  /** Rejects if the worker script fails to load or throws at top level. */
  crashed: Promise<never>;
  /** Rejects with an EngineStoppedError once the worker crashed or `stop` was called. */
  dead: Promise<never>;
  /** Terminates the worker and rejects every pending call with `reason`. */
  stop(reason: string): void;
  /**
   * Test hook only (`?testHooks=1`, ../app/testHooks.ts): terminates the worker without telling
   * the handle, the way a browser kills one that ran out of memory, so the heartbeat must notice.
   */
  killSilently(): void;
}

function startEngineWorker(): EngineClient {
  const worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
  const signal = deadSignal();
  const crashed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event: ErrorEvent) => {
      const reason = event.message ?? 'the engine worker script failed to load';
      reject(new Error(reason));
      signal.declare(`it crashed: ${reason}`);
    });
  });
  crashed.catch(() => undefined); // observed by whoever awaits it; avoid an unhandled rejection
  const remote = Comlink.wrap<EngineApi>(worker);
  return {
    api: rejectingWhenDead(remote, signal),
    crashed,
    dead: signal.dead,
    stop: (reason) => {
      worker.terminate();
      signal.declare(reason);
    },
    killSilently: () => worker.terminate(),
  };
}

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
