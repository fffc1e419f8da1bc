/**
 * A float32 tensor's values for a kernel that reads them at once: where the backend registers a
 * heap view (op 'heapView' of ../kernels/registry.ts: wasm, ./wasmHeap.ts) a view of TF.js's own
 * memory (no copy; valid only until the next TF.js call, which may grow the heap), else dataSync
 * (on the cpu backend that is the stored array itself, also without a copy).
 */
import * as tf from '@tensorflow/tfjs-core';
import { kernelFor } from '../kernels/registry';

export function valuesNow(x: tf.Tensor): Float32Array {
  if (x.dtype !== 'float32') return Float32Array.from(x.dataSync());
  const heap = kernelFor('heapView')?.(x);
  if (heap) return new Float32Array(heap.buffer, heap.byteOffset, x.size);
  return x.dataSync() as Float32Array;
}

/**
 * The same for an int32 tensor (bit-packed words: every bit kept, where a float32 copy would round
 * values past 2²⁴).
 */
export function int32ValuesNow(x: tf.Tensor): Int32Array {
  if (x.dtype !== 'int32') return Int32Array.from(x.dataSync());
  const heap = kernelFor('heapView')?.(x);
  if (heap) return new Int32Array(heap.buffer, heap.byteOffset, x.size);
  return x.dataSync() as Int32Array;
}

/**
 * A float32 (or, for an Int32Array, int32) tensor of `values` that their owner will overwrite later (a view of a reused scratch
 * memory): where the backend keeps its tensors in a heap of its own (op 'heapView': wasm) tf.tensor
 * copies them there at once, so the view is passed as it is; elsewhere (the cpu backend keeps the
 * very array it is given) a copy is made first.
 */
export function tensorOfView(values: Float32Array | Int32Array, shape: number[]): tf.Tensor {
  return tf.tensor(kernelFor('heapView') ? values : values.slice(), shape, values instanceof Int32Array ? 'int32' : 'float32');
}
