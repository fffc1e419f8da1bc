/**
 * The engine worker: a thin comlink adapter (DESIGN.md §1, rule 2). It decodes arguments, calls
 * the engine, and turns every failure into a structured error so the page never hangs on it.
 */
import * as Comlink from 'comlink';
import { toErrorInfo } from '../engine/core/errors';
import { candidatesFor, selectBackend, BACKEND_ORDER, type BackendInfo } from '../engine/tensor/backend';
import { browserLoaders } from '../engine/tensor/backends.browser';
import type { EngineApi, Result } from './api';

let active: BackendInfo | null = null;

async function attempt<T>(run: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}

const api: EngineApi = {
  init: (options) =>
    attempt(async () => {
      active = await selectBackend({
        candidates: candidatesFor(options.backend, BACKEND_ORDER),
        loaders: browserLoaders,
        forced: options.backend !== undefined,
      });
      return active;
    }),
  backend: async () => active,
};

Comlink.expose(api);
