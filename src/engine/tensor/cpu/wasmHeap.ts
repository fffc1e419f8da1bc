/**
 * The wasm backend's heap view (op 'heapView' of ../kernels/registry.ts, read by ./tensorValues.ts):
 * a tensor's bytes where tfjs-backend-wasm keeps them, without a copy. The view is valid only
 * until the next TF.js call, which may grow (and so move) the heap.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** The Emscripten heap, which the typings of BackendWasm['wasm'] leave out. */
type WasmModule = BackendWasm['wasm'] & { HEAPU8?: Uint8Array };

/** A view of the heap starting at x's 4-byte-aligned data, or null where it has none. */
export function wasmHeapBytes(x: tf.Tensor): Uint8Array | null {
  const backend = tf.backend() as BackendWasm;
  const offset = backend.dataIdMap?.get(x.dataId)?.memoryOffset;
  const heap = (backend.wasm as WasmModule | undefined)?.HEAPU8;
  if (typeof offset !== 'number' || !heap || offset % 4 !== 0) return null;
  return new Uint8Array(heap.buffer, heap.byteOffset + offset, x.size * 4);
}
