/**
 * The UI's one typed handle on the engine worker (DESIGN.md §1, rule 3). A worker that fails to
 * load reports an ErrorEvent whose message may be undefined (../shared/specs/webgpu.md §5), so the
 * handle also exposes a promise that rejects with a readable reason.
 */
import * as Comlink from 'comlink';
import type { EngineApi } from '../../workers/api';

export interface EngineClient {
  api: Comlink.Remote<EngineApi>;
  /** Rejects if the worker script fails to load or throws at top level. */
  crashed: Promise<never>;
}

export function startEngineWorker(): EngineClient {
  const worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
  const crashed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event: ErrorEvent) => {
      reject(new Error(event.message ?? 'the engine worker script failed to load'));
    });
  });
  crashed.catch(() => undefined); // observed by whoever awaits it; avoid an unhandled rejection
  return { api: Comlink.wrap<EngineApi>(worker), crashed };
}
