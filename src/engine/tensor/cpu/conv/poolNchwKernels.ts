/**
 * Op 'pool2dNchw' of ../../kernels/registry.ts on the CPU path: sum and average pooling on NCHW,
 * the padding inside (./poolNchwLoops.ts), as two TF.js kernels of its own, SpikelabPool2DNchw and
 * SpikelabPool2DNchwGrad, registered for 'wasm' and 'cpu' by ../register.ts. The gradient keeps
 * nothing of the forward but shapes. Values are read and written in the backend's own memory
 * (./tensorIo.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Pool2dNchw } from '../../kernels/conv2dNchw';
import { poolNchwBackward, poolNchwForward, poolNchwGeometry } from './poolNchwLoops';
import type { TensorIo } from './tensorIo';

const POOL = 'SpikelabPool2DNchw';
const POOL_GRAD = 'SpikelabPool2DNchwGrad';

type Pair = [number, number];

const geometryOf = (shape: number[], attrs: tf.NamedAttrMap) =>
  poolNchwGeometry(shape, attrs.kind as 'avg' | 'sum', attrs.kernel as Pair, attrs.strides as Pair, attrs.pads as Pair);

let gradientRegistered = false;

export function registerPoolNchwKernels(backendName: 'wasm' | 'cpu', io: TensorIo): void {
  tf.registerKernel({
    kernelName: POOL, backendName, kernelFunc: ({ inputs, backend, attrs }) => {
      const [N, C] = inputs.x!.shape;
      const g = geometryOf(inputs.x!.shape, attrs!);
      const y = io.output(backend, [N, C, g.OH, g.OW]);
      poolNchwForward(g, io.read(backend, inputs.x!), y.values);
      return y.info;
    },
  });
  tf.registerKernel({
    kernelName: POOL_GRAD, backendName, kernelFunc: ({ inputs, backend, attrs }) => {
      const shape = attrs!.inputShape as number[];
      const dx = io.output(backend, shape);
      poolNchwBackward(geometryOf(shape, attrs!), io.read(backend, inputs.dy!), dx.values);
      return dx.info;
    },
  });
  if (gradientRegistered) return;
  gradientRegistered = true;
  tf.registerGradient({
    kernelName: POOL,
    gradFunc: (dy, _saved, attrs) => ({ x: () => tf.engine().runKernel(POOL_GRAD, { dy: dy as tf.Tensor }, attrs) as tf.Tensor }),
  });
}

export const pool2dNchwCpu: Pool2dNchw = (kind, kernel, strides, pads) => (x) => {
  const input = x.dtype === 'float32' ? x : tf.cast(x, 'float32');
  return tf.engine().runKernel(POOL, { x: input }, { kind, kernel, strides, pads, inputShape: x.shape }) as tf.Tensor4D;
};
