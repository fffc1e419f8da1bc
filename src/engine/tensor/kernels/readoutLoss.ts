/**
 * The readout loss as one op (op 'readoutLoss' of ./registry.ts): the cross-entropy losses of
 * ../train/losses.ts over a readout trace y [T, B, K] and labels [B], with the batch's correct
 * count from the same logits, and the gradient ∂L/∂y. With ỹ = (1 − s)·onehot + s/K (label
 * smoothing s) and scale σ_k (1/G_k for the gain-normalised losses, else 1):
 *   reduced   r[b, k] = Σ_t y[t, b, k]  |  (1/T)·Σ_t y[t, b, k]  |  max_t y[t, b, k]     (sum | mean | max)
 *   logits    l[b, k] = σ_k·r[b, k]
 *   loss      L = (1/B)·Σ_b −Σ_k ỹ[b, k]·(l[b, k] − max_j l[b, j] − log Σ_j exp(l[b, j] − max_j l[b, j]))
 *   correct   Σ_b [argmax_k l[b, k] = label_b]   (the first maximum)
 *   gradient  ∂L/∂r[b, k] = σ_k·(softmax(l[b])_k − ỹ[b, k])/B, then ∂L/∂y[t, b, k] = ∂L/∂r[b, k] (sum),
 *             /T (mean), or at every t where y[t, b, k] = r[b, k] (max: the ties, as tf.max's gradient)
 * the same values as ../train/losses.ts's TF.js ops (lossValue, correctCount) to float32
 * rounding. Where no backend kernel is registered those ops run.
 */
import type * as tf from '@tensorflow/tfjs-core';

export type ReadoutReduction = 'sum' | 'mean' | 'max';

export interface ReadoutLossOptions {
  reduction: ReadoutReduction;
  /** Label smoothing s in [0, 1). */
  smoothing: number;
  /** σ [K], or none for 1. */
  scale?: tf.Tensor;
}

/** loss: a scalar differentiable with respect to the trace; correct: a scalar count, no gradient. */
export type ReadoutLoss = (trace: tf.Tensor, labels: tf.Tensor1D, options: ReadoutLossOptions) => { loss: tf.Scalar; correct: tf.Scalar };
