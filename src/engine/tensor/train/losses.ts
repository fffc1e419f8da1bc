/**
 * Losses over a readout trace y [T, B, K] and labels [B] (docs/specs/spyx.md §2.4):
 *  - integral_ce (Spyx integral_crossentropy): logits = Σ_t y_t; L = mean_b −Σ_k ỹ_k log_softmax(logits)_k
 *    with ỹ = (1 − s)·onehot + s/K (label smoothing s; Spyx default 0.3; equals
 *    torch CrossEntropyLoss(label_smoothing = s)). On spike outputs this is the spike-count CE.
 *  - spike_count_ce: the same formula named for spiking readouts (counts as logits).
 *  - max_membrane_ce: logits = max_t y_t (the max-over-time readout of snnTorch tutorials).
 *  - mse_spikerate (Spyx mse_spikerate): r = mean_t y_t; target = ỹ·sparsity·T; L = mean (r − target)².
 * accuracy: argmax of the same logits against the label.
 */
import * as tf from '@tensorflow/tfjs-core';
import { kernelFor } from '../kernels/registry';

import type { LossName } from '../../train/losses/index';
export type { LossName };

export interface LossOptions {
  smoothing?: number;
  sparsity?: number;
}

export function logitsOf(trace: tf.Tensor, loss: LossName): tf.Tensor2D {
  const [T, B] = trace.shape;
  const flat = tf.reshape(trace, [T, B, -1]);
  if (loss === 'max_membrane_ce') return tf.max(flat, 0) as tf.Tensor2D;
  if (loss === 'mse_spikerate') return tf.mean(flat, 0) as tf.Tensor2D;
  const sumOverTime = kernelFor('sumOverTime');
  return (sumOverTime ? sumOverTime(flat) : tf.sum(flat, 0)) as tf.Tensor2D;
}

function smoothed(labels: tf.Tensor1D, classes: number, smoothing: number): tf.Tensor2D {
  return tf.add(tf.mul(tf.oneHot(labels, classes), 1 - smoothing), smoothing / classes) as tf.Tensor2D;
}

export function lossValue(trace: tf.Tensor, labels: tf.Tensor1D, loss: LossName, options: LossOptions = {}): tf.Scalar {
  const logits = logitsOf(trace, loss);
  const classes = logits.shape[1];
  if (loss === 'mse_spikerate') {
    const target = tf.mul(smoothed(labels, classes, options.smoothing ?? 0), (options.sparsity ?? 0.25) * trace.shape[0]);
    return tf.mean(tf.square(tf.sub(logits, target)));
  }
  const target = smoothed(labels, classes, options.smoothing ?? 0.3);
  return tf.mean(tf.neg(tf.sum(tf.mul(target, tf.logSoftmax(logits)), 1)));
}

/** Number of correct predictions in the batch (argmax of the loss's logits). */
export function correctCount(trace: tf.Tensor, labels: tf.Tensor1D, loss: LossName): tf.Scalar {
  return tf.sum(tf.cast(tf.equal(tf.argMax(logitsOf(trace, loss), 1), labels), 'float32'));
}
