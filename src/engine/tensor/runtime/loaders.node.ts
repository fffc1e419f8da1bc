/**
 * Backend loaders under Node (CLI, vitest): wasm (XNNPACK, SIMD) first, then the plain-JS cpu
 * backend, each followed by its kernels (../cpu/register.ts into ../kernels/registry.ts).
 * tfjs-backend-wasm finds its .wasm files next to its own module in Node.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendLoader, BackendName } from './backend';
import { selectBackend, type BackendInfo } from './backend';

export const nodeLoaders: Partial<Record<BackendName, BackendLoader>> = {
  wasm: async () => {
    await import('@tensorflow/tfjs-backend-wasm');
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    await import('../cpu/register'); // the CPU fast path (JS loops, WebAssembly SIMD)
  },
  cpu: async () => {
    await import('@tensorflow/tfjs-backend-cpu');
    await import('../cpu/register');
  },
};

/** Starts TF.js under Node on `backend` (default wasm, then cpu) and reports it. */
export function startNodeBackend(backend?: 'wasm' | 'cpu'): Promise<BackendInfo> {
  return selectBackend({
    candidates: backend ? [backend] : ['wasm', 'cpu'],
    loaders: nodeLoaders,
    forced: backend !== undefined,
  });
}
