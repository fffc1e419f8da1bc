/**
 * The dispatch shape shared by the recurrent scan's WGSL passes (./recurrentForwardProgram.ts,
 * ./recurrentBackwardProgram.ts): one workgroup per batch row b, WG invocations looping over the
 * row's N neurons (neuron n = lid + k·WG, k < K), and the row's previous step (spikes forward,
 * δ backward) double-buffered in workgroup memory, 2·N floats. WebGPU's default limits bound it:
 * 256 invocations per workgroup and 16 KB of workgroup storage, so N ≤ 2048. B is not bounded by
 * the 65,535 workgroups of one dimension: TF.js folds a longer dispatch into 2-D and the pass reads
 * its row from the flat workgroup index.
 *
 * Each invocation keeps its K neurons' parameters (the P rows of scanParamNames,
 * ./scanForwardProgram.ts, read once from the packed input params [P, N] before the time loop) and
 * its carried registers (only those the spec uses) in private arrays indexed by k.
 *
 * What the forward saves for the backward is the feed-forward scan's state (./scanLayout.ts: m_t,
 * plus c_t and a_t for synaptic and adaptive layers), and the spikes z_t are derived from it by
 * ./scanSpikesProgram.ts, the same comparison of the same stored float32 the forward made; the
 * backward recomputes z_t and the post-reset v_{t−1} the same way (./scanBackwardProgram.ts).
 */
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import type { ScanSpec } from '../../kernels/neuronScan';
import { scanParamLets, scanParamNames } from './scanForwardProgram';
import { scanShaderKey } from './scanLayout';

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
    this.shaderKey = `spikelab_rscan_${name}_${scanShaderKey(spec)}_${neurons}`;
  }

  abstract getUserCode(): string;

  /** The parameter lets of neuron k of this invocation, from its private copy ps. */
  protected paramLets(): string {
    const P = scanParamNames(this.spec).length;
    return scanParamLets(this.spec, (r) => `ps[k * ${P} + ${r}]`);
  }

  /**
   * The WGSL of a pass: workgroup b walks the steps (t = 0 … T−1, or T−1 … 0 `reverse`), each
   * invocation its neurons n; per step and neuron, with l = b·N + n and i = t·B·N + l in scope,
   * `sum` = Σ_j prev[j]·`matrix`[j·N + n] over the non-zero entries of the row's previous step
   * prev (`shared`, zero before the first step), the parameter lets, the `carried` registers
   * (zero at the start), then `body`, which writes the step's row to `shared`[q + n]. `after`
   * runs once per neuron at the end (l in scope; register x as xS[k]; this.paramLets() for the
   * parameters).
   */
  protected rowMain(o: { shared: string; matrix: string; sum: string; carried: string[]; reverse: boolean; body: string[]; after?: string }): string {
    const N = this.neurons;
    const { wg, k: K } = this.shape;
    const P = scanParamNames(this.spec).length;
    const each = (line: (name: string) => string, indent: string) => o.carried.map(line).join(`\n${indent}`);
    const perNeuron = (code: string) => `
        for (var k = 0; k < ${K}; k = k + 1) {
          let n = lid + k * ${wg};
          if (n < ${N} && live) {
            ${code}
          }
        }`;
    return `
      var<workgroup> ${o.shared} : array<f32, ${2 * N}>;
      fn main(index : i32) {
        // Past 65,535 rows TF.js folds the dispatch into 2-D (reshapeDispatch): b is the flat
        // workgroup index, and the workgroups past the last row touch nothing. (They still pass
        // the barriers: WGSL sees workgroupId's private copy as non-uniform, so no early return.)
        let b = i32(workgroupId.z * numWorkgroups.x * numWorkgroups.y + workgroupId.y * numWorkgroups.x + workgroupId.x);
        let live = b * uniforms.neurons < uniforms.lanes;
        let lid = i32(localId.x);
        ${each((x) => `var ${x}S : array<f32, ${K}>;`, '        ')}
        var ps : array<f32, ${K * P}>;
        for (var k = 0; k < ${K}; k = k + 1) {
          ${each((x) => `${x}S[k] = 0.0;`, '          ')}
          let n = lid + k * ${wg};
          if (n < ${N} && live) {
            ${o.shared}[n] = 0.0;
            for (var row = 0; row < ${P}; row = row + 1) { ps[k * ${P} + row] = params[row * ${N} + n]; }
          }
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
            ${this.paramLets()}
            ${each((x) => `var ${x} = ${x}S[k];`, '            ')}
            ${o.body.join('\n            ')}
            ${each((x) => `${x}S[k] = ${x};`, '            ')}`)}
          workgroupBarrier();
        }
        ${o.after ? perNeuron(`let l = b * ${N} + n;\n            ${o.after}`) : ''}
      }`;
  }
}
