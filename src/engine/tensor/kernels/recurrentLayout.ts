/**
 * The dispatch shape shared by the recurrent scan's WGSL passes (./recurrentForwardProgram.ts,
 * ./recurrentBackwardProgram.ts): one workgroup per batch row b, WG invocations looping over the
 * row's N neurons (neuron n = lid + k·WG, k < K), and the row's previous step (spikes forward,
 * δ backward) double-buffered in workgroup memory, 2·N floats. WebGPU's default limits bound it:
 * 256 invocations per workgroup and 16 KB of workgroup storage, so N ≤ 2048.
 *
 * What the forward saves for the backward, slots of one float32 buffer [S, T, B, N] (slot s of
 * step t of lane l = b·N + n at (s·T + t)·B·N + l; the backward recomputes nothing, so it sees
 * exactly the forward's spikes):
 *   out  z_t (slot 0)     m  m_t, the membrane the spike is fired from ('post'), or v_t ('pre')
 *   v    v_t after the reset: its own slot for 'post', else shared with m
 *   c    c_t (synaptic)    a  a_t (adaptive)
 * The per-neuron parameters are one packed input params [K, N], the rows of scanParamNames
 * (./scanForwardProgram.ts), as for the feed-forward scan.
 */
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import type { ScanSpec } from '../scan/types';
import { scanParamLets } from './scanForwardProgram';

export interface RecurrentSlots {
  slots: number;
  out: 0;
  m: 1;
  v: number;
  /** −1 when absent. */
  c: number;
  a: number;
}

export function recurrentSlots(spec: ScanSpec): RecurrentSlots {
  let next = 2;
  const v = spec.spikeFrom === 'post' ? next++ : 1;
  const c = spec.synaptic ? next++ : -1;
  const a = spec.adaptive ? next++ : -1;
  return { slots: next, out: 0, m: 1, v, c, a };
}

/** Everything about a spec that changes the WGSL (the slope is a uniform). */
function specKey(spec: ScanSpec): string {
  return [spec.synaptic ? 'syn' : 'nosyn', spec.spikeFrom, spec.reset, spec.detachReset ? 'detach' : 'attach',
    spec.adaptive ? 'adapt' : 'fixed', spec.surrogate.name].join('_');
}

export const RECURRENT_MAX_NEURONS = 2048;
const MAX_INVOCATIONS = 256;

export interface RecurrentShape {
  /** Invocations per workgroup: N rounded up to 32, at most 256. */
  wg: number;
  /** Neurons per invocation. */
  k: number;
}

export function recurrentShape(neurons: number): RecurrentShape {
  const wg = Math.min(MAX_INVOCATIONS, Math.max(32, Math.ceil(neurons / 32) * 32));
  return { wg, k: Math.ceil(neurons / wg) };
}

/** A program with one workgroup per batch row; N is compiled in (workgroup array size). */
export abstract class RowProgram implements WebGPUProgram {
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number];
  abstract variableNames: string[];
  abstract uniforms: string;
  protected readonly spec: ScanSpec;
  protected readonly neurons: number;
  protected readonly shape: RecurrentShape;

  constructor(name: string, spec: ScanSpec, outputSize: number, batch: number, neurons: number) {
    this.spec = spec;
    this.neurons = neurons;
    this.shape = recurrentShape(neurons);
    this.outputShape = [outputSize];
    this.dispatchLayout = { x: [0] };
    this.dispatch = [batch, 1, 1];
    this.workgroupSize = [this.shape.wg, 1, 1];
    this.shaderKey = `spikelab_rscan_${name}_${specKey(spec)}_${neurons}`;
  }

  abstract getUserCode(): string;

  /**
   * The WGSL of a pass: workgroup b walks the steps (t = 0 … T−1, or T−1 … 0 `reverse`), each
   * invocation its neurons n; per step and neuron, with l = b·N + n and i = t·B·N + l in scope,
   * `sum` = Σ_j prev[j]·`matrix`[j·N + n] over the non-zero entries of the row's previous step
   * prev (`shared`, zero before the first step), the parameter lets, the `carried` registers
   * (zero at the start), then `body`, which writes the step's row to `shared`[q + n]. `after`
   * runs once per neuron at the end (l in scope; register x as xS[k]).
   */
  protected rowMain(o: { shared: string; matrix: string; sum: string; carried: string[]; reverse: boolean; body: string[]; after?: string }): string {
    const N = this.neurons;
    const { wg, k: K } = this.shape;
    const each = (line: (name: string) => string, indent: string) => o.carried.map(line).join(`\n${indent}`);
    const perNeuron = (code: string) => `
        for (var k = 0; k < ${K}; k = k + 1) {
          let n = lid + k * ${wg};
          if (n < ${N}) {
            ${code}
          }
        }`;
    return `
      var<workgroup> ${o.shared} : array<f32, ${2 * N}>;
      fn main(index : i32) {
        let b = i32(workgroupId.x);
        let lid = i32(localId.x);
        ${each((x) => `var ${x}S : array<f32, ${K}>;`, '        ')}
        for (var k = 0; k < ${K}; k = k + 1) {
          ${each((x) => `${x}S[k] = 0.0;`, '          ')}
          let n = lid + k * ${wg};
          if (n < ${N}) { ${o.shared}[n] = 0.0; }
        }
        workgroupBarrier();
        for (var it = 0; it < uniforms.steps; it = it + 1) {
          let t = ${o.reverse ? 'uniforms.steps - 1 - it' : 'it'};
          let p = (it % 2) * ${N};
          let q = ${N} - p;
          ${perNeuron(`let l = b * ${N} + n;
            let i = t * uniforms.lanes + l;
            var ${o.sum} = 0.0;
            for (var j = 0; j < ${N}; j = j + 1) {
              let e = ${o.shared}[p + j];
              if (e != 0.0) { ${o.sum} = ${o.sum} + e * ${o.matrix}[j * ${N} + n]; }
            }
            ${scanParamLets(this.spec, `${N}`)}
            ${each((x) => `var ${x} = ${x}S[k];`, '            ')}
            ${o.body.join('\n            ')}
            ${each((x) => `${x}S[k] = ${x};`, '            ')}`)}
          workgroupBarrier();
        }
        ${o.after ? perNeuron(`let l = b * ${N} + n;\n            ${o.after}`) : ''}
      }`;
  }
}
