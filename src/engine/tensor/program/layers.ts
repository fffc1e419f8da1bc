/**
 * Stateless NIR layers as TF.js ops over a leading "rows" axis M (T·B in multi-step mode, B in a
 * recurrent step), NIR's channel-first layout kept at the boundary:
 *   Affine   y = x·Wᵀ + b   (W is NIR's (out, in))        Linear  y = x·Wᵀ
 *   Scale    y = s ⊙ x
 *   Conv2d   torch.nn.Conv2d cross-correlation on (C, H, W): op 'conv2dNchw' where a backend has
 *            it (padding and bias inside), else NHWC (what every TF.js backend supports) with an
 *            explicit zero pad (../kernels/plain/conv2dNchw.ts); groups split the channels
 *   Conv1d   Conv2d over (C, 1, L)
 *   SumPool2d  window sum = avgPool·kH·kW over zero-padded input; AvgPool2d window mean, where
 *            zero padding counts in the mean (NIR leaves this open; torch's count_include_pad=True)
 *   Flatten  reshape (row-major, NIR/torch order)
 */
import * as tf from '@tensorflow/tfjs-core';
import { SpikelabError } from '../../core/errors';
import { reshapeUntaped } from '../kernels/plain/reshape';
import type { Pads2d } from '../kernels/conv2dNchw';
import { plainConv2dNchw } from '../kernels/plain/conv2dNchw';
import { kernelFor } from '../kernels/registry';
import type { Conv1dNode, Conv2dNode, NirNode, Pool2dNode } from '../../graph/types';

export interface LayerWeights {
  weight?: tf.Tensor;
  bias?: tf.Tensor;
  scale?: tf.Tensor;
}

/** [top, bottom, left, right]; 'same' as torch computes it for stride 1: total k_eff − 1, the extra on the far side. */
function convPads(node: Conv2dNode, kh: number, kw: number, dh: number, dw: number): Pads2d {
  if (node.padding === 'valid') return [0, 0, 0, 0];
  if (node.padding === 'same') {
    const th = dh * (kh - 1);
    const tw = dw * (kw - 1);
    return [Math.floor(th / 2), th - Math.floor(th / 2), Math.floor(tw / 2), tw - Math.floor(tw / 2)];
  }
  const [ph, pw = ph] = node.padding;
  return [ph, ph, pw, pw];
}

function conv2dNchw(x: tf.Tensor4D, node: Conv2dNode, weight: tf.Tensor, bias: tf.Tensor | undefined): tf.Tensor {
  const [, , kh, kw] = weight.shape;
  const [sh, sw] = node.stride;
  const [dh, dw] = node.dilation;
  if ((sh > 1 || sw > 1) && (dh > 1 || dw > 1)) {
    throw new SpikelabError('GRAPH_UNSUPPORTED', 'A convolution with both stride and dilation above 1 cannot run here.', 'Use stride 1 with dilation, or dilation 1 with stride.');
  }
  const spec = { strides: [sh, sw] as [number, number], pads: convPads(node, kh, kw, dh, dw) };
  // The CPU path's conv takes NCHW with the padding and bias inside (../cpu/conv/convNchwKernels.ts).
  const fused = node.groups === 1 && dh === 1 && dw === 1 ? kernelFor('conv2dNchw') : undefined;
  if (fused) return fused(spec)(x, weight as tf.Tensor4D, bias as tf.Tensor1D | undefined);
  return plainConv2dNchw(x, weight as tf.Tensor4D, bias as tf.Tensor1D | undefined, { ...spec, dilations: [dh, dw], groups: node.groups });
}

function conv1dAs2d(x: tf.Tensor, node: Conv1dNode, weight: tf.Tensor, bias: tf.Tensor | undefined): tf.Tensor {
  const [m, c, l] = x.shape;
  const as2d: Conv2dNode = {
    type: 'Conv2d',
    weight: node.weight,
    bias: node.bias,
    stride: [1, node.stride[0]],
    dilation: [1, node.dilation[0]],
    padding: node.padding === 'same' || node.padding === 'valid' ? node.padding : [0, node.padding[0]],
    groups: node.groups,
  };
  const [o, i, k] = weight.shape;
  const y = conv2dNchw(tf.reshape(x, [m, c, 1, l]), as2d, tf.reshape(weight, [o, i, 1, k]), bias);
  return tf.reshape(y, [m, y.shape[1]!, y.shape[3]!]);
}

function pool2d(x: tf.Tensor4D, node: Pool2dNode): tf.Tensor {
  const [kh, kw] = node.kernel_size;
  const [ph, pw] = node.padding;
  const kind = node.type === 'SumPool2d' ? 'sum' : 'avg';
  const channelFirst = kernelFor('pool2dNchw'); // the CPU path's loops on NCHW (../cpu/conv/poolNchwKernels.ts)
  if (channelFirst) return channelFirst(kind, [kh, kw], node.stride, [ph, pw])(x);
  let padded = tf.transpose(x, [0, 2, 3, 1]);
  if (ph > 0 || pw > 0) padded = tf.pad(padded, [[0, 0], [ph, ph], [pw, pw], [0, 0]]);
  let y = tf.avgPool(padded, [kh, kw], node.stride, 'valid');
  if (kind === 'sum') y = tf.mul(y, kh * kw);
  return tf.transpose(y, [0, 3, 1, 2]);
}

/** y = x·Wᵀ for x [M, in] and W [out, in]: the product of Affine and Linear layers. */
export type LinearMatMul = (x: tf.Tensor2D, weight: tf.Tensor2D) => tf.Tensor2D;
const denseMatMul: LinearMatMul = (x, weight) => tf.matMul(x, weight, false, true);

/**
 * Applies a stateless layer to x [M, ...inShape], giving [M, ...outShape]. `matMul` replaces the
 * dense product of Affine/Linear (Program passes the sparse spike matmul of ../cpu/ there).
 */
export function applyLayer(node: NirNode, x: tf.Tensor, w: LayerWeights, outShape: number[], matMul: LinearMatMul = denseMatMul): tf.Tensor {
  switch (node.type) {
    case 'Input':
    case 'Output':
      return x;
    case 'Affine':
    case 'Linear': {
      const [m] = x.shape;
      const inSize = w.weight!.shape[w.weight!.shape.length - 1];
      let y: tf.Tensor = matMul(reshapeUntaped(x, [m, inSize]), w.weight as tf.Tensor2D);
      if (node.type === 'Affine' && w.bias) y = tf.add(y, w.bias);
      return reshapeUntaped(y, [m, ...outShape]);
    }
    case 'Scale':
      return tf.mul(x, w.scale!);
    case 'Conv2d':
      return conv2dNchw(x as tf.Tensor4D, node, w.weight!, w.bias);
    case 'Conv1d':
      return conv1dAs2d(x, node, w.weight!, w.bias);
    case 'SumPool2d':
    case 'AvgPool2d':
      return pool2d(x as tf.Tensor4D, node);
    case 'Flatten':
      return tf.reshape(x, [x.shape[0], ...outShape]);
    default:
      throw new SpikelabError('INTERNAL', `${node.type} is not a stateless layer.`, 'This is a bug in the planner.');
  }
}
