/**
 * Fused recurrent scan, backward (BPTT; contract in ../../kernels/recurrentScan.ts): one reverse-time
 * dispatch. Workgroup b walks t = T−1 … 0 over batch row b (./recurrentLayout.ts), each
 * invocation carrying its neurons' adjoints λ_v (λ_c synaptic, λ_a adaptive) in registers. The
 * spike's upstream gradient at step t is dy_t[j] + Σ_n W[n, j]·δ_{t+1}[n] (zero δ skipped), with
 * δ_{t+1} = ∂L/∂I_{t+1} of the whole row read from workgroup memory (double-buffered; one
 * workgroupBarrier() a step); the spike r = z_t and the post-reset v_{t−1} are recomputed from the
 * saved membranes exactly as the forward computed them (recomputedSpikeWgsl,
 * ./scanBackwardProgram.ts); the rest is the adjoint of ./neuronStepWgsl.ts (spiking outputs
 * only, f_t that sum), which gives δ_t, as in the feed-forward scan's backward.
 *
 * Inputs (float32, flat): dy [T·B·N], state [S·T·B·N] (the forward's, ./scanLayout.ts), w [N·N]
 * (W, [out, in]), params [P·N]. Uniforms: steps, lanes, neurons, slope k.
 * Output: result [T·B·N + B·N (+ B·N)] = δ (time-major; it is ∂L/∂x), then per-lane partials of
 * ∂L/∂β and, synaptic, ∂L/∂α, masked by the clip (the caller sums them over the batch). ∂W is
 * one matmul of δ and the forward's spike output, outside this pass.
 */
import type { ScanSpec } from '../../kernels/neuronScan';
import { inputAdjointWgsl, paramPartialsWgsl, spikeAdjointWgsl } from './neuronStepWgsl';
import { RowProgram } from './recurrentLayout';
import { recomputedSpikeWgsl } from './scanBackwardProgram';
import { scanLayout, slotBefore } from './scanLayout';
import { surrogateWgsl } from './surrogateWgsl';

export class RecurrentBackwardProgram extends RowProgram {
  variableNames = ['dy', 'state', 'w', 'params'];
  uniforms = 'steps : i32, lanes : i32, neurons : i32, slope : f32,';

  constructor(spec: ScanSpec, steps: number, batch: number, neurons: number) {
    super('bwd', spec, (steps + (spec.synaptic ? 2 : 1)) * batch * neurons, batch, neurons);
  }

  getUserCode(): string {
    const spec = this.spec;
    const L = scanLayout(spec);
    const body = [...recomputedSpikeWgsl(spec), ...spikeAdjointWgsl(spec, 'dy[i] + fb'),
      ...inputAdjointWgsl(spec, slotBefore('state', L.c)), 'result[i] = delta;', 'ds[q + n] = delta;'];
    const carried = ['lv', 'dbh', ...(spec.synaptic ? ['lc', 'dah'] : []), ...(spec.adaptive ? ['la'] : [])];
    const after = [this.paramLets(), ...paramPartialsWgsl(spec, 'dbhS[k]', 'dahS[k]')];
    return `
      ${surrogateWgsl(spec.surrogate.name)}
      ${this.rowMain({ shared: 'ds', matrix: 'w', sum: 'fb', carried, reverse: true, body, after: after.join('\n            ') })}`;
  }
}
