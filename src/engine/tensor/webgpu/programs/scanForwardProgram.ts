/**
 * Fused neuron scan, forward: one invocation per lane l = b·N + n runs all T steps of one neuron
 * of one sample in registers and writes every step's state once (layout in ./scanLayout.ts).
 *
 * Inputs (float32, flat): inX [T·B·N] (time-major x); params [K·N], the rows of scanParamNames
 * (beta, gainIn, bias, threshold, vReset; synaptic: alpha, gainCur; adaptive: gamma).
 * Uniforms: steps T, lanes B·N, neurons N.
 * Read-write (./multiOutputProgram.ts, new): result [S·T·B·N], the saved state of ./scanLayout.ts
 * (m_t, v_t, c_t, a_t); for spiking outputs also spikes [T·B·N], z_t, 0 or 1 (the comparison
 * ./scanSpikesProgram.ts makes on the same float32 values, so the two agree bit for bit).
 *
 * Per step, the update of ./neuronStepWgsl.ts with I_t = x_t; saved: mem = v (membrane output) or
 * m (spiking: the membrane fired from, v itself for 'pre'), c, a.
 */
import type { ScanSpec } from '../../kernels/neuronScan';
import { forwardStepWgsl } from './neuronStepWgsl';
import { MultiOutputProgram } from './multiOutputProgram';
import { scanLayout, scanShaderKey, slotAt } from './scanLayout';

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

/**
 * WGSL `let` lines giving neuron n's parameters their short names; `read(r)` is the WGSL for row r
 * of scanParamNames (default: params[r·N + n], straight from storage; the recurrent scan passes its
 * private copy, ./recurrentLayout.ts).
 */
export function scanParamLets(spec: ScanSpec, read = (r: number) => `params[${r} * uniforms.neurons + n]`): string {
  const row = (name: string) => read(scanParamNames(spec).indexOf(name));
  const lines = [`let betaRaw = ${row('beta')};`, 'let bh = clamp(betaRaw, 0.0, 1.0);', `let gi = ${row('gainIn')};`, `let b0 = ${row('bias')};`,
    `let th = ${row('threshold')};`, `let vr = ${row('vReset')};`];
  if (spec.synaptic) lines.push(`let alphaRaw = ${row('alpha')};`, 'let ah = clamp(alphaRaw, 0.0, 1.0);', `let gc = ${row('gainCur')};`);
  if (spec.adaptive && spec.output === 'spikes') lines.push(`let ga = ${row('gamma')};`);
  return lines.join('\n        ');
}

export class ScanForwardProgram extends MultiOutputProgram {
  outputNames: string[];
  variableNames = ['inX', 'params'];
  uniforms = 'steps : i32, lanes : i32, neurons : i32,';
  /** The sizes of the outputs, in the order of outputNames. */
  readonly outputShapes: number[][];
  private readonly spec: ScanSpec;

  constructor(spec: ScanSpec, steps: number, lanes: number) {
    super(lanes, `spikelab_scan_fwd_${scanShaderKey(spec)}`);
    this.spec = spec;
    const spiking = spec.output === 'spikes';
    this.outputNames = spiking ? ['result', 'spikes'] : ['result'];
    this.outputShapes = [[scanLayout(spec).slots * steps * lanes], ...(spiking ? [[steps * lanes]] : [])];
  }

  getUserCode(): string {
    const spec = this.spec;
    const L = scanLayout(spec);
    const slot = (s: number) => slotAt('result', s);
    const spiking = spec.output === 'spikes';
    const adaptive = spiking && spec.adaptive;
    const lines = [...forwardStepWgsl(spec, 'inX[i]'), `${slot(L.mem)} = ${spiking ? 'm' : 'v'};`];
    if (spiking) lines.push('spikes[i] = z;');
    if (spec.synaptic) lines.push(`${slot(L.c)} = c;`);
    if (adaptive) lines.push(`${slot(L.a)} = a;`);
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
