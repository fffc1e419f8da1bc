/**
 * Fused recurrent scan, forward (contract in ../../kernels/recurrentScan.ts): one dispatch for the whole
 * layer over all T. Workgroup b runs batch row b (./recurrentLayout.ts); per step each invocation
 * updates its neurons n with input I = x_t + Σ_{j : z_{t−1}[j] ≠ 0} z_{t−1}[j]·Wᵀ[j, n] (zero
 * spikes skipped; z_{t−1} read from workgroup memory, Wᵀ from storage so neighbouring invocations
 * read neighbouring words), writes z_t to the other half of the double buffer, and one
 * workgroupBarrier() ends the step. The state per neuron (v; c synaptic; a adaptive) lives in
 * registers.
 *
 * Inputs (float32, flat): inX [T·B·N], wt [N·N] (Wᵀ, [in, out]), params [P·N] (rows of
 * scanParamNames). Uniforms: steps T, lanes B·N, neurons N.
 * Output: result [S·T·B·N], the feed-forward scan's saved state (./scanLayout.ts: m_t, c_t, a_t),
 * not the spikes: ./scanSpikesProgram.ts derives them from it bit for bit. The update per neuron
 * is that of ./neuronStepWgsl.ts (spiking outputs only), as in the feed-forward scan.
 */
import type { ScanSpec } from '../../kernels/neuronScan';
import { forwardStepWgsl } from './neuronStepWgsl';
import { RowProgram } from './recurrentLayout';
import { scanLayout, slotAt } from './scanLayout';

export class RecurrentForwardProgram extends RowProgram {
  variableNames = ['inX', 'wt', 'params'];
  uniforms = 'steps : i32, lanes : i32, neurons : i32,';

  constructor(spec: ScanSpec, steps: number, batch: number, neurons: number) {
    super('fwd', spec, scanLayout(spec).slots * steps * batch * neurons, batch, neurons);
  }

  getUserCode(): string {
    const spec = this.spec;
    const L = scanLayout(spec);
    const slot = (s: number) => slotAt('result', s);
    const body = [...forwardStepWgsl(spec, '(inX[i] + rec)'), `${slot(L.mem)} = m;`];
    if (spec.synaptic) body.push(`${slot(L.c)} = c;`);
    if (spec.adaptive) body.push(`${slot(L.a)} = a;`);
    const carried = ['v', ...(spec.synaptic ? ['c'] : []), ...(spec.adaptive ? ['a'] : [])];
    body.push('zs[q + n] = z;');
    return this.rowMain({ shared: 'zs', matrix: 'wt', sum: 'rec', carried, reverse: false, body });
  }
}
