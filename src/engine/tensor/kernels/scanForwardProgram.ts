/**
 * Fused neuron scan, forward: one invocation per lane l = b·N + n runs all T steps of one neuron
 * of one sample in registers and writes every step's state once (layout in ./scanLayout.ts).
 *
 * Inputs (float32, flat): inX [T·B·N] (time-major x); params [K·N], the rows of scanParamNames
 * (beta, gainIn, bias, threshold, vReset; synaptic: alpha, gainCur; adaptive: gamma).
 * Uniforms: steps T, lanes B·N, neurons N.
 * Output: result [S·T·B·N], the saved state of ./scanLayout.ts (m_t, v_t, c_t, a_t; not the spikes,
 * which ./scanSpikesProgram.ts derives from it).
 *
 * Per step, with β̂ = clamp(β, 0, 1), α̂ = clamp(α, 0, 1) and H(z) = [z > 0] (the equations of
 * ../scan/types.ts, in the same evaluation order as ../scan/plainScan.ts so float32 results agree):
 *   u = g_in·x_t;  synaptic: c = α̂·c + u, u = g_cur·c
 *   membrane output:  v = β̂·v + b + u                      → mem = v
 *   θ_t = θ + a (adaptive) or θ
 *   post: m = β̂·v + b + u; z = H(m − θ_t); v = m − θ_t·z | m + (v_reset − m)·z     → mem = m
 *   pre:  z = H(v − θ_t); v = β̂·v + b + u − θ_t·z | β̂·(v + (v_reset − v)·z) + b + u → mem = v
 *   adaptive: a = γ·a + (1 − γ)·z
 */
import type { ScanSpec } from '../scan/types';
import { FlatProgram } from './program';
import { scanLayout, scanShaderKey } from './scanLayout';

/**
 * The rows of the packed parameter input `params` [K, N] that both passes read (one binding:
 * WebGPU guarantees only 8 storage buffers per shader stage).
 */
export function scanParamNames(spec: ScanSpec): string[] {
  const names = ['beta', 'gainIn', 'bias', 'threshold', 'vReset'];
  if (spec.synaptic) names.push('alpha', 'gainCur');
  if (spec.adaptive && spec.output === 'spikes') names.push('gamma');
  return names;
}

/** WGSL `let` lines reading neuron n's parameters from `params` under their short names. */
export function scanParamLets(spec: ScanSpec): string {
  const row = (name: string) => `params[${scanParamNames(spec).indexOf(name)} * uniforms.neurons + n]`;
  const lines = [`let bh = clamp(${row('beta')}, 0.0, 1.0);`, `let gi = ${row('gainIn')};`, `let b0 = ${row('bias')};`,
    `let th = ${row('threshold')};`, `let vr = ${row('vReset')};`];
  if (spec.synaptic) lines.push(`let alphaRaw = ${row('alpha')};`, 'let ah = clamp(alphaRaw, 0.0, 1.0);', `let gc = ${row('gainCur')};`);
  if (spec.adaptive && spec.output === 'spikes') lines.push(`let ga = ${row('gamma')};`);
  lines.push(`let betaRaw = ${row('beta')};`);
  return lines.join('\n        ');
}

export class ScanForwardProgram extends FlatProgram {
  variableNames: string[];
  uniforms = 'steps : i32, lanes : i32, neurons : i32,';
  private readonly spec: ScanSpec;

  constructor(spec: ScanSpec, steps: number, lanes: number) {
    const layout = scanLayout(spec);
    super([layout.slots * steps * lanes], lanes, `spikelab_scan_fwd_${scanShaderKey(spec)}`);
    this.spec = spec;
    this.variableNames = ['inX', 'params'];
  }

  getUserCode(): string {
    const spec = this.spec;
    const L = scanLayout(spec);
    const slot = (s: number) => `(${s} * uniforms.steps + t) * uniforms.lanes + l`;
    const spiking = spec.output === 'spikes';
    const adaptive = spiking && spec.adaptive;
    const subtract = spec.reset === 'subtract';
    const lines: string[] = [];
    lines.push('var u = gi * inX[i];');
    if (spec.synaptic) lines.push('c = ah * c + u;', 'u = gc * c;', `result[${slot(L.c)}] = c;`);
    if (!spiking) {
      lines.push('v = bh * v + b0 + u;', `result[${slot(L.mem)}] = v;`);
    } else {
      lines.push(adaptive ? 'let th_t = th + a;' : 'let th_t = th;');
      if (spec.spikeFrom === 'post') {
        lines.push('let m = bh * v + b0 + u;', 'let z = select(0.0, 1.0, m - th_t > 0.0);',
          subtract ? 'v = m - th_t * z;' : 'v = m + (vr - m) * z;', `result[${slot(L.mem)}] = m;`);
      } else {
        lines.push('let z = select(0.0, 1.0, v - th_t > 0.0);',
          subtract ? 'v = bh * v + b0 + u - th_t * z;' : 'v = bh * (v + (vr - v) * z) + b0 + u;', `result[${slot(L.mem)}] = v;`);
      }
      if (adaptive) lines.push('a = ga * a + (1.0 - ga) * z;', `result[${slot(L.a)}] = a;`);
    }
    return `
      fn main(index : i32) {
        let l = index;
        if (l >= uniforms.lanes) { return; }
        let n = l % uniforms.neurons;
        ${scanParamLets(spec)}
        ${spec.synaptic ? 'var c = 0.0;' : ''}
        ${adaptive ? 'var a = 0.0;' : ''}
        var v = 0.0;
        for (var t = 0; t < uniforms.steps; t = t + 1) {
          let i = t * uniforms.lanes + l;
          ${lines.join('\n          ')}
        }
      }`;
  }
}
