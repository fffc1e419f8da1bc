/**
 * One step of the neuron update and of its adjoint as WGSL statements, shared by the fused scan
 * (./scanForwardProgram.ts, ./scanBackwardProgram.ts: one invocation per lane) and the fused
 * recurrent scan (./recurrentForwardProgram.ts, ./recurrentBackwardProgram.ts: one workgroup per
 * row). They differ in where the input current comes from and where the state is written; the
 * caller stores what it saves. In scope: the parameter lets of scanParamLets (bh, gi, b0, th, vr;
 * ah, gc; ga) and the carried registers (v, c, a forward; lv, lc, la, dbh, dah backward).
 *
 * Forward, with β̂ = clamp(β, 0, 1), α̂ = clamp(α, 0, 1) and H(z) = [z > 0] (the equations of
 * ../../kernels/neuronScan.ts, in the same evaluation order as ../../kernels/plain/plainScan.ts so float32 results agree):
 *   u = g_in·I_t;  synaptic: c = α̂·c + u, u = g_cur·c
 *   membrane output:  v = β̂·v + b + u
 *   θ_t = θ + a (adaptive) or θ
 *   post: m = β̂·v + b + u; z = H(m − θ_t); v = m − θ_t·z | m + (v_reset − m)·z
 *   pre:  z = H(v − θ_t); v = β̂·v + b + u − θ_t·z | β̂·(v + (v_reset − v)·z) + b + u;  m = v
 *   adaptive: a = γ·a + (1 − γ)·z
 *
 * Backward (spiking outputs), with g the surrogate, r = z_t the reset spike (carrying no gradient
 * when detached), f_t the caller's extra upstream gradient of the spike (the recurrent one):
 *   post: s = g(m_t − θ_t)
 *         g_z = dy_t + f_t + (1 − γ)·λ_a + [attached] (−θ_t·λ_v | (v_reset − m_t)·λ_v)
 *         g_m = (λ_v | (1 − r)·λ_v) + g_z·s;  g_θ = −g_z·s − (r·λ_v | 0)
 *         ∂β̂ += g_m·v_{t−1};  λ_v ← β̂·g_m;  g_u = g_m
 *   pre:  s = g(v_{t−1} − θ_t);  w = (v_{t−1} | v_{t−1} + (v_reset − v_{t−1})·r)
 *         g_z = dy_t + f_t + (1 − γ)·λ_a + [attached] (−θ_t·λ_v | β̂·(v_reset − v_{t−1})·λ_v)
 *         ∂β̂ += λ_v·w;  g_u = λ_v;  g_θ = −g_z·s − (r·λ_v | 0)
 *         λ_v ← (β̂·λ_v | β̂·(1 − r)·λ_v) + g_z·s
 *   adaptive (θ_t = θ + a_{t−1}): λ_a ← γ·λ_a + g_θ
 * and for every output, the input current's adjoint δ_t = ∂L/∂I_t:
 *   synaptic: g_c = λ_c + g_cur·g_u;  ∂α̂ += g_c·c_{t−1};  λ_c ← α̂·g_c;  δ_t = g_in·g_c
 *   otherwise δ_t = g_in·g_u
 * (a | b): the 'subtract' | 'to_reset' variant.
 */
import type { ScanSpec } from '../../kernels/neuronScan';

/**
 * The forward step from the input current `current` (a WGSL expression): updates v (and c, a)
 * and, for spiking outputs, defines z and m.
 */
export function forwardStepWgsl(spec: ScanSpec, current: string): string[] {
  const subtract = spec.reset === 'subtract';
  const lines = [`var u = gi * ${current};`];
  if (spec.synaptic) lines.push('c = ah * c + u;', 'u = gc * c;');
  if (spec.output === 'membrane') return [...lines, 'v = bh * v + b0 + u;'];
  lines.push(spec.adaptive ? 'let th_t = th + a;' : 'let th_t = th;');
  if (spec.spikeFrom === 'post') {
    lines.push('let m = bh * v + b0 + u;', 'let z = select(0.0, 1.0, m - th_t > 0.0);', subtract ? 'v = m - th_t * z;' : 'v = m + (vr - m) * z;');
  } else {
    lines.push('let z = select(0.0, 1.0, v - th_t > 0.0);',
      subtract ? 'v = bh * v + b0 + u - th_t * z;' : 'v = bh * (v + (vr - v) * z) + b0 + u;', 'let m = v;');
  }
  if (spec.adaptive) lines.push('a = ga * a + (1.0 - ga) * z;');
  return lines;
}

/**
 * The spike's adjoint, from its upstream gradient `upstream` (a WGSL expression, dy_t + f_t):
 * reads th_t, r, vPrev and (post) m; updates lv, la, dbh and defines gu.
 */
export function spikeAdjointWgsl(spec: ScanSpec, upstream: string): string[] {
  const subtract = spec.reset === 'subtract';
  const attached = !spec.detachReset;
  const lines = [`var gz = ${upstream}${spec.adaptive ? ' + (1.0 - ga) * la' : ''};`];
  if (spec.spikeFrom === 'post') {
    lines.push('let s = surrogate(m - th_t, uniforms.slope);');
    if (attached) lines.push(subtract ? 'gz = gz - th_t * lv;' : 'gz = gz + (vr - m) * lv;');
    lines.push(`let gm = ${subtract ? 'lv' : '(1.0 - r) * lv'} + gz * s;`);
    if (spec.adaptive) lines.push(`la = ga * la - gz * s${subtract ? ' - r * lv' : ''};`);
    lines.push('dbh = dbh + gm * vPrev;', 'lv = bh * gm;', 'let gu = gm;');
  } else {
    lines.push('let s = surrogate(vPrev - th_t, uniforms.slope);');
    if (attached) lines.push(subtract ? 'gz = gz - th_t * lv;' : 'gz = gz + bh * (vr - vPrev) * lv;');
    lines.push(`dbh = dbh + lv * ${subtract ? 'vPrev' : '(vPrev + (vr - vPrev) * r)'};`, 'let gu = lv;');
    if (spec.adaptive) lines.push(`la = ga * la - gz * s${subtract ? ' - r * lv' : ''};`);
    lines.push(`lv = ${subtract ? 'bh * lv' : 'bh * (1.0 - r) * lv'} + gz * s;`);
  }
  return lines;
}

/**
 * The input current's adjoint from gu: defines delta = δ_t; synaptic, with `cPrev` (a WGSL
 * expression for c_{t−1}, 0 at t = 0), updates lc and dah.
 */
export function inputAdjointWgsl(spec: ScanSpec, cPrev: string): string[] {
  if (!spec.synaptic) return ['let delta = gi * gu;'];
  return ['let gcur = lc + gc * gu;', `dah = dah + gcur * ${cPrev};`, 'lc = ah * gcur;', 'let delta = gi * gcur;'];
}

/** The WGSL statement storing lane l's partial of ∂L/∂β or ∂L/∂α, given as a WGSL expression. */
export type ParamPartialWriter = (param: 'beta' | 'alpha', value: string) => string;

/** In one output after the T·B·N values of δ: β's lane block, then α's. */
const packedPartial: ParamPartialWriter = (param, value) =>
  `result[partials + ${param === 'alpha' ? 'uniforms.lanes + ' : ''}l] = ${value};`;

/**
 * After the last step: lane l's partials of ∂L/∂β (and synaptic ∂L/∂α) from the sums `dbh` (and
 * `dah`, WGSL expressions), masked by [0 ≤ β ≤ 1] (the clip's derivative; betaRaw, alphaRaw in
 * scope), stored by `write` (by default after the T·B·N values of δ in `result`).
 */
export function paramPartialsWgsl(spec: ScanSpec, dbh: string, dah: string, write: ParamPartialWriter = packedPartial): string[] {
  const inUnit = (name: string) => `select(0.0, 1.0, ${name} >= 0.0 && ${name} <= 1.0)`;
  const lines = write === packedPartial ? ['let partials = uniforms.steps * uniforms.lanes;'] : [];
  lines.push(write('beta', `${dbh} * ${inUnit('betaRaw')}`));
  if (spec.synaptic) lines.push(write('alpha', `${dah} * ${inUnit('alphaRaw')}`));
  return lines;
}
