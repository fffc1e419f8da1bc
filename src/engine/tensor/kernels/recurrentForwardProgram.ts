/**
 * Fused recurrent scan, forward (contract in ../scan/recurrentTypes.ts): one dispatch for the whole
 * layer over all T. Workgroup b runs batch row b (./recurrentLayout.ts); per step each invocation
 * updates its neurons n with input I = x_t + Σ_{j : z_{t−1}[j] ≠ 0} z_{t−1}[j]·Wᵀ[j, n] (zero
 * spikes skipped; z_{t−1} read from workgroup memory, Wᵀ from storage so neighbouring invocations
 * read neighbouring words), writes z_t to the other half of the double buffer, and one
 * workgroupBarrier() ends the step. The state per neuron (v, c, a) lives in registers.
 *
 * Inputs (float32, flat): inX [T·B·N], wt [N·N] (Wᵀ, [in, out]), params [K·N] (rows recurrentParamNames). Uniforms: steps T, lanes B·N, neurons N.
 * Output: result [S·T·B·N], the slots of ./recurrentLayout.ts, so the backward reads
 * exactly the forward's spikes and state. The update per neuron is that of
 * ./scanForwardProgram.ts (spiking outputs only), in the same float32 evaluation order.
 */
import type { ScanSpec } from '../scan/types';
import { recurrentParamLets, recurrentSlots, RowProgram } from './recurrentLayout';

export class RecurrentForwardProgram extends RowProgram {
  variableNames = ['inX', 'wt', 'params'];
  uniforms = 'steps : i32, lanes : i32, neurons : i32,';

  constructor(spec: ScanSpec, steps: number, batch: number, neurons: number) {
    super('fwd', spec, recurrentSlots(spec).slots * steps * batch * neurons, batch, neurons);
  }

  getUserCode(): string {
    const spec = this.spec;
    const N = this.neurons;
    const { wg, k: K } = this.shape;
    const L = recurrentSlots(spec);
    const slot = (s: number) => `result[(${s} * uniforms.steps + t) * uniforms.lanes + l]`;
    const subtract = spec.reset === 'subtract';
    const lines: string[] = ['var u = gi * (inX[i] + rec);'];
    if (spec.synaptic) lines.push('c = ah * c + u;', 'u = gc * c;', `${slot(L.c)} = c;`);
    lines.push(spec.adaptive ? 'let th_t = th + a;' : 'let th_t = th;');
    if (spec.spikeFrom === 'post') {
      lines.push('let m = bh * v + b0 + u;', 'let z = select(0.0, 1.0, m - th_t > 0.0);',
        subtract ? 'v = m - th_t * z;' : 'v = m + (vr - m) * z;', `${slot(L.v)} = v;`);
    } else {
      lines.push('let z = select(0.0, 1.0, v - th_t > 0.0);',
        subtract ? 'v = bh * v + b0 + u - th_t * z;' : 'v = bh * (v + (vr - v) * z) + b0 + u;', 'let m = v;');
    }
    if (spec.adaptive) lines.push('a = ga * a + (1.0 - ga) * z;', `${slot(L.a)} = a;`);
    lines.push(`${slot(L.out)} = z;`, `${slot(L.m)} = m;`, 'zs[q + n] = z;');
    return `
      var<workgroup> zs : array<f32, ${2 * N}>;
      fn main(index : i32) {
        let b = i32(workgroupId.x);
        let lid = i32(localId.x);
        var vS : array<f32, ${K}>;
        var cS : array<f32, ${K}>;
        var aS : array<f32, ${K}>;
        for (var k = 0; k < ${K}; k = k + 1) {
          vS[k] = 0.0;
          cS[k] = 0.0;
          aS[k] = 0.0;
          let n = lid + k * ${wg};
          if (n < ${N}) { zs[n] = 0.0; }
        }
        workgroupBarrier();
        for (var t = 0; t < uniforms.steps; t = t + 1) {
          let p = (t % 2) * ${N};
          let q = ${N} - p;
          for (var k = 0; k < ${K}; k = k + 1) {
            let n = lid + k * ${wg};
            if (n < ${N}) {
              let l = b * ${N} + n;
              let i = t * uniforms.lanes + l;
              var rec = 0.0;
              for (var j = 0; j < ${N}; j = j + 1) {
                let s = zs[p + j];
                if (s != 0.0) { rec = rec + s * wt[j * ${N} + n]; }
              }
              ${recurrentParamLets(spec, N)}
              var v = vS[k];
              var c = cS[k];
              var a = aS[k];
              ${lines.join('\n              ')}
              vS[k] = v;
              cS[k] = c;
              aS[k] = a;
            }
          }
          workgroupBarrier();
        }
      }`;
  }
}
