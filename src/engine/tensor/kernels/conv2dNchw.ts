/**
 * The channel-first conv and pool contracts: NIR's (and torch's) layout, in which the layers of
 * ../program/layers.ts hold their maps, taken as it is, with the zero padding and the conv's bias
 * inside the op, so no transpose, pad or bias add runs around it. Registered as ops 'conv2dNchw'
 * and 'pool2dNchw' in ./registry.ts on wasm and cpu (../cpu/conv/); where none is registered the
 * layer runs ./plain/conv2dNchw.ts (NHWC via transposes, tf.pad and op 'conv2d' or tf.conv2d).
 */
import type * as tf from '@tensorflow/tfjs-core';

/** Zero padding in rows and columns: [top, bottom, left, right]. */
export type Pads2d = [number, number, number, number];

export interface Conv2dNchwSpec {
  strides: [number, number];
  pads: Pads2d;
}

/**
 * torch.nn.Conv2d (groups 1, dilation 1): y [N, Co, OH, OW] for x [N, Ci, H, W], weight
 * [Co, Ci, KH, KW] (OIHW) and bias [Co] (optional),
 *   y[n, co, oh, ow] = b[co] + Σ_{ci, kh, kw} x[n, ci, oh·sh + kh − pt, ow·sw + kw − pl] · w[co, ci, kh, kw],
 * OH = ⌊(H + pt + pb − KH)/sh⌋ + 1 (columns alike), x zero outside its map; one autodiff op with
 * the gradients of x, weight and bias.
 */
export type Conv2dNchw = (spec: Conv2dNchwSpec) => (x: tf.Tensor4D, weight: tf.Tensor4D, bias?: tf.Tensor1D) => tf.Tensor4D;

/**
 * Sum or average pooling of x [N, C, H, W] with windows `kernel` at `strides` over x padded with
 * `pads` [rows, columns] of zeros on each side: y[n, c, oh, ow] = s·Σ_window x, s = 1 (sum) or
 * 1/(KH·KW) (avg: the zeros of the padding count, torch's count_include_pad); with its gradient.
 */
export type Pool2dNchw = (kind: 'avg' | 'sum', kernel: [number, number], strides: [number, number], pads: [number, number]) => (x: tf.Tensor4D) => tf.Tensor4D;
