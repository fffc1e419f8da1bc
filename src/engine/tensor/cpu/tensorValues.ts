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
  const heap = wasmHeapBytes(x);
  if (heap) return new Float32Array(heap.buffer, heap.byteOffset, x.size);
  return x.dataSync() as Float32Array;
}

/**
 * The same for an int32 tensor (bit-packed words: every bit kept, where a float32 copy would round
 * values past 2²⁴).
 */
export function int32ValuesNow(x: tf.Tensor): Int32Array {
  if (x.dtype !== 'int32') return Int32Array.from(x.dataSync());
  const heap = wasmHeapBytes(x);
  if (heap) return new Int32Array(heap.buffer, heap.byteOffset, x.size);
  return x.dataSync() as Int32Array;
}

/** On the wasm backend, a view of the heap starting at x's 4-byte-aligned data; else null. */
function wasmHeapBytes(x: tf.Tensor): Uint8Array | null {
  if (tf.getBackend() !== 'wasm') return null;
  const backend = tf.backend() as unknown as WasmBackendInternals;
  const offset = backend.dataIdMap?.get(x.dataId)?.memoryOffset;
  const heap = backend.wasm?.HEAPU8;
  if (typeof offset !== 'number' || !heap || offset % 4 !== 0) return null;
  return new Uint8Array(heap.buffer, heap.byteOffset + offset, x.size * 4);
}
