/**
 * The recurrent scan (../scan/recurrentTypes.ts) as plain loops over Float32Arrays: a spiking
 * population whose input at step t is x_t + z_{t−1}·Wᵀ, forward over all T and reverse-time
 * backward. The per-neuron update and its adjoint are those of ./scanLoops.ts (spiking outputs
 * only; same rounding: every forward operation in float32 in the order of ../scan/step.ts, the
 * backward in float64 stored as float32). Layout as there: element i = t·L + b·N + n, L = B·N.
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
import { SURROGATES } from '../../surrogates';
import type { ScanSpec } from '../scan/types';
import type { ScanArrays, ScanGrads, ScanTape } from './scanLoops';
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

export function recurrentForward(x: Float32Array, wt: Float32Array, p: ScanArrays, spec: ScanSpec, T: number, B: number, N: number): ScanTape {
  const f = Math.fround;
  const L = B * N;
  const size = T * L;
  const synaptic = p.alpha !== undefined;
  const adaptive = p.gamma !== undefined;
  const post = spec.spikeFrom === 'post';
  const subtract = spec.reset === 'subtract';
  const smooth = spec.surrogate.smooth === true;
  const primitive = SURROGATES[spec.surrogate.name].primitive;
  const k = spec.surrogate.slope;
  const { beta, gainIn, bias, threshold, vReset } = p;
  const alpha = p.alpha ?? new Float32Array(N);
  const gainCur = p.gainCur ?? new Float32Array(N).fill(1);
  const gamma = p.gamma ?? new Float32Array(N);
  const out = new Float32Array(size);
  const vT = new Float32Array(size);
  const tape: ScanTape = { out, v: vT };
  const mT = post ? (tape.m = new Float32Array(size)) : vT;
  const cT = synaptic ? (tape.c = new Float32Array(size)) : null;
  const aT = adaptive ? (tape.a = new Float32Array(size)) : null;
  const vS = new Float32Array(L);
  const cS = new Float32Array(L);
  const aS = new Float32Array(L);
  const acc = new Float64Array(N);
  for (let t = 0; t < T; t++) {
    const base = t * L;
    for (let bb = 0; bb < B; bb++) {
      const row = bb * N;
      if (t > 0) recurrentSum(acc, out, wt, base - L + row, N);
      for (let n = 0; n < N; n++) {
        const l = row + n;
        const i = base + l;
        const input = t > 0 ? f(x[i] + f(acc[n])) : x[i];
        let u = f(gainIn[n] * input);
        if (synaptic) {
          const c = f(f(alpha[n] * cS[l]) + u);
          cS[l] = c;
          cT![i] = c;
          u = f(gainCur[n] * c);
        }
        const vp = vS[l];
        const th = adaptive ? f(threshold[n] + aS[l]) : threshold[n];
        let z: number;
        let v: number;
        if (post) {
          const m = f(f(f(beta[n] * vp) + bias[n]) + u);
          const d = f(m - th);
          z = smooth ? f(primitive(d, k)) : d > 0 ? 1 : 0;
          v = subtract ? f(m - f(th * z)) : f(m + f(f(vReset[n] - m) * z));
          mT[i] = m;
        } else {
          const d = f(vp - th);
          z = smooth ? f(primitive(d, k)) : d > 0 ? 1 : 0;
          v = subtract
            ? f(f(f(f(beta[n] * vp) + bias[n]) + u) - f(th * z))
            : f(f(f(beta[n] * f(vp + f(f(vReset[n] - vp) * z))) + bias[n]) + u);
        }
        vS[l] = v;
        vT[i] = v;
        out[i] = z;
        if (adaptive) {
          const a = f(f(gamma[n] * aS[l]) + f(f(1 - gamma[n]) * z));
          aS[l] = a;
          aT![i] = a;
        }
      }
    }
  }
  return tape;
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
  const f = Math.fround;
  const L = B * N;
  const synaptic = p.alpha !== undefined;
  const adaptive = p.gamma !== undefined;
  const post = spec.spikeFrom === 'post';
  const subtract = spec.reset === 'subtract';
  const eps = spec.detachReset ? 0 : 1;
  const grad = SURROGATES[spec.surrogate.name].grad;
  const k = spec.surrogate.slope;
  const { beta, gainIn, threshold, vReset } = p;
  const alpha = p.alpha ?? new Float32Array(N);
  const gainCur = p.gainCur ?? new Float32Array(N).fill(1);
  const gamma = p.gamma ?? new Float32Array(N);
  const out = tape.out;
  const vT = tape.v!;
  const mT = tape.m ?? vT;
  const cT = tape.c;
  const aT = tape.a;
  const dx = new Float32Array(T * L);
  const dBeta = new Float64Array(N);
  const dAlpha = new Float64Array(N);
  const gv = new Float64Array(L);
  const gc = new Float64Array(L);
  const ga = new Float64Array(L);
  const feedback = (simd ? simdFeedback(w, B, N) : null) ?? jsFeedback(w, B, N);
  let fb: Float32Array | Float64Array = new Float64Array(L);
  for (let t = T - 1; t >= 0; t--) {
    const base = t * L;
    const first = t === 0;
    const last = t === T - 1;
    if (!last) fb = feedback(dx.subarray(base + L, base + 2 * L));
    for (let bb = 0; bb < B; bb++) {
      const row = bb * N;
      for (let n = 0; n < N; n++) {
        const l = row + n;
        const i = base + l;
        const vPrev = first ? 0 : vT[i - L];
        const b = beta[n];
        const th = adaptive ? f(threshold[n] + (first ? 0 : aT![i - L])) : threshold[n];
        const z = out[i];
        const g = gv[l];
        let dz = dy[i] + fb[l];
        if (adaptive) dz += (1 - gamma[n]) * ga[l];
        let dth = 0;
        let gvPrev: number;
        let du: number;
        if (post) {
          const m = mT[i];
          let dm: number;
          if (subtract) {
            dm = g;
            dth = -z * g;
            dz -= eps * th * g;
          } else {
            dm = g * (1 - z);
            dz += eps * (vReset[n] - m) * g;
          }
          const dd = dz * grad(f(m - th), k);
          dm += dd;
          dth -= dd;
          du = dm;
          dBeta[n] += dm * vPrev;
          gvPrev = b * dm;
        } else {
          du = g;
          if (subtract) {
            dBeta[n] += g * vPrev;
            gvPrev = b * g;
            dth = -z * g;
            dz -= eps * th * g;
          } else {
            const diff = f(vReset[n] - vPrev);
            dBeta[n] += g * f(vPrev + f(diff * z));
            gvPrev = b * g * (1 - z);
            dz += eps * diff * b * g;
          }
          const dd = dz * grad(f(vPrev - th), k);
          gvPrev += dd;
          dth -= dd;
        }
        gv[l] = gvPrev;
        if (adaptive) ga[l] = gamma[n] * ga[l] + dth;
        if (synaptic) {
          const gs = gainCur[n] * du + gc[l];
          dx[i] = gainIn[n] * gs;
          dAlpha[n] += gs * (first ? 0 : cT![i - L]);
          gc[l] = alpha[n] * gs;
        } else {
          dx[i] = gainIn[n] * du;
        }
      }
    }
  }
  return { dx, dBeta, dAlpha };
}
