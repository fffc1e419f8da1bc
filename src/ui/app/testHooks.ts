/**
 * Test hooks, installed only when the page address has `?testHooks=1` (e2e/recovery.spec.ts):
 * `globalThis.spikelabEngine.terminate()` kills the engine worker without telling the page, the
 * way a browser ends one that ran out of memory, so a journey can check that the page notices.
 */
import { engine } from '../worker/engine';

declare global {
  var spikelabEngine: { terminate(): void } | undefined;
}

export function installTestHooks(): void {
  globalThis.spikelabEngine = { terminate: () => engine().killSilently() };
}
