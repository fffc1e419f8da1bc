/**
 * The neuron scan as plain loops over Float32Arrays (no TF.js): the forward over all T steps and
 * the reverse-time backward, for every ScanSpec variant (equations in ../kernels/neuronScan.ts). The
 * recurrent scan (./recurrentLoops.ts) runs these same loops, passing its input
 * I_t = x_t + z_{t−1}·Wᵀ a step at a time (`StepInput`) and, backward, the recurrent gradient f_t
 * of the spikes (`StepFeedback`); without them (the feed-forward scan) I_t = x_t and f_t = 0.
 *
 * Layout: x, out, dy, dx and every tape array are time-major [T, B, N] flattened, element
 * i = t·L + l with lane l = b·N + n and L = B·N; parameters are [N]. The forward rounds every
 * operation to float32 (Math.fround) in the order of ../kernels/plain/step.ts, so its spikes are exactly
 * those of the plain TF.js scan. The backward runs in float64 and stores float32.
 *
 * Forward tape (what the backward reads):
 *   out  z_t (spikes) or v_t (membrane)      v  v_t after the step (spiking layers)
 *   m    m_t ('post' spiking layers only; for 'pre' m_t = v_t, for membrane output m_t = out)
 *   c    c_t (synaptic)                       a  a_t (adaptive)
 *
 * Backward, with adjoints ḡv, ḡc, ḡa of the state carried from step t+1 (zero after T−1),
 * dz = dy_t + f_t + (1 − γ)·ḡa, ε = 0 for a detached reset, 1 otherwise, d the spike argument, g
 * the surrogate:
 *   'post' subtract   dm = ḡv;  dθ = −z·ḡv;  dz −= ε·θ_t·ḡv
 *   'post' to_reset   dm = ḡv·(1 − z);        dz += ε·(v_reset − m)·ḡv
 *                     dd = dz·g(m − θ_t);  dm += dd;  dθ −= dd
 *                     du = dm;  dβ̂ += dm·v_{t−1};  ḡv ← β̂·dm
 *   'pre' subtract    du = ḡv;  dβ̂ += ḡv·v_{t−1};  ḡv ← β̂·ḡv;  dθ = −z·ḡv_t;  dz −= ε·θ_t·ḡv_t
 *   'pre' to_reset    w = v_{t−1} + (v_reset − v_{t−1})·z;  du = ḡv;  dβ̂ += ḡv·w;
 *                     ḡv ← β̂·ḡv·(1 − z);  dz += ε·(v_reset − v_{t−1})·β̂·ḡv_t
 *                     dd = dz·g(v_{t−1} − θ_t);  ḡv += dd;  dθ −= dd
 *   membrane output   ḡv_t = dy_t + ḡv;  du = ḡv_t;  dβ̂ += ḡv_t·v_{t−1};  ḡv ← β̂·ḡv_t
 *   adaptive          ḡa ← γ·ḡa + dθ          (θ_t = θ + a_{t−1})
 *   synaptic          ḡc_t = g_cur·du + ḡc;  dx_t = g_in·ḡc_t;  dα̂ += ḡc_t·c_{t−1};  ḡc ← α̂·ḡc_t
 *   otherwise         dx_t = g_in·du
 * dβ̂ and dα̂ are summed over the batch; the caller masks them by the clip (β in [0, 1]).
 */
import { SURROGATES } from '../../surrogates';
import type { DiscreteNeuron } from '../../neurons/types';
import type { ScanSpec } from '../kernels/neuronScan';

/**
 * Per-neuron constants, each [N], as the discretised neuron holds them (../../neurons/types.ts);
 * beta and alpha already clipped to [0, 1]. alpha and gainCur only on synaptic layers, gamma only
 * on adaptive ones.
 */
export type ScanArrays = Pick<DiscreteNeuron, 'beta' | 'gainIn' | 'bias' | 'threshold' | 'vReset' | 'alpha' | 'gainCur' | 'gamma'>;

export interface ScanTape {
  out: Float32Array;
  v?: Float32Array;
  m?: Float32Array;
  c?: Float32Array;
  a?: Float32Array;
}

/**
 * The input I_t [L] of step t, given the spikes so far (out [T·L], steps before t written), or null
 * where it is x_t itself. Called once a step, t = 0 … T−1, before the step; the array may be reused.
 */
export type StepInput = (t: number, out: Float32Array) => Float32Array | null;

/**
 * The recurrent gradient f_t [L] added to ∂L/∂z_t, given dx so far (steps after t written), or null
 * for none. Called once a step, t = T−1 … 0, before the step (spiking outputs only).
 */
export type StepFeedback = (t: number, dx: Float32Array) => Float32Array | Float64Array | null;

export interface ScanGrads {
  dx: Float32Array;
  /** Σ over batch and time of ∂L/∂β̂ per neuron, [N]. */
  dBeta: Float64Array;
  /** Σ of ∂L/∂α̂ per neuron, [N] (zeros unless synaptic). */
  dAlpha: Float64Array;
}

/** The membrane m_t of every step, [T, B, N]. */
export function membraneOf(tape: ScanTape, spec: ScanSpec): Float32Array {
  if (spec.output === 'membrane') return tape.out;
  return spec.spikeFrom === 'post' ? tape.m! : tape.v!;
}

export function scanForward(x: Float32Array, p: ScanArrays, spec: ScanSpec, T: number, B: number, N: number,
  stepInput?: StepInput): ScanTape {
  const f = Math.fround;
  const L = B * N;
  const size = T * L;
  const synaptic = p.alpha !== undefined;
  const adaptive = p.gamma !== undefined && spec.output === 'spikes';
  const membraneOut = spec.output === 'membrane';
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
  const tape: ScanTape = { out };
  const vT = membraneOut ? out : (tape.v = new Float32Array(size));
  const mT = !membraneOut && post ? (tape.m = new Float32Array(size)) : vT;
  const cT = synaptic ? (tape.c = new Float32Array(size)) : null;
  const aT = adaptive ? (tape.a = new Float32Array(size)) : null;
  const vS = new Float32Array(L);
  const cS = new Float32Array(L);
  const aS = new Float32Array(L);
  for (let t = 0; t < T; t++) {
    const base = t * L;
    const own = stepInput ? stepInput(t, out) : null;
    const input = own ?? x;
    const inAt = own ? 0 : base;
    for (let bb = 0; bb < B; bb++) {
      const row = bb * N;
      for (let n = 0; n < N; n++) {
        const l = row + n;
        const i = base + l;
        let u = f(gainIn[n] * input[inAt + l]);
        if (synaptic) {
          const c = f(f(alpha[n] * cS[l]) + u);
          cS[l] = c;
          cT![i] = c;
          u = f(gainCur[n] * c);
        }
        const vp = vS[l];
        if (membraneOut) {
          const v = f(f(f(beta[n] * vp) + bias[n]) + u);
          vS[l] = v;
          out[i] = v;
          continue;
        }
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

export function scanBackward(dy: Float32Array, tape: ScanTape, p: ScanArrays, spec: ScanSpec, T: number, B: number, N: number,
  feedback?: StepFeedback): ScanGrads {
  const f = Math.fround;
  const L = B * N;
  const synaptic = p.alpha !== undefined;
  const adaptive = p.gamma !== undefined && spec.output === 'spikes';
  const membraneOut = spec.output === 'membrane';
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
  const vT = membraneOut ? out : tape.v!;
  const mT = tape.m ?? vT;
  const cT = tape.c;
  const aT = tape.a;
  const dx = new Float32Array(T * L);
  const dBeta = new Float64Array(N);
  const dAlpha = new Float64Array(N);
  const gv = new Float64Array(L);
  const gc = new Float64Array(L);
  const ga = new Float64Array(L);
  for (let t = T - 1; t >= 0; t--) {
    const base = t * L;
    const first = t === 0;
    const fb = feedback ? feedback(t, dx) : null;
    for (let bb = 0; bb < B; bb++) {
      const row = bb * N;
      for (let n = 0; n < N; n++) {
        const l = row + n;
        const i = base + l;
        const vPrev = first ? 0 : vT[i - L];
        const b = beta[n];
        let du: number;
        if (membraneOut) {
          const g = dy[i] + gv[l];
          du = g;
          dBeta[n] += g * vPrev;
          gv[l] = b * g;
        } else {
          const th = adaptive ? f(threshold[n] + (first ? 0 : aT![i - L])) : threshold[n];
          const z = out[i];
          const g = gv[l];
          let dz = fb === null ? dy[i] : dy[i] + fb[l];
          if (adaptive) dz += (1 - gamma[n]) * ga[l];
          let dth = 0;
          let gvPrev: number;
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
        }
        if (synaptic) {
          const g = gainCur[n] * du + gc[l];
          dx[i] = gainIn[n] * g;
          dAlpha[n] += g * (first ? 0 : cT![i - L]);
          gc[l] = alpha[n] * g;
        } else {
          dx[i] = gainIn[n] * du;
        }
      }
    }
  }
  return { dx, dBeta, dAlpha };
}
