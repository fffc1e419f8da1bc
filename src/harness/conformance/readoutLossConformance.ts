/**
 * Conformance of the readout loss (op 'readoutLoss' of src/engine/tensor/kernels/registry.ts,
 * equations in ../../engine/tensor/kernels/readoutLoss.ts; what ../../engine/tensor/train/losses.ts's
 * lossAndCorrect runs): the loss, the correct count and ∂L/∂y of every cross-entropy readout (sum,
 * mean, max; with and without the gain scale; smoothing 0 and 0.3) against the same formulas in
 * float64 here. B = 70 spans more than one pass of the 64 lanes that reduce over the batch; one
 * max case has a binary trace, whose maxima tie over many steps (every tied step takes the
 * gradient, as tf.max's). Passes when loss and gradient are within 1e-5 of their largest magnitude
 * and the count is exact.
 */
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32 } from '../../engine/core/rng';
import { kernelFor } from '../../engine/tensor/kernels/registry';
import type { ReadoutReduction } from '../../engine/tensor/kernels/readoutLoss';
import { lossAndCorrect, type LossName } from '../../engine/tensor/train/losses';
import { relativeError } from './maxError';

export interface ReadoutLossCaseResult {
  backend: string;
  name: string;
  kernel: 'registered' | 'tfjs';
  ok: boolean;
  lossErr: number;
  gradErr: number;
  correct: { got: number; want: number };
}

interface Case { name: string; loss: LossName; reduction: ReadoutReduction; scaled: boolean; smoothing: number; T: number; B: number; K: number; binary?: boolean }

const CASES: Case[] = [
  { name: 'integral_ce s0.3', loss: 'integral_ce', reduction: 'sum', scaled: false, smoothing: 0.3, T: 9, B: 70, K: 5 },
  { name: 'mean_membrane_ce scaled', loss: 'mean_membrane_ce', reduction: 'mean', scaled: true, smoothing: 0, T: 9, B: 70, K: 5 },
  { name: 'max_membrane_ce B3', loss: 'max_membrane_ce', reduction: 'max', scaled: false, smoothing: 0.3, T: 6, B: 3, K: 4 },
  { name: 'norm_max_membrane_ce scaled', loss: 'norm_max_membrane_ce', reduction: 'max', scaled: true, smoothing: 0.1, T: 9, B: 70, K: 5 },
  { name: 'spike_count_ce ties', loss: 'spike_count_ce', reduction: 'sum', scaled: false, smoothing: 0, T: 12, B: 20, K: 10, binary: true },
  { name: 'max_membrane_ce ties', loss: 'max_membrane_ce', reduction: 'max', scaled: false, smoothing: 0, T: 12, B: 20, K: 10, binary: true },
];

/** loss, correct count and ∂L/∂y of one case in float64 (kernels/readoutLoss.ts). */
function reference(c: Case, y: Float32Array, labels: Int32Array, scale: Float32Array) {
  const { T, B, K } = c;
  const rows = B * K;
  const reduced = new Float64Array(rows);
  for (let j = 0; j < rows; j++) {
    let acc = c.reduction === 'max' ? -Infinity : 0;
    for (let t = 0; t < T; t++) acc = c.reduction === 'max' ? Math.max(acc, y[t * rows + j]) : acc + y[t * rows + j];
    reduced[j] = c.reduction === 'mean' ? acc / T : acc;
  }
  const dReduced = new Float64Array(rows);
  let loss = 0;
  let correct = 0;
  for (let b = 0; b < B; b++) {
    const logits = Array.from({ length: K }, (_, k) => reduced[b * K + k] * (c.scaled ? scale[k] : 1));
    const top = Math.max(...logits);
    const lse = Math.log(logits.reduce((s, l) => s + Math.exp(l - top), 0));
    if (logits.indexOf(top) === labels[b]) correct++;
    for (let k = 0; k < K; k++) {
      const target = (k === labels[b] ? 1 - c.smoothing : 0) + c.smoothing / K;
      const logSoftmax = logits[k] - top - lse;
      loss -= (target * logSoftmax) / B;
      dReduced[b * K + k] = ((c.scaled ? scale[k] : 1) * (Math.exp(logSoftmax) - target)) / B;
    }
  }
  const grad = new Float64Array(T * rows);
  for (let i = 0; i < grad.length; i++) {
    const j = i % rows;
    grad[i] = c.reduction === 'max' ? (y[i] === reduced[j] ? dReduced[j] : 0) : c.reduction === 'mean' ? dReduced[j] / T : dReduced[j];
  }
  return { loss, correct, grad };
}

export async function runReadoutLossConformance(backend: string): Promise<ReadoutLossCaseResult[]> {
  const results: ReadoutLossCaseResult[] = [];
  for (const [index, c] of CASES.entries()) {
    const draw = mulberry32(31 + index);
    const y = Float32Array.from({ length: c.T * c.B * c.K }, () => (c.binary ? (draw.uniform() < 0.3 ? 1 : 0) : draw.uniform() * 4 - 2));
    const labels = Int32Array.from({ length: c.B }, () => Math.floor(draw.uniform() * c.K));
    const scale = Float32Array.from({ length: c.K }, () => 0.5 + draw.uniform());
    const want = reference(c, y, labels, scale);
    const trace = tf.tensor3d(y, [c.T, c.B, c.K]);
    const labelTensor = tf.tensor1d(labels, 'int32');
    const scaleTensor = tf.tensor1d(scale);
    try {
      const options = { smoothing: c.smoothing, readoutScale: c.scaled ? scaleTensor : undefined };
      let correct: tf.Scalar | undefined;
      const { value, grads } = tf.tidy(() => tf.valueAndGrads((t: tf.Tensor) => {
        const figures = lossAndCorrect(t, labelTensor, c.loss, options);
        correct = tf.keep(figures.correct);
        return figures.loss;
      })([trace]));
      const [loss, grad, count] = await Promise.all([value.data(), grads[0].data(), correct!.data()]);
      tf.dispose([value, ...grads, correct!]);
      const lossErr = Math.abs(loss[0] - want.loss) / Math.max(Math.abs(want.loss), 1e-12);
      const gradErr = relativeError(grad, want.grad);
      results.push({
        backend, name: c.name, kernel: kernelFor('readoutLoss') ? 'registered' : 'tfjs',
        ok: lossErr <= 1e-5 && gradErr <= 1e-5 && count[0] === want.correct, lossErr, gradErr, correct: { got: count[0], want: want.correct },
      });
    } finally {
      tf.dispose([trace, labelTensor, scaleTensor]);
    }
  }
  return results;
}
