/** The app-wide engine handle, started once per page, and its start-up sequence. */
import { startEngineWorker, type EngineClient } from '../worker/engineClient';
import { useEngineStore } from '../state/engineStore';
import type { BackendName } from '../../workers/api';

const START_TIMEOUT_MS = 90_000;

let client: EngineClient | null = null;

export function engine(): EngineClient {
  client ??= startEngineWorker();
  return client;
}

/** Starts the worker's tensor runtime: `backend` forced (`?backend=`), or the default order. */
export async function startEngine(backend: BackendName | undefined): Promise<void> {
  const { setStatus } = useEngineStore.getState();
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`the engine did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS));
  try {
    const { api, crashed } = engine();
    const result = await Promise.race([api.init({ backend }), crashed, timeout]);
    setStatus(result.ok ? { phase: 'ready', backend: result.value } : { phase: 'failed', error: result.error });
  } catch (error) {
    setStatus({
      phase: 'failed',
      error: {
        code: 'WORKER_FAILED',
        message: `The engine worker could not start: ${error instanceof Error ? error.message : String(error)}.`,
        hint: 'Reload the page; if it persists, try ?backend=wasm or a current Chrome or Edge.',
      },
    });
  }
}
