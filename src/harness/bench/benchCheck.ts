/**
 * check_passed of a benchmark cell: the bench.md §5 check computed by the engine on the backend
 * and scan path being timed (./referenceCheck.ts: workload A, synthetic samples 0–7, T = 256,
 * gain 2, one forward and backward), against the float64 numpy values of
 * docs/specs/bench.md §5 (H = 128 and H = 512 columns): loss and gradient norms within
 * 1e-4 relative, spike counts exact. Cached per backend and path.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ScanPath } from '../../engine/tensor/kernels/neuronScan';
import { computeReferenceCheck, type ReferenceCheck } from './referenceCheck';

const EXPECTED: Record<number, ReferenceCheck> = {
  128: { loss: 52.029473, spikes: { l1: 6630, l2: 1504 },
    grad_l2: { W1: 11.007426, beta1: 4.226405, W2: 39.114876, beta2: 30.235421, W3: 139.318239, beta_out: 250.111145 } },
  512: { loss: 50.68206, spikes: { l1: 28450, l2: 5120 },
    grad_l2: { W1: 9.329538, beta1: 3.878911, W2: 76.415632, beta2: 26.66364, W3: 187.931323, beta_out: 129.715779 } },
};

export interface CheckOutcome {
  passed: boolean;
  H: number;
  detail: string;
}

const cache = new Map<string, CheckOutcome>();

export async function benchCheck(path: ScanPath, H: number): Promise<CheckOutcome> {
  const h = H === 512 ? 512 : 128;
  const key = `${tf.getBackend()}/${path}/${h}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const got = await computeReferenceCheck({ H: h, gain: 2, path });
  const want = EXPECTED[h];
  const bad: string[] = [];
  const rel = (a: number, b: number) => Math.abs(a / b - 1);
  if (rel(got.loss, want.loss) > 1e-4) bad.push(`loss ${got.loss}`);
  if (got.spikes.l1 !== want.spikes.l1 || got.spikes.l2 !== want.spikes.l2) bad.push(`spikes ${got.spikes.l1}/${got.spikes.l2}`);
  for (const [k, v] of Object.entries(want.grad_l2)) {
    const g = got.grad_l2[k as keyof ReferenceCheck['grad_l2']];
    if (rel(g, v) > 1e-4) bad.push(`‖∂L/∂${k}‖ ${g}`);
  }
  const outcome = { passed: bad.length === 0, H: h, detail: bad.length ? `§5 H=${h} off: ${bad.join(', ')}` : `§5 H=${h} ok (loss ${got.loss.toFixed(6)})` };
  cache.set(key, outcome);
  return outcome;
}
