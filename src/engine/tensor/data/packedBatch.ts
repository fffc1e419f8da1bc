/**
 * A training batch left as bits, for a first layer that reads them directly (../bitMatMul.ts)
 * instead of a float32 [T, B, F] unpack.
 *
 * Layout: words int32 [T·B, W = ⌈F/32⌉], row r = t·B + b (time-major, as the float batch), LSB
 * first: bit k of word w of row r, (words[r, w] >> k) & 1, is x[t, b, 32·w + k] of the float batch
 * `ResidentDataset.batch` gives for the same perm, offset, B and shifts. Padding bits
 * (32·w + k ≥ F) are 0. 1 bit per (t, b, f) against the float batch's 32.
 *
 * `hostPackedBatchWords` is the CPU backends' gather + pack (the 'host-bits' layout of
 * ./residentDataset.ts); `packFloatRows` / `unpackWordRows` are the plain JS conversions the tests
 * and the conformance suite compare against.
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

/**
 * Gather + pack on the host from the packed bytes [N, Tp = ⌈T/8⌉, F] (np.packbits order: step t at
 * bit 7 − t mod 8 of byte ⌊t/8⌋):
 *   out[(t·B + b)·W + ⌊f/32⌋] bit (f mod 32) = bit 7 − (t' mod 8) of packed[n, ⌊t'/8⌋, f'],
 *   n = order[b],  t' = t − Δt_b,  f' = f − Δf_b   (0 where t' ∉ [0, T) or f' ∉ [0, F)).
 * Each source byte is read once and its set bits (8 steps) scattered, so the cost is ~N·Tp·F byte
 * reads plus one write per spike, not T·B·F tests as the float unpack.
 */
export function hostPackedBatchWords(packed: Uint8Array, T: number, F: number, order: ArrayLike<number>, shifts: ArrayLike<number> | null): Int32Array {
  const B = order.length;
  const Tp = Math.ceil(T / 8);
  const W = wordsPerRow(F);
  const out = new Int32Array(T * B * W);
  for (let b = 0; b < B; b++) {
    const dt = shifts ? shifts[2 * b] : 0;
    const df = shifts ? shifts[2 * b + 1] : 0;
    const fsStart = Math.max(0, -df);
    const fsEnd = Math.min(F, F - df);
    for (let tb = 0; tb < Tp; tb++) {
      const row = (order[b] * Tp + tb) * F;
      for (let fs = fsStart; fs < fsEnd; fs++) {
        let byte = packed[row + fs];
        if (byte === 0) continue;
        const f = fs + df;
        const word = f >> 5;
        const mask = 1 << (f & 31);
        while (byte !== 0) {
          const p = 31 - Math.clz32(byte); // highest set bit: the earliest step left
          byte ^= 1 << p;
          const ts = 8 * tb + 7 - p;
          const t = ts + dt;
          if (ts < T && t >= 0 && t < T) out[(t * B + b) * W + word] |= mask;
        }
      }
    }
  }
  return out;
}

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
