/**
 * Which backends have a first-layer matmul that reads the dataset's bits directly
 * (../data/packedBatch.ts) instead of a float32 unpack: `bitMatMulFor(tf.getBackend())`, undefined
 * where none is registered (then the caller unpacks with `batch()` and multiplies floats).
 * Registered for 'webgpu' by ../webgpu/bitMatMulRegister.ts (WGSL, ../webgpu/bitMatMul.ts) and for
 * 'wasm' and 'cpu' by ../cpu/register.ts (sparse rows + SIMD sums, ../cpu/bitMatMul.ts).
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from '../runtime/backend';

/**
 * y [M, O] = x·Wᵀ for binary x [M, F] given as words int32 [M, ⌈F/32⌉] (bit f mod 32 of word
 * ⌊f/32⌋ of row m is x[m, f]; padding bits 0) and W [O, F] float32 (NIR's (out, in)). One
 * autodiff op whose gradient goes to W only:
 *   ∂W[o, f] = Σ_{m : x[m,f] = 1} dy[m, o]
 * The words need not outlive the call: the op keeps what its backward needs.
 */
export type BitMatMul = (words: tf.Tensor2D, F: number, weight: tf.Tensor2D) => tf.Tensor2D;

const kernels = new Map<BackendName, BitMatMul>();

export function registerBitMatMul(backend: BackendName, kernel: BitMatMul): void {
  kernels.set(backend, kernel);
}

export function bitMatMulFor(backend: string): BitMatMul | undefined {
  return kernels.get(backend as BackendName);
}
