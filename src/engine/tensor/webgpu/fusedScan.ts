/**
 * The fused neuron scan for the WebGPU backend: one forward dispatch over all T steps that saves
 * the state the backward needs (membranes; ./programs/scanLayout.ts), one elementwise dispatch
 * deriving the spikes from it, and one reverse-time backward dispatch giving dx, dβ and dα
 * (programs in ./programs/scan*Program.ts; equations in ../kernels/neuronScan.ts). It meets the NeuronScan
 * contract of ../kernels/neuronScan.ts (reference ../kernels/plain/plainScan.ts) to float32 tolerance (e2e/gpu-conformance.spec.ts checks every
 * variant and surrogate). Gradients flow to x, β and (synaptic) α, as the contract says; the other
 * parameters are constants of the layer. The recorded membrane is for plots and carries no
 * gradient (the output itself does). Nothing is read back to the CPU.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ScanBackwardProgram } from './programs/scanBackwardProgram';
import { ScanForwardProgram } from './programs/scanForwardProgram';
import { ScanSpikesProgram } from './programs/scanSpikesProgram';
import { scanLayout } from './programs/scanLayout';
import { asTensor, webgpuBackend } from './webgpuBackend';
import { backwardUniforms, fusedScanOp, laneGrads, scanSizes } from './fusedScanOp';
import { packedParams } from './packedParams';
import type { NeuronScan, ScanResult } from '../kernels/neuronScan';

export const fusedScan: NeuronScan = (x, params, spec, options = {}) => {
  const backend = webgpuBackend();
  const [T, B, N] = x.shape;
  const lanes = B * N;
  const layout = scanLayout(spec);
  const sizes = scanSizes(T, B, N);

  const { out, membrane } = fusedScanOp([x], params, spec, N, ([xIn], beta, alpha, save) => {
    const packed = packedParams(spec, params, beta, alpha, N);
    const state = asTensor(backend.runWebGPUProgram(new ScanForwardProgram(spec, T, lanes),
      [tf.reshape(xIn, [T * lanes]), packed], 'float32', sizes));
    const memoryOf = () => tf.reshape(layout.slots === 1 ? state : tf.slice(state, [layout.mem * T * lanes], [T * lanes]), [T, B, N]);
    const value = spec.output === 'membrane' ? memoryOf()
      : tf.reshape(asTensor(backend.runWebGPUProgram(new ScanSpikesProgram(spec, T, lanes), [state, packed], 'float32', sizes)), [T, B, N]);
    const recorded = options.recordMembrane && spec.output === 'spikes' ? memoryOf() : undefined;
    save([state, packed]);
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [savedState, savedParams] = saved;
      const grads = asTensor(backend.runWebGPUProgram(new ScanBackwardProgram(spec, T, lanes),
        [tf.reshape(dy, [T * lanes]), savedState, savedParams], 'float32', backwardUniforms(sizes, spec)));
      const { dx, dParams } = laneGrads(grads, T, B, N, beta, alpha);
      return [dx, ...dParams];
    };
    return { value, gradFunc, membrane: recorded };
  });
  const result: ScanResult = { out };
  if (options.recordMembrane) result.membrane = membrane ?? out;
  return result;
};
