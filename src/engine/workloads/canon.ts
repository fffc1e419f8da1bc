/**
 * The canonical pieces of docs/specs/bench.md (twins of reference/canon.py): parameter
 * initialisation of workload A (§1.3) and the synthetic SHD-shaped samples (§2). All draws in float64, rounded to float32, row-major.
 */
import { mulberry32 } from '../core/rng';

export const LIN_BOUND = 1.5235; // uniform bound · √fan_in: std equals Haiku TruncatedNormal(1/√fan_in)
export const BETA_HALF_WIDTH = 0.381; // β = 0.5 ± 0.381: std equals TruncatedNormal(0.25, mean 0.5)

export interface WorkloadAParams {
  C: number;
  H: number;
  O: number;
  /** [C, H], [H, H], [H, O]: Spyx/Haiku layout, y = x·W. */
  W1: Float32Array;
  W2: Float32Array;
  W3: Float32Array;
  beta1: Float32Array;
  beta2: Float32Array;
  betaOut: Float32Array;
}

/** Draw order W1[C,H], β1[H], W2[H,H], β2[H], W3[H,O]; β_out = 0.8 (bench.md §2). */
export function initParamsA({ C = 128, H = 128, O = 20, seed = 42, gain = 1 } = {}): WorkloadAParams {
  const r = mulberry32(seed);
  const mat = (fi: number, fo: number) => {
    const a = (gain * LIN_BOUND) / Math.sqrt(fi);
    return Float32Array.from({ length: fi * fo }, () => (2 * r.uniform() - 1) * a);
  };
  const beta = (n: number) => Float32Array.from({ length: n }, () => 0.5 + (2 * r.uniform() - 1) * BETA_HALF_WIDTH);
  const W1 = mat(C, H);
  const beta1 = beta(H);
  const W2 = mat(H, H);
  const beta2 = beta(H);
  const W3 = mat(H, O);
  return { C, H, O, W1, W2, W3, beta1, beta2, betaOut: new Float32Array(O).fill(0.8) };
}

/** Sample n: label n mod K; spike[t, c] ~ Bernoulli(p_on on the label's channel group, else p_off), t-major. */
export function synthSample(n: number, { T = 256, C = 128, K = 20, pOn = 0.3, pOff = 0.05, baseSeed = 1000003 } = {}): { x: Uint8Array; y: number } {
  const y = n % K;
  const r = mulberry32(baseSeed + n);
  const x = new Uint8Array(T * C);
  for (let t = 0; t < T; t++) {
    for (let c = 0; c < C; c++) x[t * C + c] = r.uniform() < (Math.floor((c * K) / C) === y ? pOn : pOff) ? 1 : 0;
  }
  return { x, y };
}
