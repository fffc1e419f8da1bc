/**
 * Adam as one WGSL program per parameter tensor (../adam.ts), instead of the ~14 elementwise
 * dispatches of tf.train.adam. With gradient g, moments = [m; v] (one buffer of 2·n floats, m in
 * the first n, v in the second, updated in place) and step t = 1, 2, …, lane i < n computes
 *   m' = β₁·m + (1 − β₁)·g,   v' = β₂·v + (1 − β₂)·g²
 *   w' = w − lr · (m'·c₁) / (√(v'·c₂) + ε),   c₁ = 1/(1 − β₁ᵗ), c₂ = 1/(1 − β₂ᵗ)
 * the update of tf.train.adam and torch.optim.Adam (ε outside the square root, bias-corrected).
 * Read-write: result = w' [n] (new), moments [2n] (in place). Inputs float32 flat: w, g.
 * Uniforms: n, then the f32 constants.
 */
import { MultiOutputProgram } from './multiOutputProgram';

export class AdamUpdateProgram extends MultiOutputProgram {
  outputNames = ['result', 'moments'];
  variableNames = ['w', 'g'];
  uniforms = 'size : i32, beta1 : f32, beta2 : f32, lr : f32, c1 : f32, c2 : f32, epsilon : f32,';

  constructor(size: number) {
    super(size, 'spikelab_adam_update');
  }

  getUserCode(): string {
    return `
      fn main(index : i32) {
        if (index >= uniforms.size) { return; }
        let g = g[index];
        let m = uniforms.beta1 * moments[index] + (1.0 - uniforms.beta1) * g;
        let v = uniforms.beta2 * moments[index + uniforms.size] + (1.0 - uniforms.beta2) * g * g;
        moments[index] = m;
        moments[index + uniforms.size] = v;
        result[index] = w[index] - uniforms.lr * (m * uniforms.c1) / (sqrt(v * uniforms.c2) + uniforms.epsilon);
      }`;
  }
}
