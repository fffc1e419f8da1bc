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
 * The per-neuron parameters are one packed input params [K, N], rows recurrentParamNames.
 */
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import type { ScanSpec } from '../scan/types';

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

/** The rows of the packed parameter input (one binding: WebGPU guarantees 8 storage buffers). */
export function recurrentParamNames(spec: ScanSpec): string[] {
  const names = ['beta', 'gainIn', 'bias', 'threshold', 'vReset'];
  if (spec.synaptic) names.push('alpha', 'gainCur');
  if (spec.adaptive) names.push('gamma');
  return names;
}

/** WGSL `let` lines reading neuron n's parameters from `params` (N compiled in). */
export function recurrentParamLets(spec: ScanSpec, neurons: number): string {
  const row = (name: string) => `params[${recurrentParamNames(spec).indexOf(name) * neurons} + n]`;
  const lines = [`let betaRaw = ${row('beta')};`, 'let bh = clamp(betaRaw, 0.0, 1.0);', `let gi = ${row('gainIn')};`, `let b0 = ${row('bias')};`,
    `let th = ${row('threshold')};`, `let vr = ${row('vReset')};`];
  if (spec.synaptic) lines.push(`let alphaRaw = ${row('alpha')};`, 'let ah = clamp(alphaRaw, 0.0, 1.0);', `let gc = ${row('gainCur')};`);
  if (spec.adaptive) lines.push(`let ga = ${row('gamma')};`);
  return lines.join('\n              ');
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
}
