/**
 * The first-layer matmul on bit-packed spikes for the CPU backends (wasm, cpu): y = x·Wᵀ for
 * binary x [M, F] given as words int32 [M, W = ⌈F/32⌉] (bit f mod 32 of word ⌊f/32⌋ of row m is
 * x[m, f]; ../kernels/packedBatch.ts) and W [O, F] float32 (NIR's (out, in)).
 *
 *   forward   y[m, :] = Σ_{f : x[m,f] = 1} Wᵀ[f, :]          (a sum of rows of Wᵀ, in rising f)
 *   backward  ∂W[:, f] = Σ_{m : x[m,f] = 1} dy[m, :]          (to W only; x is data)
 *
 * The words become the CSR rows of ./spikeMatMul.ts (`SparseRows`, all values 1) by a bit scan,
 * one step per set bit (count trailing zeros as 31 − clz32(v & −v)), never touching the zeros; then
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
import { simdKernels } from './simdKernels';
import { MAX_DENSITY, simdRowKernel, sparseForward, SparseRowsBuilder, sparseWeightGrad, transposed, type SparseRows } from './spikeMatMul';
import { int32ValuesNow, tensorOfView, valuesNow } from './tensorValues';

/**
 * CSR rows of the set bits of words [M, ⌈F/32⌉] (bits at f ≥ F are ignored); null when there are
 * more than maxNnz of them.
 */
export function wordRows(words: Int32Array, M: number, F: number, maxNnz: number): SparseRows | null {
  const W = wordsPerRow(F);
  const tailMask = F % 32 === 0 ? -1 : (1 << (F % 32)) - 1;
  const rows = new SparseRowsBuilder(M, F, maxNnz, false);
  for (let m = 0; m < M; m++) {
    const base = m * W;
    for (let w = 0; w < W; w++) {
      let bits = words[base + w];
      if (w === W - 1) bits &= tailMask;
      while (bits !== 0) {
        if (!rows.add(32 * w + 31 - Math.clz32(bits & -bits))) return null;
        bits &= bits - 1;
      }
    }
    rows.endRow(m);
  }
  return rows.rows();
}

export function bitMatMul(words: tf.Tensor2D, F: number, weight: tf.Tensor2D, options: { simd?: boolean; maxDensity?: number } = {}): tf.Tensor2D {
  const [M, W] = words.shape;
  const [O, Fw] = weight.shape;
  if (Fw !== F || W !== wordsPerRow(F) || words.dtype !== 'int32') {
    throw new SpikelabError('INTERNAL', `Bit matmul of words ${words.dtype} [${M}, ${W}] (F = ${F}) with W [${O}, ${Fw}]: needs int32 words [M, ⌈F/32⌉] and W [O, F].`,
      'This is a bug in the program runner.');
  }
  const bits = int32ValuesNow(words);
  const rows = wordRows(bits, M, F, Math.floor((options.maxDensity ?? MAX_DENSITY.binary) * M * F));
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
