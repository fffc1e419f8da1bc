/**
 * Where the conv and pool SIMD modules (./convSimd.ts, ./poolSimd.ts) run: a WebAssembly memory
 * and scratch regions in it. On the wasm backend that memory is TF.js's own heap (./tensorIo.ts),
 * so tensors are read and written in place; elsewhere it is one memory of this folder's own, whose
 * scratch is reused from call to call (no allocation per training step). Scratch is valid until
 * `reset`; an `alloc` may grow the memory, which detaches every view made before it, so callers
 * keep byte offsets (`locate`) and make their views after the last `alloc` (`view`).
 */

export interface SimdArena {
  memory: WebAssembly.Memory;
  /** A 16-byte-aligned region of `bytes`, as a byte offset into memory. */
  alloc(bytes: number): number;
  /** Frees every region allocated since the last reset. */
  reset(): void;
}

let own: SimdArena | null = null;

/** The folder's own memory, scratch allocated bump by bump from 0. */
export function ownArena(): SimdArena {
  if (own) return own;
  const memory = new WebAssembly.Memory({ initial: 1 });
  let top = 0;
  own = {
    memory,
    alloc(bytes) {
      const at = top;
      top = Math.ceil((at + bytes) / 16) * 16;
      const have = memory.buffer.byteLength;
      if (top > have) memory.grow(Math.ceil((top - have) / 65536));
      return at;
    },
    reset() {
      top = 0;
    },
  };
  return own;
}

/** The byte offset of `a` when it lies in the arena's memory (so it is used in place), else null. */
export function locate(arena: SimdArena, a: Float32Array): number | null {
  return a.buffer === arena.memory.buffer ? a.byteOffset : null;
}

/** A fresh view of `length` floats at byte offset `at` of the arena's memory. */
export function view(arena: SimdArena, at: number, length: number): Float32Array {
  return new Float32Array(arena.memory.buffer, at, length);
}
