/**
 * Fused neuron scan, backward (BPTT): one invocation per lane l = b·N + n walks t = T−1 … 0 and
 * carries the adjoints λ_v = ∂L/∂v_t, λ_c = ∂L/∂c_t, λ_a = ∂L/∂a_t from the future, reading the
 * forward's saved state (./scanLayout.ts; x_{t−1} stands for slot x at step t − 1, 0 at t = 0). The
 * spike r = z_t and, for 'post', v_{t−1} are recomputed from the saved membranes exactly as the
 * forward computed them (H(m_t − θ_t); v_{t−1} = m_{t−1} − θ_{t−1}·z_{t−1} | m_{t−1} + (v_reset −
 * m_{t−1})·z_{t−1}), so the backward sees the forward's spikes.
 *
 * Inputs (float32, flat): dy [T·B·N] (∂L/∂out), state [S·T·B·N], params [K·N] (the forward's). Uniforms: steps, lanes, neurons, slope k.
 * Read-write (./multiOutputProgram.ts, new): result [T·B·N] = dx (time-major); dBeta [B·N] and, for
 * synaptic layers, dAlpha [B·N]: per-lane partials of ∂L/∂β and ∂L/∂α (the caller sums them over
 * the batch). The partials are masked by [0 ≤ β ≤ 1] (and [0 ≤ α ≤ 1]): the derivative of the clip.
 *
 * Per step, the adjoint of ./neuronStepWgsl.ts with f_t = 0 and dx_t = δ_t; membrane output:
 *   g_v = λ_v + dy_t;  ∂β̂ += g_v·v_{t−1};  λ_v ← β̂·g_v;  g_u = g_v
 */
import type { ScanSpec } from '../../kernels/neuronScan';
import { inputAdjointWgsl, paramPartialsWgsl, spikeAdjointWgsl } from './neuronStepWgsl';
import { MultiOutputProgram } from './multiOutputProgram';
import { scanParamLets } from './scanForwardProgram';
import { scanLayout, scanShaderKey, slotAt, slotBefore } from './scanLayout';
import { surrogateWgsl } from './surrogateWgsl';

/**
 * WGSL defining th_t, r = z_t, vPrev = v_{t−1} (after its reset; 0 at t = 0) and, for 'post', m = m_t
 * from a spiking layer's saved `state` (./scanLayout.ts; t, l and the parameter lets in scope),
 * exactly as the forward computed them. The recurrent backward (./recurrentBackwardProgram.ts)
 * shares it.
 */
export function recomputedSpikeWgsl(spec: ScanSpec): string[] {
  const L = scanLayout(spec);
  const before = (s: number, k = 1) => slotBefore('state', s, k);
  const threshold = spec.adaptive ? `let th_t = th + ${before(L.a)};` : 'let th_t = th;';
  if (spec.spikeFrom === 'pre') return [`let vPrev = ${before(L.mem)};`, threshold, 'let r = select(0.0, 1.0, vPrev - th_t > 0.0);'];
  // v_{t−1} from m_{t−1} and its spike (θ_{t−1} = θ + a_{t−2}); r = z_t from m_t: what the forward computed.
  return [threshold, `let m = ${slotAt('state', L.mem)};`, 'let r = select(0.0, 1.0, m - th_t > 0.0);', 'var vPrev = 0.0;', 'if (t > 0) {',
    `  let mp = ${slotAt('state', L.mem, 't - 1')};`, `  let thp = ${spec.adaptive ? `th + ${before(L.a, 2)}` : 'th'};`,
    '  let zp = select(0.0, 1.0, mp - thp > 0.0);', `  vPrev = ${spec.reset === 'subtract' ? 'mp - thp * zp' : 'mp + (vr - mp) * zp'};`, '}'];
}

export class ScanBackwardProgram extends MultiOutputProgram {
  outputNames: string[];
  variableNames = ['dy', 'state', 'params'];
  uniforms = 'steps : i32, lanes : i32, neurons : i32, slope : f32,';
  /** The sizes of the outputs, in the order of outputNames. */
  readonly outputShapes: number[][];
  private readonly spec: ScanSpec;

  constructor(spec: ScanSpec, steps: number, lanes: number) {
    super(lanes, `spikelab_scan_bwd_${scanShaderKey(spec)}`);
    this.spec = spec;
    this.outputNames = spec.synaptic ? ['result', 'dBeta', 'dAlpha'] : ['result', 'dBeta'];
    this.outputShapes = this.outputNames.map((_, k) => [k === 0 ? steps * lanes : lanes]);
  }

  getUserCode(): string {
    const spec = this.spec;
    const L = scanLayout(spec);
    const before = (s: number, k = 1) => slotBefore('state', s, k);
    const spiking = spec.output === 'spikes';
    const adaptive = spiking && spec.adaptive;
    const body: string[] = [];
    if (!spiking) {
      body.push(`let vPrev = ${before(L.mem)};`, 'let gv = lv + dy[i];', 'dbh = dbh + gv * vPrev;', 'lv = bh * gv;', 'let gu = gv;');
    } else {
      body.push(...recomputedSpikeWgsl(spec), ...spikeAdjointWgsl(spec, 'dy[i]'));
    }
    body.push(...inputAdjointWgsl(spec, before(L.c)), 'result[i] = delta;');
    return `
      ${surrogateWgsl(spec.surrogate.name)}
      fn main(index : i32) {
        let l = index;
        if (l >= uniforms.lanes) { return; }
        let n = l % uniforms.neurons;
        ${scanParamLets(spec)}
        ${spec.synaptic ? 'var lc = 0.0; var dah = 0.0;' : ''}
        ${adaptive ? 'var la = 0.0;' : ''}
        var lv = 0.0;
        var dbh = 0.0;
        for (var t = uniforms.steps - 1; t >= 0; t = t - 1) {
          let i = t * uniforms.lanes + l;
          ${body.join('\n          ')}
        }
        ${paramPartialsWgsl(spec, 'dbh', 'dah', (param, value) => `${param === 'beta' ? 'dBeta' : 'dAlpha'}[l] = ${value};`).join('\n        ')}
      }`;
  }
}
