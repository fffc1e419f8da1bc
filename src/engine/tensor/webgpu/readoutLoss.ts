/**
 * The readout loss for the webgpu backend (op 'readoutLoss', contract and equations in
 * ../kernels/readoutLoss.ts): three dispatches for the loss, its gradient and the correct count
 * (./programs/readoutLossPrograms.ts), where the TF.js ops of ../train/losses.ts queue about
 * twenty-four. One custom-gradient op over the trace; the count is a side output of the forward,
 * kept past the op's scope and handed back in the caller's. Nothing is read back.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ReadoutLoss } from '../kernels/readoutLoss';
import { customOp } from '../runtime/tfTyping';
import { runMultiOutput } from './multiOutput';
import { ReadoutLossGradProgram, ReadoutReduceProgram, SoftmaxCrossEntropyProgram } from './programs/readoutLossPrograms';
import { asTensor, webgpuBackend } from './webgpuBackend';

export const readoutLossWebgpu: ReadoutLoss = (trace, labels, { reduction, smoothing, scale }) => {
  const [T, B] = trace.shape;
  const rows = trace.size / T;
  const K = rows / B;
  const int = (value: number) => ({ type: 'int32', data: [value] });
  let kept: tf.Tensor | undefined;
  const fn = customOp((save, y: tf.Tensor) => {
    const backend = webgpuBackend();
    const flat = tf.reshape(y, [T * rows]);
    const reduced = asTensor(backend.runWebGPUProgram(new ReadoutReduceProgram(reduction, rows), [flat], 'float32', [int(T), int(rows)]));
    const [loss, correct, dReduced] = runMultiOutput(new SoftmaxCrossEntropyProgram(scale !== undefined), [[], [], [rows]],
      [reduced, tf.cast(labels, 'int32'), ...(scale ? [tf.reshape(scale, [K])] : [])],
      [int(B), int(K), { type: 'float32', data: [smoothing] }]).map(asTensor);
    kept = tf.keep(correct);
    save(reduction === 'max' ? [dReduced, flat, reduced] : [dReduced]);
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const grad = backend.runWebGPUProgram(new ReadoutLossGradProgram(reduction, T, rows), [dy, ...saved], 'float32', [int(T), int(rows)]);
      return [tf.reshape(asTensor(grad), trace.shape)];
    };
    return { value: loss as tf.Scalar, gradFunc };
  });
  const loss = fn(trace) as tf.Scalar;
  const correct = tf.clone(kept!) as tf.Scalar;
  kept!.dispose();
  return { loss, correct };
};
