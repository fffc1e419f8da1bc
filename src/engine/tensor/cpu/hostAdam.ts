/**
 * Adam for the CPU backends, in plain loops over Float32Arrays: TF.js's own AdamOptimizer runs about
 * ten generic elementwise ops per variable (on cpu 13 ms per W1 step against about 1 ms here; on
 * wasm the ops' overhead, ~1 ms). The same update as tf.train.adam(lr, β₁, β₂, ε) (op 'adam' of
 * ../kernels/registry.ts, registered for wasm and cpu by ./register.ts; used by ../train/optimizer.ts), per weight w with gradient
 * g at step t = 1, 2, …:
 *   m ← β₁·m + (1 − β₁)·g        v ← β₂·v + (1 − β₂)·g²
 *   w ← w − lr · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
 * Moments live on the host (they are not TF.js tensors); the weights are assigned as new tensors.
 * The learning rate can change between updates (setLearningRate: the schedule's,
 * ../train/optimizer.ts); decoupled weight decay is applied to the weights before this update.
 */
import * as tf from '@tensorflow/tfjs-core';
import { BackendAdam } from '../kernels/adam';

export class HostAdam extends BackendAdam {
  static get className(): string {
    return 'SpikelabHostAdam';
  }

  private readonly moments = new Map<string, { m: Float32Array; v: Float32Array }>();

  protected update(name: string, variable: tf.Variable, gradient: tf.Tensor, t: number): void {
    const c1 = 1 - this.beta1 ** t;
    const c2 = 1 - this.beta2 ** t;
    const g = gradient.dataSync() as Float32Array;
    const w = variable.dataSync() as Float32Array;
    let state = this.moments.get(name);
    if (!state) {
      state = { m: new Float32Array(w.length), v: new Float32Array(w.length) };
      this.moments.set(name, state);
    }
    const { m, v } = state;
    const next = new Float32Array(w.length);
    const { beta1, beta2, lr, epsilon } = this; // locals: the loop reads no field
    for (let i = 0; i < w.length; i++) {
      const gi = g[i];
      m[i] = beta1 * m[i] + (1 - beta1) * gi;
      v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
      next[i] = w[i] - (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + epsilon);
    }
    variable.assign(tf.tensor(next, variable.shape, 'float32'));
  }
}
