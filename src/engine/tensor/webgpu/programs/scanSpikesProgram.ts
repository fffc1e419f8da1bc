/**
 * The spikes of a fused forward scan, from its saved state (./scanLayout.ts): one invocation per
 * output value i = t·B·N + l, no time loop. With θ_t = θ + a_{t−1} (adaptive; a_{−1} = 0) or θ,
 *   post:  z_t = H(m_t − θ_t)
 *   pre:   z_t = H(v_{t−1} − θ_t)      (v_{−1} = 0)
 * exactly the comparison ./scanForwardProgram.ts makes on the same stored float32 values, so the
 * spikes are those of the forward pass bit for bit.
 *
 * Inputs (float32, flat): state [S·T·B·N], params [K·N] (rows of scanParamNames). Uniforms: steps T,
 * lanes B·N, neurons N. Output: result [T·B·N], 0 or 1.
 */
import type { ScanSpec } from '../../kernels/neuronScan';
import { FlatProgram } from './program';
import { scanParamLets } from './scanForwardProgram';
import { scanLayout, scanShaderKey, slotAt, slotBefore } from './scanLayout';

export class ScanSpikesProgram extends FlatProgram {
  variableNames = ['state', 'params'];
  uniforms = 'steps : i32, lanes : i32, neurons : i32,';
  private readonly spec: ScanSpec;

  constructor(spec: ScanSpec, steps: number, lanes: number) {
    super([steps * lanes], steps * lanes, `spikelab_scan_spikes_${scanShaderKey(spec)}`);
    this.spec = spec;
  }

  getUserCode(): string {
    const L = scanLayout(this.spec);
    const threshold = L.a >= 0 ? `th + ${slotBefore('state', L.a)}` : 'th';
    const fired = this.spec.spikeFrom === 'post' ? slotAt('state', L.mem) : slotBefore('state', L.mem);
    return `
      fn main(index : i32) {
        if (index >= uniforms.steps * uniforms.lanes) { return; }
        let l = index % uniforms.lanes;
        let t = index / uniforms.lanes;
        let n = l % uniforms.neurons;
        ${scanParamLets(this.spec)}
        let th_t = ${threshold};
        result[index] = select(0.0, 1.0, ${fired} - th_t > 0.0);
      }`;
  }
}
