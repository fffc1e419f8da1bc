/**
 * The fused neuron scan for the WebGPU backend: one forward dispatch over all T steps that writes
 * the spikes and saves the state the backward needs (membranes; ./programs/scanLayout.ts), and one
 * reverse-time backward dispatch giving dx and the per-lane partials of dβ and dα, which one
 * reduction each sums over the batch (programs in ./programs/scan*Program.ts, run by
 * ./multiOutput.ts; equations in ../kernels/neuronScan.ts). It meets the NeuronScan
 * contract of ../kernels/neuronScan.ts (reference ../kernels/plain/plainScan.ts) to float32 tolerance (e2e/gpu-conformance.spec.ts checks every
 * variant and surrogate). Gradients flow to x, β and (synaptic) α, as the contract says; the other
 * parameters are constants of the layer. The recorded membrane is for plots and carries no
 * gradient (the output itself does). Nothing is read back to the CPU.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ScanBackwardProgram } from './programs/scanBackwardProgram';
import { ScanForwardProgram } from './programs/scanForwardProgram';
import { scanLayout } from './programs/scanLayout';
import { runMultiOutput } from './multiOutput';
import { asTensor } from './webgpuBackend';
import { backwardUniforms, fusedScanOp, scanSizes } from './fusedScanOp';
import { packedParams } from './packedParams';
import type { NeuronScan, ScanResult } from '../kernels/neuronScan';

export const fusedScan: NeuronScan = (x, params, spec, options = {}) => {
  const [T, B, N] = x.shape;
  const lanes = B * N;
  const layout = scanLayout(spec);
  const sizes = scanSizes(T, B, N);

  const { out, membrane } = fusedScanOp([x], params, spec, N, ([xIn], beta, alpha, save) => {
    const packed = packedParams(spec, params, beta, alpha, N);
    const forward = new ScanForwardProgram(spec, T, lanes);
    const [state, spikes] = runMultiOutput(forward, forward.outputShapes, [tf.reshape(xIn, [T * lanes]), packed], sizes).map(asTensor);
    const memoryOf = () => tf.reshape(layout.slots === 1 ? state : tf.slice(state, [layout.mem * T * lanes], [T * lanes]), [T, B, N]);
    const value = spec.output === 'membrane' ? memoryOf() : tf.reshape(spikes, [T, B, N]);
    const recorded = options.recordMembrane && spec.output === 'spikes' ? memoryOf() : undefined;
    save([state, packed]);
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [savedState, savedParams] = saved;
      const backward = new ScanBackwardProgram(spec, T, lanes);
      const [dx, ...partials] = runMultiOutput(backward, backward.outputShapes,
        [tf.reshape(dy, [T * lanes]), savedState, savedParams], backwardUniforms(sizes, spec)).map(asTensor);
      const summed = (lanePartials: tf.Tensor, like: tf.Tensor) => tf.reshape(tf.sum(tf.reshape(lanePartials, [B, N]), 0), like.shape);
      return [tf.reshape(dx, [T, B, N]), summed(partials[0], beta), ...(alpha ? [summed(partials[1], alpha)] : [])];
    };
    return { value, gradFunc, membrane: recorded };
  });
  const result: ScanResult = { out };
  if (options.recordMembrane) result.membrane = membrane ?? out;
  return result;
};
