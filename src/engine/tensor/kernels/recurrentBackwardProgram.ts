/**
 * Fused recurrent scan, backward (BPTT; contract in ../scan/recurrentTypes.ts): one reverse-time
 * dispatch. Workgroup b walks t = T−1 … 0 over batch row b (./recurrentLayout.ts), each
 * invocation carrying its neurons' adjoints λ_v, λ_c, λ_a in registers. The spike's upstream
 * gradient at step t is dy_t[j] + Σ_n W[n, j]·δ_{t+1}[n] (zero δ skipped), with δ_{t+1} = ∂L/∂I_{t+1}
 * of the whole row read from workgroup memory (double-buffered; one workgroupBarrier() a step);
 * the rest is the adjoint of ./neuronStepWgsl.ts (spiking outputs only, f_t that sum), which
 * gives δ_t, as in the feed-forward scan's backward.
 *
 * Inputs (float32, flat): dy [T·B·N], state [S·T·B·N] (the forward's), w [N·N] (W, [out, in]),
 * params [K·N]. Uniforms: steps, lanes, neurons, slope k.
 * Output: result [T·B·N + B·N (+ B·N)] = δ (time-major; it is ∂L/∂x), then per-lane partials of
 * ∂L/∂β and, synaptic, ∂L/∂α, masked by the clip (the caller sums them over the batch). ∂W is
 * one matmul of δ and the saved spikes, outside this pass.
 */
import type { ScanSpec } from '../scan/types';
import { inputAdjointWgsl, paramPartialsWgsl, spikeAdjointWgsl } from './neuronStepWgsl';
import { recurrentSlots, RowProgram } from './recurrentLayout';
import { scanParamLets } from './scanForwardProgram';
import { slotAt, slotBefore } from './scanLayout';
import { surrogateWgsl } from './surrogateWgsl';

export class RecurrentBackwardProgram extends RowProgram {
  variableNames = ['dy', 'state', 'w', 'params'];
  uniforms = 'steps : i32, lanes : i32, neurons : i32, slope : f32,';

  constructor(spec: ScanSpec, steps: number, batch: number, neurons: number) {
    super('bwd', spec, (steps + (spec.synaptic ? 2 : 1)) * batch * neurons, batch, neurons);
  }

  getUserCode(): string {
    const spec = this.spec;
    const L = recurrentSlots(spec);
    const at = (s: number) => slotAt('state', s);
    const before = (s: number) => slotBefore('state', s);
    const body = [`let vPrev = ${before(L.v)};`, spec.adaptive ? `let th_t = th + ${before(L.a)};` : 'let th_t = th;', `let r = ${at(L.out)};`];
    if (spec.spikeFrom === 'post') body.push(`let m = ${at(L.m)};`);
    body.push(...spikeAdjointWgsl(spec, 'dy[i] + fb'), ...inputAdjointWgsl(spec, before(L.c)), 'result[i] = delta;', 'ds[q + n] = delta;');
    const carried = ['lv', 'lc', 'la', 'dbh', 'dah'];
    const after = [scanParamLets(spec, `${this.neurons}`), ...paramPartialsWgsl(spec, 'dbhS[k]', 'dahS[k]')];
    return `
      ${surrogateWgsl(spec.surrogate.name)}
      ${this.rowMain({ shared: 'ds', matrix: 'w', sum: 'fb', carried, reverse: true, body, after: after.join('\n            ') })}`;
  }
}
