/**
 * The fused neuron scan for the WebGPU backend: one forward dispatch over all T steps that saves
 * the state the backward needs (membranes; ../kernels/scanLayout.ts), one elementwise dispatch
 * deriving the spikes from it, and one reverse-time backward dispatch giving dx, dβ and dα
 * (kernels in ../kernels/scan*Program.ts; equations in ./types.ts). It meets the NeuronScan
 * contract of ./plainScan.ts to float32 tolerance (e2e/gpu-conformance.spec.ts checks every
 * variant and surrogate). Gradients flow to x, β and (synaptic) α, as the contract says; the other
 * parameters are constants of the layer. The recorded membrane is for plots and carries no
 * gradient (the output itself does). Nothing is read back to the CPU.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ScanBackwardProgram } from '../kernels/scanBackwardProgram';
import { ScanForwardProgram } from '../kernels/scanForwardProgram';
import { ScanSpikesProgram } from '../kernels/scanSpikesProgram';
import { scanLayout } from '../kernels/scanLayout';
import { asTensor, webgpuBackend } from '../kernels/webgpuBackend';
import { packedParams } from './packedParams';
import type { NeuronScan, ScanResult } from './types';

type Uniform = { type: string; data: number[] };

export const fusedScan: NeuronScan = (x, params, spec, options = {}) => {
  const backend = webgpuBackend();
  const [T, B, N] = x.shape;
  const lanes = B * N;
  const layout = scanLayout(spec);
  const sizes: Uniform[] = [{ type: 'int32', data: [T] }, { type: 'int32', data: [lanes] }, { type: 'int32', data: [N] }];
  let membrane: tf.Tensor | undefined;

  const run = (xIn: tf.Tensor, beta: tf.Tensor, alpha: tf.Tensor | null, save: tf.GradSaveFunc) => {
    const packed = packedParams(spec, params, beta, alpha, N);
    const state = asTensor(backend.runWebGPUProgram(new ScanForwardProgram(spec, T, lanes),
      [tf.reshape(xIn, [T * lanes]), packed], 'float32', sizes));
    const memoryOf = () => tf.reshape(layout.slots === 1 ? state : tf.slice(state, [layout.mem * T * lanes], [T * lanes]), [T, B, N]);
    const value = spec.output === 'membrane' ? memoryOf()
      : tf.reshape(asTensor(backend.runWebGPUProgram(new ScanSpikesProgram(spec, T, lanes), [state, packed], 'float32', sizes)), [T, B, N]);
    if (options.recordMembrane && spec.output === 'spikes') membrane = tf.keep(memoryOf());
    save([state, packed]);
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [savedState, savedParams] = saved;
      const uniforms = [...sizes, { type: 'float32', data: [spec.surrogate.slope] }];
      const grads = asTensor(backend.runWebGPUProgram(new ScanBackwardProgram(spec, T, lanes),
        [tf.reshape(dy, [T * lanes]), savedState, savedParams], 'float32', uniforms));
      const dx = tf.reshape(tf.slice(grads, [0], [T * lanes]), [T, B, N]);
      const partial = (k: number) => tf.sum(tf.reshape(tf.slice(grads, [(T + k) * lanes], [lanes]), [B, N]), 0);
      const dBeta = tf.reshape(partial(0), beta.shape);
      return alpha ? [dx, dBeta, tf.reshape(partial(1), alpha.shape)] : [dx, dBeta];
    };
    return { value, gradFunc };
  };

  const alpha = spec.synaptic ? params.alpha ?? tf.zeros([N]) : null;
  const fn = tf.customGrad(((...args: unknown[]) => {
    const save = args[args.length - 1] as tf.GradSaveFunc;
    const [xIn, beta] = args as tf.Tensor[];
    return run(xIn, beta, alpha ? (args[2] as tf.Tensor) : null, save);
  }) as unknown as Parameters<typeof tf.customGrad>[0]) as (...inputs: tf.Tensor[]) => tf.Tensor;
  const out = alpha ? fn(x, params.beta, alpha) : fn(x, params.beta);
  const result: ScanResult = { out };
  if (options.recordMembrane) {
    if (membrane) {
      result.membrane = tf.clone(membrane);
      membrane.dispose();
    } else {
      result.membrane = out;
    }
  }
  return result;
};
