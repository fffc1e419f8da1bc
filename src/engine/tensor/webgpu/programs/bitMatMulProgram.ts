/**
 * The WGSL programs of the first-layer matmul on bit-packed spikes (../bitMatMul.ts):
 * x [M, F] binary, given as words int32 [M, W = ⌈F/32⌉] with x[m, f] = (words[m, ⌊f/32⌋] >> (f mod 32)) & 1
 * (../../kernels/packedBatch.ts; bits at f ≥ F are masked off here, so padding never reads past W).
 * Uniforms of both: rows M, rowWords W, features F, outputs O.
 */
import { FlatProgram } from './program';

const MASKED_BITS = `
        fn maskedWord(m : i32, w : i32) -> u32 {
          var bits = bitcast<u32>(words[m * uniforms.rowWords + w]);
          let tail = uniforms.features & 31;
          if (w == uniforms.rowWords - 1 && tail != 0) { bits = bits & ((1u << u32(tail)) - 1u); }
          return bits;
        }`;

/**
 * Forward, one invocation per output value:
 *   y[m, o] = Σ_{f : x[m,f] = 1} wt[f, o],   wt = Wᵀ float32 [F, O]
 * Only the set bits are visited (countTrailingZeros, then clear the lowest bit), in rising f.
 * Inputs: words int32 [M, W], wt float32 [F, O] (transposed so that neighbouring invocations, o
 * fastest, read neighbouring floats). Output: result float32 [M, O].
 */
export class BitMatMulProgram extends FlatProgram {
  variableNames = ['words', 'wt'];
  uniforms = 'rows : i32, rowWords : i32, features : i32, outputs : i32,';

  constructor(rows: number, outputs: number) {
    super([rows, outputs], rows * outputs, 'spikelab_bit_matmul');
  }

  getUserCode(): string {
    return `${MASKED_BITS}
      fn main(index : i32) {
        let O = uniforms.outputs;
        if (index >= uniforms.rows * O) { return; }
        let o = index % O;
        let m = index / O;
        var acc = 0.0;
        for (var w = 0; w < uniforms.rowWords; w++) {
          var bits = maskedWord(m, w);
          loop {
            if (bits == 0u) { break; }
            let f = 32 * w + i32(countTrailingZeros(bits));
            acc = acc + wt[f * O + o];
            bits = bits & (bits - 1u);
          }
        }
        result[index] = acc;
      }`;
  }
}

/**
 * Weight gradient in gather form (WGSL has no float atomics), one invocation per (chunk, o, f),
 * f fastest:
 *   partial[c, o, f] = Σ_{m ∈ [c·R, min((c + 1)·R, M)) : x[m,f] = 1} dy[m, o]
 *   ∂W[o, f] = Σ_c partial[c, o, f]     (tf.sum over c by the caller when there are several chunks)
 * Splitting the rows into chunks of R (uniform chunkRows) keeps enough invocations in flight when
 * O·F is small against M. Neighbouring invocations share the word and the dy value they read.
 * Inputs: words int32 [M, W], dy float32 [M, O]. Output: result float32 [C, O, F], C = ⌈M/R⌉.
 */
export class BitWeightGradProgram extends FlatProgram {
  variableNames = ['words', 'dy'];
  uniforms = 'rows : i32, rowWords : i32, features : i32, outputs : i32, chunkRows : i32,';

  constructor(chunks: number, outputs: number, features: number) {
    super([chunks, outputs, features], chunks * outputs * features, 'spikelab_bit_weight_grad');
  }

  getUserCode(): string {
    return `
      fn main(index : i32) {
        let F = uniforms.features;
        let O = uniforms.outputs;
        let R = uniforms.chunkRows;
        let M = uniforms.rows;
        if (index >= ((M + R - 1) / R) * O * F) { return; }
        let f = index % F;
        let o = (index / F) % O;
        let c = index / (F * O);
        let w = f >> 5u;
        let bit = u32(f & 31);
        var acc = 0.0;
        let end = min(M, (c + 1) * R);
        for (var m = c * R; m < end; m++) {
          if (((bitcast<u32>(words[m * uniforms.rowWords + w]) >> bit) & 1u) != 0u) {
            acc = acc + dy[m * O + o];
          }
        }
        result[index] = acc;
      }`;
  }
}
