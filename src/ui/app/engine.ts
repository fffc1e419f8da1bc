/** The app-wide engine handle, started once per page, and its start-up sequence. */
import { startEngineWorker, type EngineClient } from '../worker/engineClient';
import { useEngineStore } from '../state/engineStore';
import type { BackendName } from '../../workers/api';

const BACKENDS: readonly string[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
const START_TIMEOUT_MS = 90_000;

let client: EngineClient | null = null;

export function engine(): EngineClient {
  client ??= startEngineWorker();
  return client;
}

/** `?backend=webgpu|webgl|wasm|cpu` forces one backend. */
export function backendFromUrl(search: string): BackendName | undefined {
  const value = new URLSearchParams(search).get('backend');
  return value !== null && BACKENDS.includes(value) ? (value as BackendName) : undefined;
}

export async function startEngine(search: string): Promise<void> {
  const { setStatus } = useEngineStore.getState();
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`the engine did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS));
  try {
    const { api, crashed } = engine();
    const result = await Promise.race([api.init({ backend: backendFromUrl(search) }), crashed, timeout]);
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
