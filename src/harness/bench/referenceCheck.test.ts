import { beforeAll, describe, expect, it } from 'vitest';
import { startNodeBackend } from '../../engine/tensor/runtime/loaders.node';
import { computeReferenceCheck } from './referenceCheck';

// Expected values: docs/specs/bench.md §5, H = 128 column (float64 numpy BPTT in
// docs/specs/reference/canon.py; TF.js float32 reproduces them to ≤ 1e-6 relative).
const EXPECTED_H128 = {
  loss: 52.029473,
  spikes: { l1: 6630, l2: 1504 },
  grad_l2: { W1: 11.007426, beta1: 4.226405, W2: 39.114876, beta2: 30.235421, W3: 139.318239, beta_out: 250.111145 },
};

describe('bench.md §5 check: workload A compiled from its NIR graph', () => {
  beforeAll(async () => {
    await startNodeBackend('wasm');
  });

  it('reproduces the H = 128 column (loss and gradient norms within 1e-4, spike counts exact)', async () => {
    const check = await computeReferenceCheck({ H: 128, gain: 2 });
    expect(check.spikes).toEqual(EXPECTED_H128.spikes);
    expect(Math.abs(check.loss / EXPECTED_H128.loss - 1)).toBeLessThan(1e-4);
    for (const [name, expected] of Object.entries(EXPECTED_H128.grad_l2)) {
      const got = check.grad_l2[name as keyof typeof EXPECTED_H128.grad_l2];
      expect(Math.abs(got / expected - 1), `‖∂L/∂${name}‖`).toBeLessThan(1e-4);
    }
  });

  it('starts almost silent at the benchmark gain 1 (284 / 0 spikes, loss ln 20)', async () => {
    const check = await computeReferenceCheck({ H: 128, gain: 1 });
    expect(check.spikes).toEqual({ l1: 284, l2: 0 });
    expect(check.loss).toBeCloseTo(Math.log(20), 5);
  });
});
