/**
 * The first-layer matmul on bit-packed spikes for the CPU backends (wasm, cpu): y = x·Wᵀ for
 * binary x [M, F] given as words int32 [M, W = ⌈F/32⌉] (bit f mod 32 of word ⌊f/32⌋ of row m is
 * x[m, f]; ../kernels/packedBatch.ts) and W [O, F] float32 (NIR's (out, in)).
 *
 *   forward   y[m, :] = Σ_{f : x[m,f] = 1} Wᵀ[f, :]          (a sum of rows of Wᵀ, in rising f)
 *   backward  ∂W[:, f] = Σ_{m : x[m,f] = 1} dy[m, :]          (to W only; x is data)
 *
 * The words become the CSR rows of ./spikeMatMul.ts (`SparseRows`, all values 1) by a bit scan,
 * one step per set bit, never touching the zeros (in the SIMD bit module, ./bitKernels.ts countRows
 * and fillRows with i32.popcnt and i32.ctz; else in JS, trailing zeros as 31 − clz32(v & −v)); then
 * the same sums run: in the WebAssembly SIMD module (./simdKernels.ts, float32, 4 lanes) when O is
 * a multiple of 4, else in JS (float64). The rows are kept in the closure for the backward, so the
 * op holds ~4 bytes per spike instead of the float batch's 4 bytes per (m, f).
 * Above MAX_DENSITY.binary of ones the sums would cost more than a dense matmul, so the words are
 * unpacked and the product goes to tf.matMul (same values, same gradient).
 */
import * as tf from '@tensorflow/tfjs-core';
import { SpikelabError } from '../../core/errors';
import { unpackWordRows, wordsPerRow } from '../kernels/packedBatch';
import { customOp } from '../runtime/tfTyping';
import { align16, bitKernels, tailMask, type BitKernels } from './bitKernels';
import { simdKernels } from './simdKernels';
import { MAX_DENSITY, simdRowKernel, sparseForward, SparseRowsBuilder, sparseWeightGrad, transposed, type SparseRows } from './spikeMatMul';
import { int32ValuesNow, tensorOfView, valuesNow } from './tensorValues';

/**
 * CSR rows of the set bits of words [M, ⌈F/32⌉] (bits at f ≥ F are ignored); null when there are
 * more than maxNnz of them.
 */
export function wordRows(words: Int32Array, M: number, F: number, maxNnz: number): SparseRows | null {
  const W = wordsPerRow(F);
  const tail = tailMask(F);
  const rows = new SparseRowsBuilder(M, F, maxNnz, false);
  for (let m = 0; m < M; m++) {
    const base = m * W;
    for (let w = 0; w < W; w++) {
      let bits = words[base + w];
      if (w === W - 1) bits &= tail;
      while (bits !== 0) {
        if (!rows.add(32 * w + 31 - Math.clz32(bits & -bits))) return null;
        bits &= bits - 1;
      }
    }
    rows.endRow(m);
  }
  return rows.rows();
}

/**
 * wordRows in the SIMD bit module: the words are copied into its memory, counted row by row, the
 * columns filled, and both arrays copied back out. undefined when its memory cannot grow (the JS
 * scan runs then). withBias: every row ends with column F, an input that is always on (K = F + 1).
 */
export function wordRowsSimd(k: BitKernels, words: Int32Array, M: number, F: number, maxNnz: number, withBias = false): SparseRows | null | undefined {
  const W = wordsPerRow(F);
  const extra = withBias ? F : -1;
  const rs = align16(M * W * 4);
  const colsAt = rs + align16((M + 1) * 4);
  if (!k.reserve(colsAt)) return undefined;
  new Int32Array(k.memory.buffer, 0, M * W).set(words.subarray(0, M * W));
  const nnz = k.countRows(0, M, W, tailMask(F), rs, extra);
  if (nnz > maxNnz) return null;
  if (!k.reserve(colsAt + nnz * 4 + 16)) return undefined; // fillRows may store one column past the last
  k.fillRows(0, M, W, tailMask(F), colsAt, extra);
  const ints = new Int32Array(k.memory.buffer);
  return { M, K: withBias ? F + 1 : F, rowStart: ints.slice(rs / 4, rs / 4 + M + 1), cols: ints.slice(colsAt / 4, colsAt / 4 + nnz), vals: null, nnz };
}

let rowKernels: BitKernels | null | undefined;

/** The bit module instance that turns words into rows (its own memory), or null without WebAssembly SIMD. */
function wordRowKernels(): BitKernels | null {
  if (rowKernels === undefined) rowKernels = typeof WebAssembly === 'undefined' ? null : bitKernels();
  return rowKernels;
}

export function bitMatMul(words: tf.Tensor2D, F: number, weight: tf.Tensor2D, options: { simd?: boolean; maxDensity?: number } = {}): tf.Tensor2D {
  const [M, W] = words.shape;
  const [O, Fw] = weight.shape;
  if (Fw !== F || W !== wordsPerRow(F) || words.dtype !== 'int32') {
    throw new SpikelabError('INTERNAL', `Bit matmul of words ${words.dtype} [${M}, ${W}] (F = ${F}) with W [${O}, ${Fw}]: needs int32 words [M, ⌈F/32⌉] and W [O, F].`,
      'This is a bug in the program runner.');
  }
  const bits = int32ValuesNow(words);
  const maxNnz = Math.floor((options.maxDensity ?? MAX_DENSITY.binary) * M * F);
  const k = options.simd === false ? null : wordRowKernels();
  const fast = k ? wordRowsSimd(k, bits, M, F, maxNnz) : undefined;
  const rows = fast === undefined ? wordRows(bits, M, F, maxNnz) : fast;
  if (!rows) return tf.tidy(() => tf.matMul(tf.tensor2d(unpackWordRows(bits, M, F), [M, F]), weight, false, true));
  const kernels = options.simd === false ? null : simdKernels();
  const simd = kernels && O % 4 === 0 ? kernels : null;
  const fn = customOp((_save, wIn: tf.Tensor2D) => {
    const wt = transposed(wIn.dataSync(), O, F);
    const value = (simd ? tensorOfView(simdRowKernel(simd, rows, O, false, wt), [M, O]) : tf.tensor2d(sparseForward(rows, wt, O), [M, O], 'float32')) as tf.Tensor2D;
    const gradFunc = (dy: tf.Tensor) => {
      const g = valuesNow(dy);
      const dW = simd ? transposed(simdRowKernel(simd, rows, O, true, g), F, O) : sparseWeightGrad(rows, g, O);
      return [tf.tensor2d(dW, [O, F], 'float32')];
    };
    return { value, gradFunc };
  });
  return fn(weight);
}
