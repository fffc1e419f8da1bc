/**
 * Op 'conv2dNchw' of ../../kernels/registry.ts on the CPU path (../../kernels/conv2dNchw.ts): four
 * TF.js kernels of its own, registered for 'wasm' and 'cpu' by ../register.ts, over the
 * computations of ./convNchwCompute.ts:
 *
 *   SpikelabConv2DNchw                y = b + x ⊛ w       (x NCHW, w OIHW, padding inside)
 *   SpikelabConv2DNchwBackpropInput   ∂x
 *   SpikelabConv2DNchwBackpropFilter  ∂w
 *   SpikelabConv2DNchwBiasGrad        ∂b[co] = Σ_{n, oh, ow} dy[n, co, oh, ow]
 *
 * The gradient has one function per input, so the tape runs only those it needs (a first layer,
 * whose x is the data, never runs the dense ∂x). Where the SIMD modules cannot run (no WebAssembly
 * SIMD) the op is the plain one (../../kernels/plain/conv2dNchw.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Conv2dNchw, Pads2d } from '../../kernels/conv2dNchw';
import { plainConv2dNchw } from '../../kernels/plain/conv2dNchw';
import { convGeometry, type ConvGeometry } from './convGeometry';
import { convNchwBiasGrad, convNchwFilterGrad, convNchwForward, convNchwInputGrad, convNchwModule } from './convNchwCompute';
import type { TensorIo } from './tensorIo';

const CONV = 'SpikelabConv2DNchw';
const INPUT_GRAD = 'SpikelabConv2DNchwBackpropInput';
const FILTER_GRAD = 'SpikelabConv2DNchwBackpropFilter';
const BIAS_GRAD = 'SpikelabConv2DNchwBiasGrad';

type Strides = [number, number];

/** The geometry of x [N, Ci, H, W] ⊛ w [Co, Ci, KH, KW] (in convGeometry's NHWC / HWIO terms). */
function geometry(xShape: number[], wShape: number[], attrs: tf.NamedAttrMap): ConvGeometry {
  const [N, Ci, H, W] = xShape;
  const [Co, Cw, KH, KW] = wShape;
  return convGeometry([N, H, W, Ci], [KH, KW, Cw, Co], attrs.strides as Strides, attrs.pads as Pads2d);
}

let gradientRegistered = false;

/** Registers the four kernels for `backendName` (and, once, the gradient of the forward). */
export function registerConvNchwKernels(backendName: 'wasm' | 'cpu', io: TensorIo): void {
  tf.registerKernel({
    kernelName: CONV, backendName, kernelFunc: ({ inputs, backend, attrs }) => {
      const g = geometry(inputs.x!.shape, inputs.filter!.shape, attrs!);
      const out = io.output(backend, [g.N, g.Co, g.OH, g.OW]);
      const bias = inputs.bias ? io.read(backend, inputs.bias) : null;
      convNchwForward(g, io.read(backend, inputs.x!), io.read(backend, inputs.filter!), bias, out.values, io.arena(backend));
      return out.info;
    },
  });
  tf.registerKernel({
    kernelName: INPUT_GRAD, backendName, kernelFunc: ({ inputs, backend, attrs }) => {
      const g = geometry(attrs!.inputShape as number[], inputs.filter!.shape, attrs!);
      const out = io.output(backend, attrs!.inputShape as number[]);
      convNchwInputGrad(g, io.read(backend, inputs.dy!), io.read(backend, inputs.filter!), out.values, io.arena(backend));
      return out.info;
    },
  });
  tf.registerKernel({
    kernelName: FILTER_GRAD, backendName, kernelFunc: ({ inputs, backend, attrs }) => {
      const g = geometry(inputs.x!.shape, attrs!.filterShape as number[], attrs!);
      const out = io.output(backend, attrs!.filterShape as number[]);
      convNchwFilterGrad(g, io.read(backend, inputs.x!), io.read(backend, inputs.dy!), out.values, io.arena(backend));
      return out.info;
    },
  });
  tf.registerKernel({
    kernelName: BIAS_GRAD, backendName, kernelFunc: ({ inputs, backend }) => {
      const [N, Co, OH, OW] = inputs.dy!.shape;
      const out = io.output(backend, [Co]);
      convNchwBiasGrad(io.read(backend, inputs.dy!), N, Co, OH * OW, out.values);
      return out.info;
    },
  });
  if (gradientRegistered) return;
  gradientRegistered = true;
  tf.registerGradient({
    kernelName: CONV, inputsToSave: ['x', 'filter'],
    gradFunc: (dy, [x, filter], attrs) => {
      const conv = { strides: attrs.strides, pads: attrs.pads };
      return {
        x: () => tf.engine().runKernel(INPUT_GRAD, { dy: dy as tf.Tensor, filter }, { ...conv, inputShape: x.shape }) as tf.Tensor,
        filter: () => tf.engine().runKernel(FILTER_GRAD, { x, dy: dy as tf.Tensor }, { ...conv, filterShape: filter.shape }) as tf.Tensor,
        bias: () => tf.engine().runKernel(BIAS_GRAD, { dy: dy as tf.Tensor }, {}) as tf.Tensor,
      };
    },
  });
}

/** Op 'conv2dNchw' on a CPU backend whose kernels read and write through `io`. */
export function conv2dNchwCpu(io: TensorIo): Conv2dNchw {
  return (spec) => (x, weight, bias) => {
    const [N, Ci, H, W] = x.shape;
    const [Co, , KH, KW] = weight.shape;
    const g = convGeometry([N, H, W, Ci], [KH, KW, Ci, Co], spec.strides, spec.pads);
    if (!convNchwModule(g, io.arena(tf.backend()))) return plainConv2dNchw(x, weight, bias, { ...spec, dilations: [1, 1], groups: 1 });
    const f32 = <T extends tf.Tensor>(t: T) => (t.dtype === 'float32' ? t : tf.cast(t, 'float32'));
    const inputs: tf.NamedTensorMap = { x: f32(x), filter: f32(weight) };
    if (bias) inputs.bias = f32(bias);
    return tf.engine().runKernel(CONV, inputs, { strides: spec.strides, pads: spec.pads }) as tf.Tensor4D;
  };
}
