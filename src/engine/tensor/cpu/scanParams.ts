/**
 * The neuron parameters of a CPU scan (./jsScan.ts, ./recurrentScan.ts) as its loops take them
 * (./scanLoops.ts: float32 [N] arrays), and the parameter gradients back as tensors.
 * β̂ = clip(β, 0, 1) (and α̂) passes the gradient where 0 ≤ β ≤ 1, as TF.js clipByValue does.
 */
import * as tf from '@tensorflow/tfjs-core';
import { SpikelabError } from '../../core/errors';
import type { ScanParams } from '../kernels/neuronScan';
import type { ScanArrays } from './scanLoops';

/** A parameter as a float32 [N] array (a single value is broadcast). */
export function vector(t: tf.Tensor, N: number, name: string): Float32Array {
  const data = t.dataSync();
  if (data.length === N) return Float32Array.from(data);
  if (data.length === 1) return new Float32Array(N).fill(data[0]);
  throw new SpikelabError('GRAPH_UNSUPPORTED', `The neuron parameter ${name} has ${data.length} values for ${N} neurons.`,
    'Give every neuron parameter one value per neuron (or a single value).');
}

/** The parameters the scan does not differentiate (all but β and α), as arrays. */
export function scanConstants(p: ScanParams, N: number, synaptic: boolean, adaptive: boolean): Omit<ScanArrays, 'beta' | 'alpha'> {
  return {
    gainIn: vector(p.gainIn, N, 'gainIn'), bias: vector(p.bias, N, 'bias'), threshold: vector(p.threshold, N, 'threshold'),
    vReset: vector(p.vReset, N, 'vReset'),
    ...(synaptic ? { gainCur: p.gainCur ? vector(p.gainCur, N, 'gainCur') : new Float32Array(N).fill(1) } : {}),
    ...(adaptive ? { gamma: vector(p.gamma!, N, 'gamma') } : {}),
  };
}

/** The values clipped to [0, 1], and where the clip passes the gradient (1) or not (0). */
export function clipped(values: Float32Array): { clip: Float32Array; pass: Uint8Array } {
  const clip = values.map((v) => Math.min(Math.max(v, 0), 1));
  const pass = Uint8Array.from(values, (v) => (v >= 0 && v <= 1 ? 1 : 0));
  return { clip, pass };
}

/** ∂L/∂β from ∂L/∂β̂ (the clip mask), in the parameter's own shape. */
export function paramGrad(sum: Float64Array, pass: Uint8Array, like: tf.Tensor): tf.Tensor {
  const g = Float32Array.from(sum, (v, n) => (pass[n] ? v : 0));
  if (like.size === 1 && g.length !== 1) return tf.reshape(tf.scalar(g.reduce((a, b) => a + b, 0)), like.shape);
  return tf.tensor(g, like.shape, 'float32');
}
