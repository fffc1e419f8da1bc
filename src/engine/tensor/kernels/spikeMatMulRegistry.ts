/**
 * Which backends have a sparse matmul for spike inputs (../cpu/spikeMatMul.ts). Program asks
 * `spikeMatMulFor(tf.getBackend())` for the Linear/Affine layers whose input is spikes (see
 * `spikeSources` in ../program/program.ts); where none is registered the layer stays a dense
 * tf.matMul.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from '../runtime/backend';

export interface SpikeMatMulOptions {
  /** Also give the gradient to x (a hidden layer's input); the dataset's input needs none. */
  inputGrad: boolean;
}

/** y = x·Wᵀ for x [M, K] (mostly zeros) and W [O, K] (NIR's (out, in)), one autodiff op. */
export type SpikeMatMul = (x: tf.Tensor2D, w: tf.Tensor2D, options: SpikeMatMulOptions) => tf.Tensor2D;

const kernels = new Map<BackendName, SpikeMatMul>();

export function registerSpikeMatMul(backend: BackendName, kernel: SpikeMatMul): void {
  kernels.set(backend, kernel);
}

export function spikeMatMulFor(backend: string): SpikeMatMul | undefined {
  return kernels.get(backend as BackendName);
}
