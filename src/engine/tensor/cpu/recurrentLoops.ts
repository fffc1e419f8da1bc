/**
 * The recurrent scan (../kernels/recurrentScan.ts) as plain loops over Float32Arrays: a spiking
 * population whose input at step t is x_t + z_{t−1}·Wᵀ, forward over all T and reverse-time
 * backward. The loops are those of ./scanLoops.ts (spiking outputs only; same rounding: every
 * forward operation in float32 in the order of ../kernels/plain/step.ts, the backward in float64 stored as
 * float32), given the recurrent input and gradient below a step at a time. Layout as there:
 * element i = t·L + b·N + n, L = B·N.
 *
 * Recurrent sum, forward: per step and row b, acc = Σ_{j : z_{t−1}[b, j] ≠ 0} z·Wᵀ[j, :] — the
 * rows of Wᵀ of the active spikes only (Wᵀ is passed in, [in, out], so each row is contiguous);
 * summed in float64 and rounded once, then I = fround(x + acc).
 * Backward, with δ_t = ∂L/∂I_t (what is returned as dx): the spike's upstream gradient is
 * dy_t + δ_{t+1}·W (row b: Σ_n δ_{t+1}[b, n]·W[n, :]; dense — the surrogate rarely makes δ zero —
 * so it runs as one [B, N]·[N, N] product a step in the SIMD module of ./simdKernels.ts where
 * WebAssembly SIMD exists and N is a multiple of 4, else in a JS loop skipping zero δ). ∂W is left
 * to the caller (a sum over the active spikes).
 */
import type { ScanSpec } from '../kernels/neuronScan';
import { scanBackward, scanForward, type ScanArrays, type ScanGrads, type ScanTape, type StepFeedback, type StepInput } from './scanLoops';
import { simdKernels } from './simdKernels';

/** The recurrent input of row b at step t into acc: Σ over active z_{t−1}[b, j] of z·wt[j, :]. */
function recurrentSum(acc: Float64Array, out: Float32Array, wt: Float32Array, prev: number, N: number): void {
  acc.fill(0);
  for (let j = 0; j < N; j++) {
    const z = out[prev + j];
    if (z === 0) continue;
    const w = j * N;
    if (z === 1) for (let n = 0; n < N; n++) acc[n] += wt[w + n];
    else for (let n = 0; n < N; n++) acc[n] += z * wt[w + n];
  }
}

/** I_t = fround(x_t + acc) for t ≥ 1 (x_0 itself at t = 0), a row at a time. */
function recurrentInput(x: Float32Array, wt: Float32Array, B: number, N: number): StepInput {
  const f = Math.fround;
  const L = B * N;
  const input = new Float32Array(L);
  const acc = new Float64Array(N);
  return (t, out) => {
    if (t === 0) return null;
    const base = t * L;
    for (let row = 0; row < L; row += N) {
      recurrentSum(acc, out, wt, base - L + row, N);
      for (let n = 0; n < N; n++) input[row + n] = f(x[base + row + n] + f(acc[n]));
    }
    return input;
  };
}

export function recurrentForward(x: Float32Array, wt: Float32Array, p: ScanArrays, spec: ScanSpec, T: number, B: number, N: number): ScanTape {
  return scanForward(x, p, spec, T, B, N, recurrentInput(x, wt, B, N));
}

/** δ_{t+1}·W for every row: fb[b, :] = Σ_n δ[b, n]·W[n, :] (W [out, in]), the rows of non-zero δ only. */
type Feedback = (delta: Float32Array) => Float32Array | Float64Array;

function jsFeedback(w: Float32Array, B: number, N: number): Feedback {
  const fb = new Float64Array(B * N);
  return (delta) => {
    fb.fill(0);
    for (let b = 0; b < B; b++) {
      const row = b * N;
      for (let n = 0; n < N; n++) {
        const d = delta[row + n];
        if (d === 0) continue;
        const r = n * N;
        for (let j = 0; j < N; j++) fb[row + j] += d * w[r + j];
      }
    }
    return fb;
  };
}

/**
 * The same product in the SIMD module's denseRows (./simdKernels.ts; float32, 4 lanes; N a
 * multiple of 4): W is copied in once, δ once a step. Null where WebAssembly SIMD is missing.
 */
function simdFeedback(w: Float32Array, B: number, N: number): Feedback | null {
  const k = N % 4 === 0 ? simdKernels() : null;
  if (!k) return null;
  const align = (bytes: number) => Math.ceil(bytes / 16) * 16;
  const deltaAt = align(N * N * 4);
  const fbAt = deltaAt + align(B * N * 4);
  k.reserve(fbAt + align(B * N * 4));
  new Float32Array(k.memory.buffer, 0, N * N).set(w);
  return (delta) => {
    const buffer = k.memory.buffer;
    new Float32Array(buffer, deltaAt, B * N).set(delta);
    const fb = new Float32Array(buffer, fbAt, B * N);
    fb.fill(0);
    k.denseRows(deltaAt, 0, fbAt, B, N, N);
    return fb;
  };
}

/**
 * The reverse-time pass; `w` is W [out, in]. Returns δ (as dx), ∂β̂ and ∂α̂ summed over the batch.
 * The feedback product runs in the SIMD module where it can (`simd: false` forces the JS loop).
 */
export function recurrentBackward(dy: Float32Array, tape: ScanTape, w: Float32Array, p: ScanArrays, spec: ScanSpec, T: number, B: number, N: number,
  { simd = true }: { simd?: boolean } = {}): ScanGrads {
  const L = B * N;
  const product = (simd ? simdFeedback(w, B, N) : null) ?? jsFeedback(w, B, N);
  const feedback: StepFeedback = (t, dx) => (t === T - 1 ? null : product(dx.subarray((t + 1) * L, (t + 2) * L)));
  return scanBackward(dy, tape, p, spec, T, B, N, feedback);
}
