/**
 * Adam as two WGSL programs per parameter tensor (../adam.ts), instead of the ~14 elementwise
 * dispatches of tf.train.adam. With gradient g, moments state = [m; v] (one buffer of 2·n floats,
 * m in the first n, v in the second) and step t = 1, 2, …:
 *   moments   m' = β₁·m + (1 − β₁)·g            (i < n)
 *             v' = β₂·v + (1 − β₂)·g²           (n ≤ i < 2n)
 *   step      w' = w − lr · (m'·c₁) / (√(v'·c₂) + ε),   c₁ = 1/(1 − β₁ᵗ), c₂ = 1/(1 − β₂ᵗ)
 * the update of tf.train.adam and torch.optim.Adam (ε outside the square root, bias-corrected).
 * Inputs float32 flat; uniforms: n, then the f32 constants named in each program.
 */
import { FlatProgram } from './program';

/** state [2n] → state' [2n]: both moments of one tensor in one pass. Inputs: g [n], state [2n]. */
export class AdamMomentsProgram extends FlatProgram {
  variableNames = ['g', 'state'];
  uniforms = 'size : i32, beta1 : f32, beta2 : f32,';

  constructor(size: number) {
    super([2 * size], 2 * size, 'spikelab_adam_moments');
  }

  getUserCode(): string {
    return `
      fn main(index : i32) {
        if (index >= 2 * uniforms.size) { return; }
        if (index < uniforms.size) {
          let g = g[index];
          result[index] = uniforms.beta1 * state[index] + (1.0 - uniforms.beta1) * g;
        } else {
          let g = g[index - uniforms.size];
          result[index] = uniforms.beta2 * state[index] + (1.0 - uniforms.beta2) * g * g;
        }
      }`;
  }
}

/** w → w' (shaped as w, n values) from the new moments. Inputs: w, state' [2n]. */
export class AdamStepProgram extends FlatProgram {
  variableNames = ['w', 'state'];
  uniforms = 'size : i32, lr : f32, c1 : f32, c2 : f32, epsilon : f32,';

  constructor(shape: number[], size: number) {
    super(shape, size, 'spikelab_adam_step');
  }

  getUserCode(): string {
    return `
      fn main(index : i32) {
        if (index >= uniforms.size) { return; }
        let m = state[index] * uniforms.c1;
        let v = state[index + uniforms.size] * uniforms.c2;
        result[index] = w[index] - uniforms.lr * m / (sqrt(v) + uniforms.epsilon);
      }`;
  }
}
