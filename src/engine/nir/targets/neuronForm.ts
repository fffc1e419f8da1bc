/**
 * A neuron population as the discrete-time constants every simulator agrees on (the same ones
 * ../../neurons/ computes, here in float64 so that a rewrite does not round twice), and the NIR
 * parameters that give those constants under forward Euler at another dt:
 *
 *   single stage (LIF, LI, IF):  m_t = β·v_{t−1} + b + g·x_t
 *     Euler at dt':  τ' = dt'/(1 − β),  r' = g/(1 − β),  v_leak' = b/(1 − β)
 *   two stages (CubaLIF, CubaLI): c_t = α·c_{t−1} + g_in·x_t;  m_t = β·v_{t−1} + b + g_cur·c_t
 *     Euler at dt':  τ_syn' = dt'/(1 − α),  w_in' = g_in/(1 − α),  τ_mem' = dt'/(1 − β),  r' = g_cur/(1 − β)
 *
 * A stage that does not leak (β = 1: IF) is written with τ' = NO_LEAK_TAU, large enough that
 * 1 − dt'/τ' rounds to 1 in float32 and float64, and r' = g·τ'/dt'.
 */
import { neuronOptions, type NeuronOptions } from '../../graph/labMetadata';
import type { NdArray, NirNode } from '../../graph/types';
import { decay } from '../../neurons/types';

/** τ of a stage without leak: dt'/τ' stays far below float64's epsilon for any dt' ≤ 1 s. */
export const NO_LEAK_TAU = 1e30;
/** The threshold of a population written to stand for a non-spiking readout: never reached. */
export const NEVER_FIRES = 1e30;

export type NeuronType = 'LIF' | 'LI' | 'IF' | 'CubaLIF' | 'CubaLI';

export interface NeuronForm {
  type: NeuronType;
  size: number;
  options: NeuronOptions;
  beta: number[];
  /** Input gain: into the membrane (single stage) or into the current (two stages). */
  gain: number[];
  bias: number[];
  alpha?: number[];
  gainCur?: number[];
  threshold?: number[];
  vReset?: number[];
}

const values = (a: NdArray) => Array.from(a.data);

export function isNeuronType(type: string): type is NeuronType {
  return type === 'LIF' || type === 'LI' || type === 'IF' || type === 'CubaLIF' || type === 'CubaLI';
}

/** The float64 constants of `node` at `dt` (same time unit as its τ), under its lab options. */
export function formOf(node: NirNode, dt: number): NeuronForm {
  const options = neuronOptions(node);
  const stage = (taus: number[]) => taus.map((tau) => decay(dt, tau, options.integration));
  switch (node.type) {
    case 'LIF':
    case 'LI': {
      const d = stage(values(node.tau));
      const r = values(node.r);
      const leak = values(node.v_leak);
      const form: NeuronForm = { type: node.type, size: d.length, options, beta: d.map((x) => x.keep), gain: d.map((x, i) => r[i] * x.take), bias: d.map((x, i) => leak[i] * x.take) };
      if (node.type === 'LIF') Object.assign(form, { threshold: values(node.v_threshold), vReset: values(node.v_reset) });
      return form;
    }
    case 'IF': {
      const r = values(node.r);
      return { type: 'IF', size: r.length, options, beta: r.map(() => 1), gain: r.map((x) => x * dt), bias: r.map(() => 0), threshold: values(node.v_threshold), vReset: values(node.v_reset) };
    }
    case 'CubaLIF':
    case 'CubaLI': {
      const syn = stage(values(node.tau_syn));
      const mem = stage(values(node.tau_mem));
      const wIn = values(node.w_in);
      const r = values(node.r);
      const leak = values(node.v_leak);
      const form: NeuronForm = {
        type: node.type, size: mem.length, options,
        alpha: syn.map((x) => x.keep), gain: syn.map((x, i) => wIn[i] * x.take),
        beta: mem.map((x) => x.keep), gainCur: mem.map((x, i) => r[i] * x.take), bias: mem.map((x, i) => leak[i] * x.take),
      };
      if (node.type === 'CubaLIF') Object.assign(form, { threshold: values(node.v_threshold), vReset: values(node.v_reset) });
      return form;
    }
    default:
      throw new Error(`${node.type} is not a neuron population`);
  }
}

const nd = (values: number[]): NdArray => ({ shape: [values.length], data: Float32Array.from(values) });

/** τ' and the factor 1/(1 − β) that turns a gain into r' (see the header). */
function stageAt(keep: number[], dt: number): { tau: number[]; per: number[] } {
  return {
    tau: keep.map((k) => (k >= 1 ? NO_LEAK_TAU : dt / (1 - k))),
    per: keep.map((k) => (k >= 1 ? NO_LEAK_TAU / dt : 1 / (1 - k))),
  };
}

/** An IF node with the constants of `form` (β = 1): r' = g/dt', as dv/dt = R·I integrates over dt'. */
export function ifNodeOf(form: NeuronForm, dt: number): NirNode {
  return { type: 'IF', r: nd(form.gain.map((g) => g / dt)), v_threshold: nd(form.threshold!), v_reset: nd(form.vReset!) };
}

/** A NIR node (Euler at `dt`) with exactly the constants of `form`, spiking when `spiking`. */
export function nodeOf(form: NeuronForm, dt: number, spiking: boolean): NirNode {
  const threshold = nd(form.threshold ?? form.beta.map(() => NEVER_FIRES));
  const vReset = nd(form.vReset ?? form.beta.map(() => 0));
  if (form.alpha && form.gainCur) {
    const syn = stageAt(form.alpha, dt);
    const mem = stageAt(form.beta, dt);
    const common = {
      tau_syn: nd(syn.tau), w_in: nd(form.gain.map((g, i) => g * syn.per[i])),
      tau_mem: nd(mem.tau), r: nd(form.gainCur.map((g, i) => g * mem.per[i])), v_leak: nd(form.bias.map((b, i) => b * mem.per[i])),
    };
    return spiking ? { type: 'CubaLIF', ...common, v_threshold: threshold, v_reset: vReset } : { type: 'CubaLI', ...common };
  }
  const mem = stageAt(form.beta, dt);
  const common = { tau: nd(mem.tau), r: nd(form.gain.map((g, i) => g * mem.per[i])), v_leak: nd(form.bias.map((b, i) => b * mem.per[i])) };
  return spiking ? { type: 'LIF', ...common, v_threshold: threshold, v_reset: vReset } : { type: 'LI', ...common };
}
