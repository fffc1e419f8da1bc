/**
 * Σ_t c_t·x_t for x [T, ...rest] and constant weights c [T] as one op on the CPU backends (op
 * 'timeWeightedSum' of ../kernels/registry.ts, registered for wasm and cpu by ./register.ts; used by
 * Program's closed-form readout, ../program/program.ts `integrable`):
 *   forward   s[r] = Σ_t c_t·x[t, r]           (summed in time order)
 *   backward  ∂x[t, r] = c_t·∂s[r]
 * Where the op that made x handed over its spikes' rows (./spikeMatMul.ts knownRowsOf, x read as
 * [T·B, H]) the forward is one add per spike, else one pass over x. (TF.js's matMul of [1, T] by
 * [T, B·H] took 18 ms forward and 20 ms backward for W1's hidden layer on wasm.)
 */
import * as tf from '@tensorflow/tfjs-core';
import { customOp } from '../runtime/tfTyping';
import { knownRowsOf } from './spikeMatMul';
import { valuesNow } from './tensorValues';

export interface TimeWeightedSumOptions {
  /**
   * The gradient as TF.js's broadcast multiply of c [T, 1] by ∂s [1, R] (fast on wasm, whose
   * XNNPACK multiply writes straight into its heap), or as a loop here (for the cpu backend, whose
   * generic broadcasting multiply took 180 ms for W1's [100, 32,768]).
   */
  broadcastGrad: boolean;
}

export function timeWeightedSumCpu(x: tf.Tensor, c: Float32Array, options: TimeWeightedSumOptions = { broadcastGrad: false }): tf.Tensor {
  const [T, ...rest] = x.shape;
  const R = x.size / T;
  const fn = customOp((_save, input: tf.Tensor) => {
    const s = new Float32Array(R);
    const H = rest[rest.length - 1] ?? 1;
    const rows = knownRowsOf(input, x.size / H, H);
    if (rows && rows.vals === null) {
      const perStep = R / H; // rows of one step
      for (let m = 0; m < rows.M; m++) {
        const ct = c[Math.floor(m / perStep)];
        const base = (m % perStep) * H;
        for (let q = rows.rowStart[m]; q < rows.rowStart[m + 1]; q++) s[base + rows.cols[q]] += ct;
      }
    } else {
      const xs = valuesNow(input);
      for (let t = 0; t < T; t++) {
        const ct = c[t];
        const at = t * R;
        for (let r = 0; r < R; r++) if (xs[at + r] !== 0) s[r] += ct * xs[at + r];
      }
    }
    return {
      value: tf.tensor(s, rest, 'float32'),
      gradFunc: (dy: tf.Tensor) => {
        if (options.broadcastGrad) return tf.reshape(tf.mul(tf.tensor2d(c, [T, 1]), tf.reshape(dy, [1, R])), x.shape);
        const g = valuesNow(dy).slice(0, R);
        const dx = new Float32Array(T * R);
        for (let t = 0; t < T; t++) {
          const ct = c[t];
          for (let r = 0, at = t * R; r < R; r++) dx[at + r] = ct * g[r];
        }
        return tf.tensor(dx, x.shape, 'float32');
      },
    };
  });
  return fn(x);
}
