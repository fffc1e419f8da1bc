/**
 * conv2d with a gradient that the wasm backend can compute. tfjs-backend-wasm 4.22 has no
 * Conv2DBackpropFilter kernel ("Kernel 'Conv2DBackpropFilter' not registered for backend
 * 'wasm'"), so convolutional networks could not train there. The filter gradient is the 3-d one
 * (which wasm has) over a depth of 1:
 *   ∂L/∂W[kh, kw, ci, co] = Σ_{n, oh, ow} x[n, oh·s_h + kh, ow·s_w + kw, ci] · dy[n, oh, ow, co]
 * and the input gradient is the usual transposed convolution. Valid padding (callers pad first),
 * dilation 1 (TF.js's own conv2d gradient has the same limit). Registered as op 'conv2d' for the
 * wasm backend (./register.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { KernelTypes } from '../kernels/registry';
import { customOp } from '../runtime/tfTyping';

type Conv = ReturnType<KernelTypes['conv2d']>;

const cache = new Map<string, Conv>();

export const conv2dWithWasmGradient: KernelTypes['conv2d'] = (strides) => {
  const key = strides.join('x');
  let fn = cache.get(key);
  if (!fn) {
    fn = customOp((save, x: tf.Tensor4D, filter: tf.Tensor4D) => {
      save([x, filter]);
      return {
        value: tf.conv2d(x, filter, strides, 'valid', 'NHWC'),
        gradFunc: (dy: tf.Tensor4D, [xs, fs]: tf.Tensor[]) => {
          const [n, h, w, ci] = xs.shape as [number, number, number, number];
          const [kh, kw, , co] = fs.shape;
          const [, oh, ow] = dy.shape;
          const dx = tf.conv2dTranspose(dy, fs as tf.Tensor4D, [n, h, w, ci], strides, 'valid');
          // Strides > 1: the same sum at stride 1 over dy dilated with zeros (wasm's strided 3-d
          // filter gradient gives wrong values) and x cropped to the rows that reach an output.
          const [sh, sw] = strides;
          const hd = (oh - 1) * sh + 1;
          const wd = (ow - 1) * sw + 1;
          const dilated = sh === 1 && sw === 1 ? dy : tf.slice(tf.reshape(
            tf.pad(tf.reshape(dy, [n, oh, 1, ow, 1, co]), [[0, 0], [0, 0], [0, sh - 1], [0, 0], [0, sw - 1], [0, 0]]),
            [n, oh * sh, ow * sw, co]), [0, 0, 0, 0], [n, hd, wd, co]);
          const cropped = tf.slice(xs, [0, 0, 0, 0], [n, hd + kh - 1, wd + kw - 1, ci]);
          const df = tf.engine().runKernel('Conv3DBackpropFilterV2',
            { x: tf.reshape(cropped, [n, 1, hd + kh - 1, wd + kw - 1, ci]), dy: tf.reshape(dilated, [n, 1, hd, wd, co]) },
            { strides: [1, 1, 1], pad: 'valid', filterShape: [1, kh, kw, ci, co] }) as tf.Tensor;
          return [dx, tf.reshape(df, [kh, kw, ci, co])];
        },
      };
    });
    cache.set(key, fn);
  }
  return fn;
};
