/**
 * The spike non-linearity for TF.js autodiff: forward the strict Heaviside H(z) = [z > 0],
 * backward dy·g(z) with the chosen surrogate g (equations in src/engine/surrogates/*.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { SurrogateSpec } from '../../../surrogates/types';
import { customOp } from '../../runtime/tfTyping';

/** g(z) for surrogate `spec` as TF.js ops (must match SURROGATES[name].grad). */
export function surrogateGrad(z: tf.Tensor, spec: SurrogateSpec): tf.Tensor {
  const k = spec.slope;
  switch (spec.name) {
    case 'superspike':
      return tf.reciprocal(tf.square(tf.add(1, tf.mul(k, tf.abs(z)))));
    case 'spyx_arctan':
      return tf.reciprocal(tf.mul(Math.PI, tf.add(1, tf.square(tf.mul(k * Math.PI, z)))));
    case 'snntorch_atan':
      return tf.div(k / 2, tf.add(1, tf.square(tf.mul((Math.PI * k) / 2, z))));
    case 'sigmoid': {
      const s = tf.sigmoid(tf.mul(k, z));
      return tf.mul(k, tf.mul(s, tf.sub(1, s)));
    }
    case 'tanh':
      return tf.sub(1, tf.square(tf.tanh(tf.mul(k, z))));
    case 'boxcar':
      return tf.mul(k / 2, tf.cast(tf.less(tf.abs(z), 1 / k), 'float32'));
    case 'triangular':
      return tf.relu(tf.sub(1, tf.abs(tf.mul(k, z))));
    case 'straight_through':
      return tf.onesLike(z);
  }
}

/** S(z) for surrogate `spec` as TF.js ops (must match SURROGATES[name].primitive). */
export function surrogatePrimitive(z: tf.Tensor, spec: SurrogateSpec): tf.Tensor {
  const k = spec.slope;
  switch (spec.name) {
    case 'superspike':
      return tf.div(z, tf.add(1, tf.mul(k, tf.abs(z))));
    case 'spyx_arctan':
      return tf.div(tf.atan(tf.mul(k * Math.PI, z)), k * Math.PI * Math.PI);
    case 'snntorch_atan':
      return tf.div(tf.atan(tf.mul((Math.PI * k) / 2, z)), Math.PI);
    case 'sigmoid':
      return tf.sigmoid(tf.mul(k, z));
    case 'tanh':
      return tf.div(tf.tanh(tf.mul(k, z)), k);
    case 'boxcar':
      return tf.clipByValue(tf.mul(k / 2, z), -0.5, 0.5);
    case 'triangular': {
      const c = tf.clipByValue(z, -1 / k, 1 / k);
      return tf.sub(c, tf.mul(k / 2, tf.mul(c, tf.abs(c))));
    }
    case 'straight_through':
      return tf.clone(z);
  }
}

const cache = new Map<string, (z: tf.Tensor) => tf.Tensor>();

/** H(z) forward (S(z) when spec.smooth), surrogate backward; one function per surrogate, slope and mode. */
export function spikeFn(spec: SurrogateSpec): (z: tf.Tensor) => tf.Tensor {
  const key = `${spec.name}:${spec.slope}:${spec.smooth ? 'smooth' : 'step'}`;
  let fn = cache.get(key);
  if (!fn) {
    fn = customOp((save, z: tf.Tensor) => {
      save([z]);
      return {
        value: spec.smooth ? surrogatePrimitive(z, spec) : tf.cast(tf.greater(z, 0), 'float32'),
        gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.mul(dy, surrogateGrad(saved[0], spec)),
      };
    });
    cache.set(key, fn);
  }
  return fn;
}

/** The identity forward with no gradient backward (TF.js has no stopGradient op). */
export const detach = customOp((_save, x: tf.Tensor) => ({
  value: tf.clone(x),
  gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy),
}));
