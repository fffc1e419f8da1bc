/**
 * Two gaps in TF.js's typings, each closed once here so that no kernel needs a double cast
 * through unknown:
 *  - tf.customGrad types its function as (...inputs: Array<Tensor | GradSaveFunc>) => …, so a
 *    function of named, ranked tensors is refused. `customOp` takes the save function first and the
 *    tensors after it, and returns an op typed by those tensors. (TF.js passes save last; the
 *    wrapper moves it.)
 *  - tf.tidy returns only a TensorContainer, whose object form has an index signature that an
 *    interface (a layer's value and record) lacks. `tidyObject` keeps the object's own type.
 */
import * as tf from '@tensorflow/tfjs-core';

/** What the function of a custom op returns: its value and the gradients of its inputs (one per input, in order). */
export interface CustomOpResult<R extends tf.Tensor> {
  value: R;
  /** `dy` is the upstream gradient, shaped as value (so a kernel may type it as value's rank). */
  gradFunc: (dy: never, saved: tf.Tensor[]) => tf.Tensor | tf.Tensor[];
}

/** tf.customGrad for `f(save, ...inputs)`: one autodiff op over `inputs`. */
export function customOp<A extends tf.Tensor[], R extends tf.Tensor>(f: (save: tf.GradSaveFunc, ...inputs: A) => CustomOpResult<R>): (...inputs: A) => R {
  const op = (...args: Array<tf.Tensor | tf.GradSaveFunc>) => f(args[args.length - 1] as tf.GradSaveFunc, ...(args.slice(0, -1) as A));
  return tf.customGrad(op as Parameters<typeof tf.customGrad<R>>[0]);
}

/** tf.tidy for a function returning an object of tensors: every tensor it holds survives the scope. */
export function tidyObject<T extends object>(fn: () => T): T {
  return tf.tidy(fn as () => tf.TensorContainerObject) as T;
}
