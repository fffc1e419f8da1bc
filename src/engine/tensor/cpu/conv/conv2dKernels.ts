/**
 * conv2d on the CPU path as TF.js kernels of their own (registered for 'wasm' and 'cpu' by
 * ../register.ts, which also registers `conv2dCpu` as op 'conv2d' of ../../kernels/registry.ts):
 *
 *   SpikelabConv2D                 y = x ⊛ filter          (NHWC, HWIO, valid padding, dilation 1)
 *   SpikelabConv2DBackpropInput    ∂x = the transposed convolution of dy
 *   SpikelabConv2DBackpropFilter   ∂filter[kh, kw, ci, co] = Σ_{n, oh, ow} x[n, oh·sh + kh, ow·sw + kw, ci]·dy[n, oh, ow, co]
 *
 * (./convCompute.ts). The gradient is registered as TF.js registers its own: one function
 * per input, which the tape calls only for the inputs that need it, so the first layer, whose x is
 * the data, never computes the dense ∂x. Values are read and written in the backend's own memory
 * (./tensorIo.ts). Gradients of the gradients are not registered.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { KernelTypes } from '../../kernels/registry';
import { convGeometry } from './convGeometry';
import { convFilterGrad, convForward, convInputGrad } from './convCompute';
import type { TensorIo } from './tensorIo';

const CONV = 'SpikelabConv2D';
const CONV_INPUT_GRAD = 'SpikelabConv2DBackpropInput';
const CONV_FILTER_GRAD = 'SpikelabConv2DBackpropFilter';

type Strides = [number, number];

let gradientRegistered = false;

/** Registers the three kernels for `backendName` (and, once, the gradient of the forward). */
export function registerConv2dKernels(backendName: 'wasm' | 'cpu', io: TensorIo): void {
  tf.registerKernel({
    kernelName: CONV, backendName, kernelFunc: ({ inputs, backend, attrs }) => {
      const g = convGeometry(inputs.x!.shape, inputs.filter!.shape, attrs!.strides as Strides);
      const out = io.output(backend, [g.N, g.OH, g.OW, g.Co]);
      convForward(g, io.read(backend, inputs.x!), io.read(backend, inputs.filter!), out.values, io.arena(backend));
      return out.info;
    },
  });
  tf.registerKernel({
    kernelName: CONV_INPUT_GRAD, backendName, kernelFunc: ({ inputs, backend, attrs }) => {
      const g = convGeometry(attrs!.inputShape as number[], inputs.filter!.shape, attrs!.strides as Strides);
      const out = io.output(backend, [g.N, g.H, g.W, g.Ci]);
      convInputGrad(g, io.read(backend, inputs.dy!), io.read(backend, inputs.filter!), out.values, io.arena(backend));
      return out.info;
    },
  });
  tf.registerKernel({
    kernelName: CONV_FILTER_GRAD, backendName, kernelFunc: ({ inputs, backend, attrs }) => {
      const g = convGeometry(inputs.x!.shape, attrs!.filterShape as number[], attrs!.strides as Strides);
      const out = io.output(backend, [g.KH, g.KW, g.Ci, g.Co]);
      convFilterGrad(g, io.read(backend, inputs.x!), io.read(backend, inputs.dy!), out.values, io.arena(backend));
      return out.info;
    },
  });
  if (gradientRegistered) return;
  gradientRegistered = true;
  tf.registerGradient({
    kernelName: CONV, inputsToSave: ['x', 'filter'],
    gradFunc: (dy, [x, filter], attrs) => ({
      x: () => tf.engine().runKernel(CONV_INPUT_GRAD, { dy: dy as tf.Tensor, filter }, { strides: attrs.strides, inputShape: x.shape }) as tf.Tensor,
      filter: () => tf.engine().runKernel(CONV_FILTER_GRAD, { x, dy: dy as tf.Tensor }, { strides: attrs.strides, filterShape: filter.shape }) as tf.Tensor,
    }),
  });
}

/** Op 'conv2d' of the registry: x [N, H, W, Ci] ⊛ filter [KH, KW, Ci, Co] at `strides`, valid padding. */
export const conv2dCpu: KernelTypes['conv2d'] = (strides) => (x, filter) => {
  const f32 = (t: tf.Tensor4D) => (t.dtype === 'float32' ? t : tf.cast(t, 'float32'));
  return tf.engine().runKernel(CONV, { x: f32(x), filter: f32(filter) }, { strides }) as tf.Tensor4D;
};
