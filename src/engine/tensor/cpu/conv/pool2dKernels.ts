/**
 * Max, average and sum pooling on the CPU path (NHWC, valid padding) as TF.js kernels of their
 * own, with their gradient (./poolCompute.ts): SpikelabPool2D and SpikelabPool2DGrad, registered for
 * 'wasm' and 'cpu' by ../register.ts, which registers `pool2dCpu` as op 'pool2d' of
 * ../../kernels/registry.ts. tfjs-backend-wasm's MaxPoolGrad and AvgPoolGrad are generic loops
 * that take several times as long on a conv net's spike maps. Values are read and written in the
 * backend's own memory (./tensorIo.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { KernelTypes } from '../../kernels/registry';
import { poolBackward, poolForward } from './poolCompute';
import { poolGeometry, type PoolKind } from './poolLoops';
import type { TensorIo } from './tensorIo';

const POOL = 'SpikelabPool2D';
const POOL_GRAD = 'SpikelabPool2DGrad';

type Pair = [number, number];

let gradientRegistered = false;

export function registerPool2dKernels(backendName: 'wasm' | 'cpu', io: TensorIo): void {
  tf.registerKernel({
    kernelName: POOL, backendName, kernelFunc: ({ inputs, backend, attrs }) => {
      const kind = attrs!.kind as PoolKind;
      const g = poolGeometry(inputs.x!.shape, attrs!.kernel as Pair, attrs!.strides as Pair);
      const y = io.output(backend, [g.N, g.OH, g.OW, g.C]);
      const taps = kind === 'max' ? io.output(backend, [g.N, g.OH, g.OW, g.C]) : null;
      poolForward(g, kind, io.read(backend, inputs.x!), io.read(backend, y.info), taps && io.read(backend, taps.info), io.arena(backend));
      return taps ? [y.info, taps.info] : [y.info];
    },
  });
  tf.registerKernel({
    kernelName: POOL_GRAD, backendName, kernelFunc: ({ inputs, backend, attrs }) => {
      const kind = attrs!.kind as PoolKind;
      const g = poolGeometry(attrs!.inputShape as number[], attrs!.kernel as Pair, attrs!.strides as Pair);
      const dx = io.output(backend, attrs!.inputShape as number[]);
      poolBackward(g, kind, inputs.taps ? io.read(backend, inputs.taps) : null, io.read(backend, inputs.dy!), io.read(backend, dx.info), io.arena(backend));
      return dx.info;
    },
  });
  if (gradientRegistered) return;
  gradientRegistered = true;
  tf.registerGradient({
    kernelName: POOL, outputsToSave: [false, true],
    gradFunc: (dys, saved, attrs) => {
      const dy = Array.isArray(dys) ? dys[0] : dys; // max pooling: one dy per output, the taps' unused
      return { x: () => tf.engine().runKernel(POOL_GRAD, saved.length > 0 ? { dy, taps: saved[0] } : { dy }, attrs) as tf.Tensor };
    },
  });
}

/**
 * Op 'pool2d' of the registry: `kind` pooling of x [N, H, W, C] with windows `kernel` at
 * `strides`, valid padding. Max pooling's second output (the maxima's taps) is what its gradient
 * keeps, a quarter of x for 2×2 windows; the tape has its own copy, so it is freed here.
 */
export const pool2dCpu: KernelTypes['pool2d'] = (kind, kernel, strides) => (x) => {
  const input = x.dtype === 'float32' ? x : tf.cast(x, 'float32');
  const [y, taps] = tf.engine().runKernel(POOL, { x: input }, { kind, kernel, strides, inputShape: x.shape }) as tf.Tensor[];
  taps?.dispose();
  return y as tf.Tensor4D;
};
