/**
 * The spike-matmul contract: a sparse matmul for the Linear/Affine layers whose input is spikes
 * (`Program.spikeMatMuls`, ../program/program.ts). Registered as op 'spikeMatMul' in ./registry.ts
 * on wasm and cpu (../cpu/spikeMatMul.ts); where none is registered the layer stays a dense
 * tf.matMul.
 */
import type * as tf from '@tensorflow/tfjs-core';

export interface SpikeMatMulOptions {
  /** Also give the gradient to x (a hidden layer's input); the dataset's input needs none. */
  inputGrad: boolean;
}

/** y = x·Wᵀ for x [M, K] (mostly zeros) and W [O, K] (NIR's (out, in)), one autodiff op. */
export type SpikeMatMul = (x: tf.Tensor2D, w: tf.Tensor2D, options: SpikeMatMulOptions) => tf.Tensor2D;
