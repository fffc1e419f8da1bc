/**
 * tf.reshape without the copy TF.js makes for its gradient: under a gradient tape every Reshape
 * saves its input for the backward (only to read its shape), and saving clones the tensor, which
 * on the wasm backend copies all of it (72 MB for W1's input, twice per step). As one custom-
 * gradient op the forward shares the data (a reshape is a view) and the backward reshapes dy
 * back to the input's shape, which is known here.
 */
import * as tf from '@tensorflow/tfjs-core';
import { customOp } from '../../runtime/tfTyping';

export function reshapeUntaped<R extends tf.Rank = tf.Rank>(x: tf.Tensor, shape: number[]): tf.Tensor<R> {
  const from = x.shape;
  if (from.length === shape.length && from.every((d, i) => d === shape[i])) return x as tf.Tensor<R>;
  const fn = customOp((_save, input: tf.Tensor) => ({
    value: tf.reshape(input, shape),
    gradFunc: (dy: tf.Tensor) => tf.reshape(dy, from),
  }));
  return fn(x) as tf.Tensor<R>;
}
