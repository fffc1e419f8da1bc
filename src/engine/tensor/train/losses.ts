/**
 * Losses over a readout trace y [T, B, K] and labels [B] (docs/specs/spyx.md §2.4, docs/training.md),
 * with ỹ = (1 − s)·onehot + s/K (label smoothing s; Spyx default 0.3; equals
 * torch CrossEntropyLoss(label_smoothing = s)) and G_k the readout population's DC gain
 * (../../train/readoutGain.ts; LI: g/(1 − β), CubaLI: g_in·g_cur/((1 − α)(1 − β)); 1 for spikes):
 *  - mean_membrane_ce (default): logits = (1/T)·Σ_t y_t / G; L = mean_b −Σ_k ỹ_k log_softmax(logits)_k.
 *    Does not grow with T or the readout's gain: starts near ln K.
 *  - integral_ce (Spyx integral_crossentropy): logits = Σ_t y_t; the same L. On spike outputs this
 *    is the spike-count CE; on a membrane readout it grows with T·G.
 *  - spike_count_ce: the same formula named for spiking readouts (counts as logits).
 *  - max_membrane_ce: logits = max_t y_t (the max-over-time readout of snnTorch tutorials).
 *  - norm_max_membrane_ce: logits = max_t y_t / G.
 *  - mse_spikerate (Spyx mse_spikerate): r = mean_t y_t; target = ỹ·sparsity·T; L = mean (r − target)².
 * accuracy: argmax of the same logits against the label. `readoutScale` is 1/G [K] (the program's
 * Program.readoutScale); without it the gain-normalised losses take G = 1. A backend with a
 * 'readoutLoss' kernel (../kernels/readoutLoss.ts) computes the cross-entropies, their gradient and
 * the correct count in a few programs of its own (`lossAndCorrect`); the ops below are the reference.
 */
import * as tf from '@tensorflow/tfjs-core';
import { SpikelabError } from '../../core/errors';
import { isGainNormalised, LOSSES, type LossName } from '../../train/losses/index';
import { kernelFor } from '../kernels/registry';

export type { LossName };

/** A readout already summed over its T steps (Program.forwardIntegrated): Σ_t y_t, [B, ...]. */
export interface TimeSummed {
  sum: tf.Tensor;
  T: number;
}

/** The readout a loss reads: the trace [T, B, ...], or its time sum. */
export type Readout = tf.Tensor | TimeSummed;

/** Whether the loss reads only Σ_t of the readout (mean or sum over time), so a time sum serves it. */
export const readsTimeSum = (loss: LossName): boolean => LOSSES[loss].readout !== 'max';

const stepsOf = (trace: Readout): number => (trace instanceof tf.Tensor ? trace.shape[0] : trace.T);

export interface LossOptions {
  smoothing?: number;
  sparsity?: number;
  /** 1/G per readout value, for the gain-normalised losses. */
  readoutScale?: tf.Tensor;
}

export function logitsOf(trace: Readout, loss: LossName, readoutScale?: tf.Tensor): tf.Tensor2D {
  const scaled = (reduced: tf.Tensor2D): tf.Tensor2D => (readoutScale && isGainNormalised(loss) ? tf.mul(reduced, readoutScale) : reduced);
  if (!(trace instanceof tf.Tensor)) {
    if (!readsTimeSum(loss)) throw new SpikelabError('INTERNAL', `The loss ${loss} reads the readout's maximum over time, not its sum.`, 'Pass the readout trace (Program.forward) for this loss.');
    const flat = tf.reshape(trace.sum, [trace.sum.shape[0], -1]) as tf.Tensor2D;
    return scaled(LOSSES[loss].readout === 'mean' ? tf.div<tf.Tensor2D>(flat, trace.T) : flat);
  }
  const [T, B] = trace.shape;
  const flat = tf.reshape(trace, [T, B, -1]);
  const reduced = (() => {
    if (loss === 'max_membrane_ce' || loss === 'norm_max_membrane_ce') return tf.max(flat, 0);
    if (loss === 'mse_spikerate' || loss === 'mean_membrane_ce') return tf.mean(flat, 0);
    const sumOverTime = kernelFor('sumOverTime');
    return sumOverTime ? sumOverTime(flat) : tf.sum(flat, 0);
  })() as tf.Tensor2D;
  return scaled(reduced);
}

function smoothed(labels: tf.Tensor1D, classes: number, smoothing: number): tf.Tensor2D {
  return tf.add(tf.mul(tf.oneHot(labels, classes), 1 - smoothing), smoothing / classes) as tf.Tensor2D;
}

/** The backend's fused kernel for this loss (every cross-entropy), if it has one. */
const fusedLoss = (loss: LossName) => (loss === 'mse_spikerate' ? undefined : kernelFor('readoutLoss'));

/** The loss and the batch's correct count, by the backend's fused kernel where it has one for this loss. */
export function lossAndCorrect(trace: Readout, labels: tf.Tensor1D, loss: LossName, options: LossOptions = {}): { loss: tf.Scalar; correct: tf.Scalar } {
  const fused = trace instanceof tf.Tensor ? fusedLoss(loss) : undefined;
  if (!fused) return { loss: opsLoss(trace, labels, loss, options), correct: correctCount(trace, labels, loss, options.readoutScale) };
  const scale = options.readoutScale && isGainNormalised(loss) ? options.readoutScale : undefined;
  return fused(trace as tf.Tensor, labels, { reduction: LOSSES[loss].readout, smoothing: options.smoothing ?? 0.3, scale });
}

export function lossValue(trace: Readout, labels: tf.Tensor1D, loss: LossName, options: LossOptions = {}): tf.Scalar {
  if (!fusedLoss(loss) || !(trace instanceof tf.Tensor)) return opsLoss(trace, labels, loss, options); // the count would be computed for nothing
  const { loss: value, correct } = lossAndCorrect(trace, labels, loss, options);
  correct.dispose();
  return value;
}

function opsLoss(trace: Readout, labels: tf.Tensor1D, loss: LossName, options: LossOptions): tf.Scalar {
  const logits = logitsOf(trace, loss, options.readoutScale);
  const classes = logits.shape[1];
  if (loss === 'mse_spikerate') {
    const target = tf.mul(smoothed(labels, classes, options.smoothing ?? 0), (options.sparsity ?? 0.25) * stepsOf(trace));
    return tf.mean(tf.square(tf.sub(logits, target)));
  }
  const target = smoothed(labels, classes, options.smoothing ?? 0.3);
  return tf.mean(tf.neg(tf.sum(tf.mul(target, tf.logSoftmax(logits)), 1)));
}

/** Number of correct predictions in the batch (argmax of the loss's logits). */
export function correctCount(trace: Readout, labels: tf.Tensor1D, loss: LossName, readoutScale?: tf.Tensor): tf.Scalar {
  return tf.sum(tf.cast(tf.equal(tf.argMax(logitsOf(trace, loss, readoutScale), 1), labels), 'float32'));
}
