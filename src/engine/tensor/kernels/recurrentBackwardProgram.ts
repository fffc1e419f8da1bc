/**
 * Fused recurrent scan, backward (BPTT; contract in ../scan/recurrentTypes.ts): one reverse-time
 * dispatch. Workgroup b walks t = T−1 … 0 over batch row b (./recurrentLayout.ts), each
 * invocation carrying its neurons' adjoints λ_v, λ_c, λ_a in registers. The spike's upstream
 * gradient at step t is dy_t[j] + Σ_n W[n, j]·δ_{t+1}[n] (zero δ skipped), with δ_{t+1} = ∂L/∂I_{t+1}
 * of the whole row read from workgroup memory (double-buffered; one workgroupBarrier() a step);
 * the rest is the adjoint of ./scanBackwardProgram.ts (spiking outputs only), which gives δ_t.
 *
 * Inputs (float32, flat): dy [T·B·N], state [S·T·B·N] (the forward's), w [N·N] (W, [out, in]),
 * params [K·N]. Uniforms: steps, lanes, neurons, slope k.
 * Output: result [T·B·N + B·N (+ B·N)] = δ (time-major; it is ∂L/∂x), then per-lane partials of
 * ∂L/∂β and, synaptic, ∂L/∂α, masked by the clip (the caller sums them over the batch). ∂W is
 * one matmul of δ and the saved spikes, outside this pass.
 */
import type { ScanSpec } from '../scan/types';
import { recurrentParamLets, recurrentSlots, RowProgram } from './recurrentLayout';
import { surrogateWgsl } from './surrogateWgsl';

export class RecurrentBackwardProgram extends RowProgram {
  variableNames = ['dy', 'state', 'w', 'params'];
  uniforms = 'steps : i32, lanes : i32, neurons : i32, slope : f32,';

  constructor(spec: ScanSpec, steps: number, batch: number, neurons: number) {
    super('bwd', spec, (steps + (spec.synaptic ? 2 : 1)) * batch * neurons, batch, neurons);
  }

  getUserCode(): string {
    const spec = this.spec;
    const N = this.neurons;
    const { wg, k: K } = this.shape;
    const L = recurrentSlots(spec);
    const at = (s: number) => `state[(${s} * uniforms.steps + t) * uniforms.lanes + l]`;
    const before = (s: number) => `select(0.0, state[(${s} * uniforms.steps + max(t - 1, 0)) * uniforms.lanes + l], t > 0)`;
    const subtract = spec.reset === 'subtract';
    const attached = !spec.detachReset;
    const body: string[] = [`let vPrev = ${before(L.v)};`];
    body.push(spec.adaptive ? `let th_t = th + ${before(L.a)};` : 'let th_t = th;', `let r = ${at(L.out)};`);
    body.push(`var gz = dy[i] + fb${spec.adaptive ? ' + (1.0 - ga) * la' : ''};`);
    if (spec.spikeFrom === 'post') {
      body.push(`let m = ${at(L.m)};`, 'let s = surrogate(m - th_t, uniforms.slope);');
      if (attached) body.push(subtract ? 'gz = gz - th_t * lv;' : 'gz = gz + (vr - m) * lv;');
      body.push(`let gm = ${subtract ? 'lv' : '(1.0 - r) * lv'} + gz * s;`);
      if (spec.adaptive) body.push(`la = ga * la - gz * s${subtract ? ' - r * lv' : ''};`);
      body.push('dbh = dbh + gm * vPrev;', 'lv = bh * gm;', 'let gu = gm;');
    } else {
      body.push('let s = surrogate(vPrev - th_t, uniforms.slope);');
      if (attached) body.push(subtract ? 'gz = gz - th_t * lv;' : 'gz = gz + bh * (vr - vPrev) * lv;');
      body.push(`dbh = dbh + lv * ${subtract ? 'vPrev' : '(vPrev + (vr - vPrev) * r)'};`, 'let gu = lv;');
      if (spec.adaptive) body.push(`la = ga * la - gz * s${subtract ? ' - r * lv' : ''};`);
      body.push(`lv = ${subtract ? 'bh * lv' : 'bh * (1.0 - r) * lv'} + gz * s;`);
    }
    if (spec.synaptic) {
      body.push('let gcur = lc + gc * gu;', `dah = dah + gcur * ${before(L.c)};`, 'lc = ah * gcur;', 'let delta = gi * gcur;');
    } else {
      body.push('let delta = gi * gu;');
    }
    body.push('result[i] = delta;', 'ds[q + n] = delta;');
    const inUnit = (name: string) => `select(0.0, 1.0, ${name} >= 0.0 && ${name} <= 1.0)`;
    return `
      ${surrogateWgsl(spec.surrogate.name)}
      var<workgroup> ds : array<f32, ${2 * N}>;
      fn main(index : i32) {
        let b = i32(workgroupId.x);
        let lid = i32(localId.x);
        var lvS : array<f32, ${K}>;
        var lcS : array<f32, ${K}>;
        var laS : array<f32, ${K}>;
        var dbhS : array<f32, ${K}>;
        var dahS : array<f32, ${K}>;
        for (var k = 0; k < ${K}; k = k + 1) {
          lvS[k] = 0.0;
          lcS[k] = 0.0;
          laS[k] = 0.0;
          dbhS[k] = 0.0;
          dahS[k] = 0.0;
          let n = lid + k * ${wg};
          if (n < ${N}) { ds[n] = 0.0; }
        }
        workgroupBarrier();
        var it = 0;
        for (var t = uniforms.steps - 1; t >= 0; t = t - 1) {
          let p = (it % 2) * ${N};
          let q = ${N} - p;
          for (var k = 0; k < ${K}; k = k + 1) {
            let n = lid + k * ${wg};
            if (n < ${N}) {
              let l = b * ${N} + n;
              let i = t * uniforms.lanes + l;
              var fb = 0.0;
              for (var o = 0; o < ${N}; o = o + 1) {
                let d = ds[p + o];
                if (d != 0.0) { fb = fb + d * w[o * ${N} + n]; }
              }
              ${recurrentParamLets(spec, N)}
              var lv = lvS[k];
              var lc = lcS[k];
              var la = laS[k];
              var dbh = dbhS[k];
              var dah = dahS[k];
              ${body.join('\n              ')}
              lvS[k] = lv;
              lcS[k] = lc;
              laS[k] = la;
              dbhS[k] = dbh;
              dahS[k] = dah;
            }
          }
          workgroupBarrier();
          it = it + 1;
        }
        let partials = uniforms.steps * uniforms.lanes;
        for (var k = 0; k < ${K}; k = k + 1) {
          let n = lid + k * ${wg};
          if (n < ${N}) {
            let l = b * ${N} + n;
            ${recurrentParamLets(spec, N)}
            result[partials + l] = dbhS[k] * ${inUnit('betaRaw')};
            ${spec.synaptic ? `result[partials + uniforms.lanes + l] = dahS[k] * ${inUnit('alphaRaw')};` : ''}
          }
        }
      }`;
  }
}
