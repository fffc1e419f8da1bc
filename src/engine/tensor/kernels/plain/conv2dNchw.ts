/**
 * The plain channel-first conv2d (op 'conv2dNchw' of ../registry.ts where a backend has none, and
 * every grouped or dilated conv): x [N, Ci, H, W] to NHWC, tf.pad, the NHWC conv (op 'conv2d' of
 * the registry where the backend lacks TF.js's filter gradient, else tf.conv2d), each group apart,
 * the bias added, back to NCHW. Equations in ../conv2dNchw.ts; dilation d spreads the taps d apart.
 */
import * as tf from '@tensorflow/tfjs-core';
import { kernelFor } from '../registry';
import type { Conv2dNchwSpec } from '../conv2dNchw';

export interface PlainConv2dSpec extends Conv2dNchwSpec {
  dilations: [number, number];
  groups: number;
}

export function plainConv2dNchw(x: tf.Tensor4D, weight: tf.Tensor4D, bias: tf.Tensor1D | undefined, spec: PlainConv2dSpec): tf.Tensor4D {
  const [pt, pb, pl, pr] = spec.pads;
  const [dh, dw] = spec.dilations;
  let input = tf.transpose(x, [0, 2, 3, 1]);
  if (spec.pads.some((p) => p > 0)) input = tf.pad(input, [[0, 0], [pt, pb], [pl, pr], [0, 0]]);
  const filter = tf.transpose(weight, [2, 3, 1, 0]); // OIHW → HWIO
  const own = dh === 1 && dw === 1 ? kernelFor('conv2d') : undefined;
  const conv = own ? own(spec.strides) : (xi: tf.Tensor4D, fi: tf.Tensor4D) => tf.conv2d(xi, fi, spec.strides, 'valid', 'NHWC', [dh, dw]);
  let y: tf.Tensor4D;
  if (spec.groups === 1) {
    y = conv(input, filter);
  } else {
    const inputs = tf.split(input, spec.groups, 3);
    const filters = tf.split(filter, spec.groups, 3);
    y = tf.concat(inputs.map((xi, g) => conv(xi as tf.Tensor4D, filters[g] as tf.Tensor4D)), 3);
  }
  if (bias) y = tf.add(y, bias);
  return tf.transpose(y, [0, 3, 1, 2]);
}
