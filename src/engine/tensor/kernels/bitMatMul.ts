/**
 * The bit-matmul contract: a first-layer matmul that reads the dataset's bits directly
 * (./packedBatch.ts) instead of a float32 unpack. Registered as op 'bitMatMul' in ./registry.ts:
 * WGSL on webgpu (../webgpu/bitMatMul.ts), sparse rows + SIMD sums on wasm and cpu
 * (../cpu/bitMatMul.ts). Where none is registered the caller unpacks with `batch()` and multiplies
 * floats.
 */
import type * as tf from '@tensorflow/tfjs-core';

/**
 * y [M, O] = x·Wᵀ for binary x [M, F] given as words int32 [M, ⌈F/32⌉] (bit f mod 32 of word
 * ⌊f/32⌋ of row m is x[m, f]; padding bits 0) and W [O, F] float32 (NIR's (out, in)). One
 * autodiff op whose gradient goes to W only:
 *   ∂W[o, f] = Σ_{m : x[m,f] = 1} dy[m, o]
 * The words need not outlive the call: the op keeps what its backward needs.
 */
export type BitMatMul = (words: tf.Tensor2D, F: number, weight: tf.Tensor2D) => tf.Tensor2D;
