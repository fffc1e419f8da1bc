/**
 * A split run through the network in batches (forward only): the mean loss, the accuracy and
 * the confusion counts (true class × predicted output, argmax of the loss's logits). Between
 * batches it awaits the caller's `between` (where a worker yields to its event loop and reports
 * progress) and stops, returning null, once `signal` aborts.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { EvaluationResult, TaskProgress, TrainConfig, TrainingData } from '../../train/types';
import { tidyObject } from '../runtime/tfTyping';
import type { Program } from '../program/program';
import { logitsOf, lossValue } from './losses';

export interface EvaluationOptions {
  batchSize: number;
  /** Progress reported as 'testing' (an epoch's end) or 'evaluating' (asked for). */
  phase?: 'testing' | 'evaluating';
  signal?: AbortSignal;
  between?(progress: TaskProgress): Promise<void> | void;
}

/** The split's samples 0 … n−1 as a time-major float batch and int32 labels. */
function hostBatch(program: Program, data: TrainingData, indices: number[]): { x: tf.Tensor; labels: tf.Tensor1D } {
  const x = tf.tensor(data.batch(indices), [data.T, indices.length, ...program.inputShape]);
  const labels = tf.tensor1d(Int32Array.from(indices, (i) => data.labels[i]), 'int32');
  return { x, labels };
}

export async function evaluateSplit(program: Program, data: TrainingData, config: Pick<TrainConfig, 'loss' | 'smoothing'>,
  options: EvaluationOptions): Promise<EvaluationResult | null> {
  const batchSize = Math.max(1, Math.floor(options.batchSize));
  const rows = data.classes;
  let cols = rows;
  let confusion = new Uint32Array(rows * cols);
  let lossSum = 0;
  let correct = 0;
  const total = Math.ceil(data.n / batchSize);
  for (let b = 0, start = 0; start < data.n; b++, start += batchSize) {
    if (options.signal?.aborted) return null;
    const indices = Array.from({ length: Math.min(batchSize, data.n - start) }, (_, i) => start + i);
    const { x, labels } = hostBatch(program, data, indices);
    let loss: tf.Scalar;
    let predicted: tf.Tensor1D;
    let outputs: number;
    try {
      ({ loss, predicted, outputs } = tidyObject(() => {
        const { output } = program.forward(x);
        const logits = logitsOf(output, config.loss, program.readoutScale);
        const l = tf.mul(lossValue(output, labels, config.loss, { smoothing: config.smoothing, readoutScale: program.readoutScale }), indices.length) as tf.Scalar;
        return { loss: l, predicted: tf.argMax(logits, 1) as tf.Tensor1D, outputs: logits.shape[1] };
      }));
    } finally {
      tf.dispose([x, labels]);
    }
    const [l, p] = await Promise.all([loss.data(), predicted.data()]);
    tf.dispose([loss, predicted]);
    if (outputs > cols) {
      const wider = new Uint32Array(rows * outputs);
      for (let r = 0; r < rows; r++) wider.set(confusion.subarray(r * cols, (r + 1) * cols), r * outputs);
      confusion = wider;
      cols = outputs;
    }
    lossSum += l[0];
    for (let i = 0; i < indices.length; i++) {
      const truth = data.labels[indices[i]];
      if (p[i] === truth) correct++;
      if (truth < rows) confusion[truth * cols + p[i]]++;
    }
    await options.between?.({ phase: options.phase ?? 'evaluating', done: b + 1, total });
  }
  return { loss: lossSum / Math.max(data.n, 1), accuracy: correct / Math.max(data.n, 1), n: data.n, rows, cols, confusion };
}
