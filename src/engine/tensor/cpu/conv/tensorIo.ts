/**
 * How the conv and pool kernels of this folder read their inputs, make their output and find a
 * memory for their SIMD modules, on each CPU backend, without copies where the backend allows:
 *  - wasm: views of tfjs-backend-wasm's heap, which is also the SIMD modules' memory (so tensors
 *    are read and written in place; scratch comes from the heap's malloc). The output is
 *    allocated first, since an allocation may grow the heap and so detach every view taken before.
 *  - cpu: the arrays tfjs-backend-cpu stores (readSync returns them as they are), a new array for
 *    the output, which the backend then keeps, and this folder's own memory (./simdArena.ts).
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { ownArena, type SimdArena } from './simdArena';

export interface TensorIo {
  /** A float32 output of `shape` and its values to fill; call before `read`. */
  output(backend: unknown, shape: number[]): { info: tf.TensorInfo; values: Float32Array };
  /** A float32 input's values, valid until the next TF.js call. */
  read(backend: unknown, info: tf.TensorInfo): Float32Array;
  /** Where the SIMD modules run. */
  arena(backend: unknown): SimdArena;
}

/** The Emscripten module's exports and allocator, which BackendWasm['wasm']'s typings leave out. */
type WasmModule = BackendWasm['wasm'] & { asm?: { memory?: WebAssembly.Memory }; _malloc(bytes: number): number; _free(at: number): void };

const heapArenas = new WeakMap<object, SimdArena>();

/** The wasm heap as an arena (malloc'd scratch, freed on reset); this folder's own memory where the heap is shared (threads). */
function heapArena(backend: BackendWasm): SimdArena {
  let arena = heapArenas.get(backend);
  if (arena) return arena;
  const wasm = backend.wasm as WasmModule;
  const memory = wasm.asm?.memory;
  if (!memory || !(memory.buffer instanceof ArrayBuffer)) return ownArena();
  const taken: number[] = [];
  arena = {
    memory,
    alloc(bytes) {
      const raw = wasm._malloc(bytes + 16) >>> 0;
      taken.push(raw);
      return Math.ceil(raw / 16) * 16;
    },
    reset() {
      for (const at of taken) wasm._free(at);
      taken.length = 0;
    },
  };
  heapArenas.set(backend, arena);
  return arena;
}

export const wasmTensorIo: TensorIo = {
  output(backend, shape) {
    const wasm = backend as BackendWasm;
    const info = wasm.makeOutput(shape, 'float32');
    return { info, values: wasm.typedArrayFromHeap(info) as Float32Array };
  },
  read: (backend, info) => (backend as BackendWasm).typedArrayFromHeap(info) as Float32Array,
  arena: (backend) => heapArena(backend as BackendWasm),
};

export const cpuTensorIo: TensorIo = {
  output(backend, shape) {
    const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
    return { info: (backend as MathBackendCPU).makeTensorInfo(shape, 'float32', values), values };
  },
  read: (backend, info) => (backend as MathBackendCPU).readSync(info.dataId) as Float32Array,
  arena: () => ownArena(),
};
