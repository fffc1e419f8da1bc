/**
 * Conformance of the backend's Adam (op 'adam' of src/engine/tensor/kernels/registry.ts, the
 * optimiser ../../engine/tensor/train/optimizer.ts creates): three updates of two parameter
 * tensors (a [5, 7] weight and a [7] vector) from seeded gradients, with a learning-rate change
 * before the third, against the same update in float64 (tf.train.adam's and torch.optim.Adam's:
 * m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², w ← w − lr·(m/(1−β₁ᵗ))/(√(v/(1−β₂ᵗ)) + ε)).
 * Passes when every weight is within 1e-5 of the largest |w| (float32 rounding).
 */
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32 } from '../../engine/core/rng';
import { createOptimizer } from '../../engine/tensor/train/optimizer';
import { kernelFor } from '../../engine/tensor/kernels/registry';

export interface AdamCaseResult {
  backend: string;
  /** Which Adam ran: the backend's registered kernel, or TF.js's own. */
  kernel: 'registered' | 'tfjs';
  ok: boolean;
  relErr: number;
}

const SHAPES: number[][] = [[5, 7], [7]];
const LRS = [1e-2, 1e-2, 3e-3];
const [B1, B2, EPS] = [0.9, 0.999, 1e-8];

export async function runAdamConformance(backend: string): Promise<AdamCaseResult> {
  const draw = mulberry32(7);
  const init = SHAPES.map((s) => Float64Array.from({ length: s.reduce((a, b) => a * b, 1) }, () => draw.uniform() * 2 - 1));
  const grads = LRS.map(() => init.map((w) => Float64Array.from(w, () => draw.uniform() * 2 - 1)));
  // float64 reference
  const want = init.map((w) => Float64Array.from(w));
  const m = init.map((w) => new Float64Array(w.length)), v = init.map((w) => new Float64Array(w.length));
  LRS.forEach((lr, step) => {
    const c1 = 1 - B1 ** (step + 1), c2 = 1 - B2 ** (step + 1);
    want.forEach((w, k) => {
      for (let i = 0; i < w.length; i++) {
        const g = Math.fround(grads[step][k][i]);
        m[k][i] = B1 * m[k][i] + (1 - B1) * g;
        v[k][i] = B2 * v[k][i] + (1 - B2) * g * g;
        w[i] -= (lr * (m[k][i] / c1)) / (Math.sqrt(v[k][i] / c2) + EPS);
      }
    });
  });
  const variables = SHAPES.map((s, k) => tf.variable(tf.tensor(Float32Array.from(init[k]), s), true, `adam_conformance_${k}_${Date.now()}`));
  const optimizer = createOptimizer('adam', LRS[0]);
  try {
    for (const [step, lr] of LRS.entries()) {
      optimizer.setLearningRate(lr);
      tf.tidy(() => {
        const named: tf.NamedTensorMap = {};
        variables.forEach((variable, k) => { named[variable.name] = tf.tensor(Float32Array.from(grads[step][k]), SHAPES[k]); });
        optimizer.applyGradients(named);
      });
    }
    let err = 0, scale = 1e-12;
    for (const [k, variable] of variables.entries()) {
      const got = await variable.data();
      for (let i = 0; i < got.length; i++) {
        err = Math.max(err, Math.abs(got[i] - want[k][i]));
        scale = Math.max(scale, Math.abs(want[k][i]));
      }
    }
    const relErr = err / scale;
    return { backend, kernel: kernelFor('adam') ? 'registered' : 'tfjs', ok: relErr <= 1e-5, relErr };
  } finally {
    optimizer.dispose();
    for (const variable of variables) variable.dispose();
  }
}
