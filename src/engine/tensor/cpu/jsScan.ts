/**
 * The fused neuron scan for the CPU backends ('wasm' and 'cpu'): x is read once, the forward
 * runs over all T steps in plain JS loops (./scanLoops.ts) and keeps its tape in JS memory, and
 * the backward is one reverse-time loop giving dx, dβ and (synaptic) dα. tf.customGrad makes it
 * one op for autodiff. It meets the NeuronScan contract of ../kernels/plain/plainScan.ts (equations in
 * ../kernels/neuronScan.ts): the same spikes, values and gradients to float32 tolerance
 * (./jsScan.test.ts). Gradients flow to x, β and α; β̂ = clip(β, 0, 1) passes the gradient where
 * 0 ≤ β ≤ 1 (TF.js clipByValue). The recorded membrane carries no gradient (the output does).
 * Where ./simdScan.ts covers the variant (and WebAssembly SIMD exists) the loops run there.
 */
import * as tf from '@tensorflow/tfjs-core';
import { SpikelabError } from '../../core/errors';
import type { NeuronScan, ScanResult } from '../kernels/neuronScan';
import { customOp } from '../runtime/tfTyping';
import { membraneOf, scanBackward, scanForward, type ScanArrays, type ScanGrads } from './scanLoops';
import { clipped, paramGrad, scanConstants, vector } from './scanParams';
import { simdScan, simdScanSupports } from './simdScan';
import { tensorOfView, valuesNow } from './tensorValues';

/** The scan, with the SIMD loops where they apply (`simd: false` forces the JS loops). */
export function makeJsScan({ simd = true }: { simd?: boolean } = {}): NeuronScan {
  return (x, params, spec, options = {}) => {
    if (x.shape.length !== 3) {
      throw new SpikelabError('INTERNAL', `The neuron scan takes x as [T, B, N], got [${x.shape.join(', ')}].`, 'This is a bug in the program runner.');
    }
    const [T, B, N] = x.shape as [number, number, number];
    const synaptic = spec.synaptic && params.alpha !== undefined;
    const adaptive = spec.adaptive && params.gamma !== undefined;
    let membrane: (() => Float32Array) | undefined;
    let release: (() => void) | undefined;

    const run = (xIn: tf.Tensor, beta: tf.Tensor, alpha: tf.Tensor | null) => {
      const b = clipped(vector(beta, N, 'beta'));
      const a = alpha ? clipped(vector(alpha, N, 'alpha')) : null;
      const arrays: ScanArrays = { ...scanConstants(params, N, synaptic, adaptive), beta: b.clip, ...(a ? { alpha: a.clip } : {}) };
      const xs = valuesNow(xIn);
      let value: tf.Tensor;
      let backward: (dy: Float32Array) => ScanGrads;
      let gradTensor: (dx: Float32Array) => tf.Tensor;
      if (simd && simdScanSupports(spec, arrays, B * N)) {
        const tape = simdScan(xs, arrays, spec, T, B, N);
        value = tensorOfView(tape.out, [T, B, N]);
        membrane = tape.membrane;
        release = tape.release;
        backward = (dy) => tape.backward(dy);
        gradTensor = (dx) => {
          const t = tensorOfView(dx, [T, B, N]);
          tape.release(); // dx was a view of the tape's memory
          return t;
        };
      } else {
        const tape = scanForward(xs, arrays, spec, T, B, N);
        value = tf.tensor(tape.out, [T, B, N], 'float32');
        membrane = () => membraneOf(tape, spec);
        backward = (dy) => scanBackward(dy, tape, arrays, spec, T, B, N);
        gradTensor = (dx) => tf.tensor(dx, [T, B, N], 'float32');
      }
      const gradFunc = (dy: tf.Tensor) => {
        const grads = backward(valuesNow(dy));
        const dx = gradTensor(grads.dx);
        const dBeta = paramGrad(grads.dBeta, b.pass, beta);
        return alpha && a ? [dx, dBeta, paramGrad(grads.dAlpha, a.pass, alpha)] : [dx, dBeta];
      };
      return { value, gradFunc };
    };

    const fn = customOp((_save, xIn: tf.Tensor, beta: tf.Tensor, ...alpha: tf.Tensor[]) => run(xIn, beta, synaptic ? alpha[0] : null));
    const taping = tf.engine().isTapeOn();
    const out = synaptic ? fn(x, params.beta, params.alpha!) : fn(x, params.beta);
    const result: ScanResult = { out };
    if (options.recordMembrane) {
      result.membrane = spec.output === 'membrane' ? out : tensorOfView(membrane!(), [T, B, N]);
    }
    if (!taping) release?.(); // no backward will come: the SIMD tape's memory goes back to the pool
    return result;
  };
}

export const jsScan: NeuronScan = makeJsScan();
