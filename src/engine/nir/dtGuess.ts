/**
 * NIR stores no dt and no time unit (docs/specs/nir.md §7); exporters bake their own dt into
 * the parameters. This guesses the dt a file was made for from those conventions (§11):
 *  - Spikelab's own files: graph metadata `spikelab.dt` / `time_unit`;
 *  - snnTorch / Lava: r = τ/dt (and w_in = τ_syn/dt) with dt = 1e-4 s, so r·1e-4/τ ≈ 1;
 *  - Sinabs: r = 1, v_leak = 0 and τ in time steps (its `to_nir` writes tau_mem as is; dt = 1 step);
 *  - Spyx: r = β = 1 − dt/τ with dt = 1 step, so r ≈ 1 − 1/τ;
 *  - Rockpool: r = τ·e^(−dt/τ)/dt; its importer recovers dt = min τ/(1 + r) (seconds);
 *  - Norse: r = 1 (and w_in = 1) on every neuron, v_leak = 0, τ = 1/τ_inv in seconds; with Norse's
 *    default time constants (τ_mem = 10 ms, τ_syn = 5 ms) its default dt = 1 ms;
 *  - otherwise by magnitude (§10.14): max τ ≥ 1 ⇒ time steps (Sinabs, Spyx; dt = 1 step);
 *    τ < 1 ⇒ seconds (Norse, paper files), dt = 1 ms, or 0.1 ms when the fastest τ is under 10 ms;
 * Every comparison allows float32 rounding (files store float32: Norse's τ = 1/100 is stored as
 * 0.0099999998, which must read as 10 ms, not under it).
 *  - IF/I neurons only (no τ): time steps, dt = 1 (Sinabs, Spyx export r = 1 per step);
 *  - no time constant at all: the lab default 1 ms.
 * The caller may override the guess; the reason is shown to the user.
 */
import { graphLabInfo } from '../graph/labMetadata';
import type { NdArray, NirGraph, NirNode } from '../graph/types';

export interface DtGuess {
  dt: number;
  unit: 's' | 'step';
  exporter?: string;
  /**
   * 'signature': the file carries what only that exporter writes (Norse: its default time
   * constants, or torch.fx node names "_0", "_1", …); 'likely': its conventions, which other
   * files may share.
   */
  confidence?: 'signature' | 'likely';
  reason: string;
}

interface Neuron {
  tau: NdArray;
  r?: NdArray;
  tauSyn?: NdArray;
  wIn?: NdArray;
  vLeak?: NdArray;
}

/** Relative tolerance of a comparison between values stored as float32 and decimal constants. */
const FLOAT32_TOLERANCE = 1e-5;

const near = (a: number, b: number, tolerance = FLOAT32_TOLERANCE) => Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
/** a < b beyond float32 rounding. */
const below = (a: number, b: number) => a < b && !near(a, b);

/** Norse's default time constants (LIFParameters: τ_mem⁻¹ = 100 /s, τ_syn⁻¹ = 200 /s) and dt. */
const NORSE_DEFAULT_TAUS = [0.01, 0.005];
const NORSE_DEFAULT_DT = 1e-3;

function neurons(graph: NirGraph, out: Neuron[] = []): Neuron[] {
  for (const node of Object.values(graph.nodes) as NirNode[]) {
    if (node.type === 'NIRGraph') neurons(node, out);
    else if (node.type === 'LI' || node.type === 'LIF') out.push({ tau: node.tau, r: node.r, vLeak: node.v_leak });
    else if (node.type === 'CubaLI' || node.type === 'CubaLIF') out.push({ tau: node.tau_mem, r: node.r, tauSyn: node.tau_syn, wIn: node.w_in, vLeak: node.v_leak });
  }
  return out;
}

function finite(values: Float32Array): number[] {
  return Array.from(values).filter((v) => Number.isFinite(v) && v > 0);
}

/** True when every finite (τ, r) pair satisfies `rule` within a relative tolerance. */
function allPairs(list: Neuron[], rule: (tau: number, r: number) => number, tolerance = 1e-3): boolean {
  let checked = 0;
  for (const n of list) {
    if (!n.r) continue;
    for (let i = 0; i < n.tau.data.length; i++) {
      const tau = n.tau.data[i];
      const r = n.r.data[i];
      if (!Number.isFinite(tau) || tau <= 0) continue;
      const expected = rule(tau, r);
      if (!(Math.abs(r - expected) <= tolerance * Math.max(1, Math.abs(expected)))) return false;
      checked += 1;
    }
  }
  return checked > 0;
}

/** What Norse and Sinabs write: r = 1 and w_in = 1 exactly on every neuron, v_leak = 0. */
function unitGains(list: Neuron[]): boolean {
  const all = (a: NdArray | undefined, value: number) => a !== undefined && a.data.every((v) => v === value);
  return list.length > 0 && list.every((n) => all(n.r, 1) && all(n.vLeak, 0) && (n.wIn === undefined || all(n.wIn, 1)));
}

export function guessDt(graph: NirGraph, nodeNames: string[] = []): DtGuess {
  const lab = graphLabInfo(graph.metadata);
  if (lab.dt !== undefined) {
    const unit = lab.timeUnit === 'step' ? 'step' : 's';
    return { dt: lab.dt, unit, exporter: 'spikelab', reason: `Saved by Spikelab with dt = ${lab.dt} ${unit}.` };
  }
  const fileDt = graph.metadata?.dt;
  if (typeof fileDt === 'number' && fileDt > 0) {
    const unit = fileDt >= 1 ? 'step' : 's';
    return { dt: fileDt, unit, reason: `The file's graph metadata says dt = ${fileDt}.` };
  }
  const list = neurons(graph);
  const taus = list.flatMap((n) => finite(n.tau.data));
  const integrators = (g: NirGraph): boolean => Object.values(g.nodes).some((n) => n.type === 'IF' || n.type === 'I' || (n.type === 'NIRGraph' && integrators(n)));
  if (taus.length === 0 && integrators(graph)) {
    return { dt: 1, unit: 'step', exporter: 'sinabs', reason: 'Only integrate-and-fire neurons and no time constants: read as time steps, dt = 1 (Sinabs and Spyx export IF with r = 1 per step).' };
  }
  if (taus.length === 0) {
    return { dt: 1e-3, unit: 's', reason: 'The network has no time constants (no LI/LIF/CubaLIF); the lab default dt = 1 ms is used.' };
  }
  const rockpoolNames = nodeNames.some((n) => /(LIFNeuronTorch|LIFTorch|ExpSynTorch)/.test(n));
  const minTau = Math.min(...taus);
  const maxTau = Math.max(...taus);
  if (allPairs(list, (tau) => tau / 1e-4, 1e-3) && maxTau < 1) {
    return { dt: 1e-4, unit: 's', exporter: 'snntorch', reason: 'r = τ/dt with dt = 0.1 ms on every neuron: the snnTorch (or Lava) export convention.' };
  }
  if (allPairs(list, (tau) => 1 - 1 / tau, 1e-4) && minTau >= 1) {
    return { dt: 1, unit: 'step', exporter: 'spyx', reason: 'r = 1 − 1/τ (a decay factor) with τ in steps: the Spyx export convention (dt = 1 step).' };
  }
  if (rockpoolNames) {
    const dts = list.flatMap((n) => Array.from(n.tau.data, (tau, i) => tau / (1 + (n.r?.data[i] ?? 0)))).filter((v) => Number.isFinite(v) && v > 0);
    if (dts.length > 0) {
      const dt = Math.min(...dts);
      return { dt, unit: 's', exporter: 'rockpool', reason: `Rockpool node names; dt = min τ/(1 + r) = ${dt.toPrecision(3)} s, as Rockpool's importer recovers it.` };
    }
  }
  const unit = unitGains(list);
  const norse = unit && maxTau < 1;
  const allTaus = list.flatMap((n) => [...finite(n.tau.data), ...(n.tauSyn ? finite(n.tauSyn.data) : [])]);
  if (norse && allTaus.every((tau) => NORSE_DEFAULT_TAUS.some((d) => near(tau, d)))) {
    return { dt: NORSE_DEFAULT_DT, unit: 's', exporter: 'norse', confidence: 'signature',
      reason: 'r = 1, w_in = 1, v_leak = 0 and Norse\'s default time constants (τ_mem 10 ms, τ_syn 5 ms): the Norse export convention at its default dt = 1 ms.' };
  }
  // torch.fx names the modules of a traced Sequential "_0", "_1", … (Norse's to_nir); snnTorch keeps "0", "1", ….
  const fxNames = Object.keys(graph.nodes).filter((n) => graph.nodes[n].type !== 'Input' && graph.nodes[n].type !== 'Output');
  const norseNames = norse && fxNames.length > 0 && fxNames.every((n) => /^_\d+$/.test(n));
  if (maxTau >= 1 && unit) {
    return { dt: 1, unit: 'step', exporter: 'sinabs', reason: `r = 1, v_leak = 0 and time constants up to ${maxTau.toPrecision(3)}: τ in time steps as Sinabs writes them, dt = 1 step.` };
  }
  if (maxTau >= 1) {
    return { dt: 1, unit: 'step', reason: `Time constants up to ${maxTau.toPrecision(3)}: read as time steps (Sinabs/Spyx style), dt = 1 step.` };
  }
  const dt = below(minTau, 0.01) ? 1e-4 : 1e-3;
  const who = norseNames ? 'torch.fx node names (_0, _1, …) with r = 1, w_in = 1 and v_leak = 0: written by Norse\'s to_nir; '
    : norse ? 'r = 1, w_in = 1 and v_leak = 0 as Norse writes them, but not its default time constants; ' : '';
  return { dt, unit: 's', ...(norse ? { exporter: 'norse', confidence: norseNames ? 'signature' as const : 'likely' as const } : {}),
    reason: `${who}time constants between ${minTau.toPrecision(3)} and ${maxTau.toPrecision(3)}: read as seconds; dt = ${dt * 1e3} ms keeps dt well below the fastest τ.` };
}
