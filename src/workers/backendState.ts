/** The backend the worker runs on: set at init, replaced when a lost GPU device forces WASM. */
import type { BackendInfo } from './api';

let active: BackendInfo | null = null;

export function activeBackend(): BackendInfo | null {
  return active;
}

export function setActiveBackend(info: BackendInfo): void {
  active = info;
}
