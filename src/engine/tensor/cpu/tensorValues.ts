/**
 * A float32 tensor's values for a kernel that reads them at once: on the wasm backend a view of
 * TF.js's heap (no copy; valid only until the next TF.js call, which may grow the heap), else
 * dataSync (on the cpu backend that is the stored array itself, also without a copy).
 */
import * as tf from '@tensorflow/tfjs-core';

interface WasmBackendInternals {
  dataIdMap?: { get(id: object): { memoryOffset?: number | null } | undefined };
  wasm?: { HEAPU8?: Uint8Array };
}

export function valuesNow(x: tf.Tensor): Float32Array {
  if (x.dtype !== 'float32') return Float32Array.from(x.dataSync());
  if (tf.getBackend() === 'wasm') {
    const backend = tf.backend() as unknown as WasmBackendInternals;
    const offset = backend.dataIdMap?.get(x.dataId)?.memoryOffset;
    const heap = backend.wasm?.HEAPU8;
    if (typeof offset === 'number' && heap && offset % 4 === 0) return new Float32Array(heap.buffer, heap.byteOffset + offset, x.size);
  }
  return x.dataSync() as Float32Array;
}
