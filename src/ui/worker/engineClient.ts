/**
 * The UI's one typed handle on the engine worker (DESIGN.md §1, rule 3). A worker that fails to
 * load reports an ErrorEvent whose message may be undefined (docs/specs/webgpu.md §5), so the
 * handle also exposes a promise that rejects with a readable reason. Every call is raced against
 * the worker's death (./deadWorker.ts): once it crashed or was stopped, pending and later calls
 * reject with an EngineStoppedError instead of waiting for ever.
 */
import * as Comlink from 'comlink';
import type { EngineApi } from '../../workers/api';
import { deadSignal, rejectingWhenDead } from './deadWorker';

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

export function startEngineWorker(): EngineClient {
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
