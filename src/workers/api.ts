/**
 * The typed contract between the UI and the engine worker (types only). Everything that crosses
 * it is plain data or typed arrays (DESIGN.md §1, rule 4). Worker methods are verbs.
 */
import type { BackendInfo, BackendName } from '../engine/tensor/backend';
import type { ErrorInfo } from '../engine/core/errors';

export type { BackendInfo, BackendName, ErrorInfo };

export interface InitOptions {
  /** Force one backend (`?backend=` in the URL); otherwise webgpu → webgl → wasm → cpu. */
  backend?: BackendName;
}

/** Every call answers with a result or a structured error, never a thrown exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export interface EngineApi {
  /** Starts the tensor runtime and reports the backend actually in use. */
  init(options: InitOptions): Promise<Result<BackendInfo>>;
  /** The backend in use, or null before init. */
  backend(): Promise<BackendInfo | null>;
}
