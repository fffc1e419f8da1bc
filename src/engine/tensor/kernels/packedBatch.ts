/**
 * The packed-batch contract: a training batch left as bits, for a first layer that reads them
 * directly (./bitMatMul.ts) instead of a float32 [T, B, F] unpack.
 *
 * Layout: words int32 [T·B, W = ⌈F/32⌉], row r = t·B + b (time-major, as the float batch), LSB
 * first: bit k of word w of row r, (words[r, w] >> k) & 1, is x[t, b, 32·w + k] of the float batch
 * `ResidentDataset.batch` gives for the same perm, offset, B and shifts. Padding bits
 * (32·w + k ≥ F) are 0. 1 bit per (t, b, f) against the float batch's 32.
 *
 * `ResidentDataset.packedBatch` (./residentDataset.ts) gives it on webgpu
 * (../webgpu/residentWords.ts) and on wasm and cpu (../cpu/hostBits.ts); `packFloatRows` /
 * `unpackWordRows` are the plain JS conversions the CPU kernels, the tests and the conformance
 * suite use.
 */
import type * as tf from '@tensorflow/tfjs-core';

export interface PackedBatch {
  /** int32 [T·B, W = ⌈F/32⌉], row t·B + b, feature f at bit f mod 32 of word ⌊f/32⌋. */
  words: tf.Tensor2D;
  T: number;
  B: number;
  F: number;
  /** [B] int32 labels. */
  y: tf.Tensor1D;
}

/** Words per row for F features. */
export const wordsPerRow = (F: number): number => Math.ceil(F / 32);

/** Packs rows of 0/1 floats x [R, F] into words [R, ⌈F/32⌉] (any non-zero counts as 1). */
export function packFloatRows(x: ArrayLike<number>, R: number, F: number): Int32Array {
  const W = wordsPerRow(F);
  const out = new Int32Array(R * W);
  for (let r = 0; r < R; r++) {
    for (let f = 0; f < F; f++) if (x[r * F + f] !== 0) out[r * W + (f >> 5)] |= 1 << (f & 31);
  }
  return out;
}

/** The inverse: words [R, ⌈F/32⌉] to 0/1 floats [R, F] (padding bits ignored). */
export function unpackWordRows(words: ArrayLike<number>, R: number, F: number): Float32Array {
  const W = wordsPerRow(F);
  const out = new Float32Array(R * F);
  for (let r = 0; r < R; r++) {
    for (let f = 0; f < F; f++) out[r * F + f] = (words[r * W + (f >> 5)] >>> (f & 31)) & 1;
  }
  return out;
}
