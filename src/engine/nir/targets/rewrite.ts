/**
 * The rewrite every peer target shares: the flat peer graph (./peerGraph.ts), each population
 * handed to the target's rule with its float64 constants (./neuronForm.ts), the cycles checked,
 * every other node type passed through or refused, and the result as a NIRGraph at the
 * target's dt with the lab metadata saying so.
 */
import { planGraph } from '../../compile/plan';
import { withGraphLabInfo, withNeuronOptions } from '../../graph/labMetadata';
import type { NirGraph, NirNode } from '../../graph/types';
import { foldBlocker, foldInto } from './fold';
import { formOf, ifNodeOf, isNeuronType, nodeOf, type NeuronForm } from './neuronForm';
import { peerGraph, type PeerGraph } from './peerGraph';
import { splitRecurrence } from './splitRecurrence';
import type { ExportPlan, ExportTarget, TargetNote } from './types';

/** What a target's rule sees of one population, and how it answers. */
export interface PopulationContext {
  name: string;
  form: NeuronForm;
  /** Every reader is an Output node (a readout). */
  readout: boolean;
  /** In a cycle LIF/CubaLIF ⇄ Linear/Affine (a recurrent layer). */
  recurrent: boolean;
  /** Why its gain cannot be folded into its inputs, or null. */
  foldBlocked: string | null;
  refuse(message: string): void;
  change(message: string): void;
  /** Folds factor (and offset, added before) into the inputs; the form's gains are divided by it. */
  fold(factor: number[], offset?: number[]): void;
  /** Writes the population as `spiking` (or not) with its current form; an IF form as an IF node when `asIf`. */
  write(spiking: boolean, asIf?: boolean): void;
}

export interface PeerRules {
  target: ExportTarget & { dt: number };
  /** Node types other than neurons the importer maps as they are. */
  passThrough: ReadonlySet<string>;
  /** Linear written as Affine with a zero bias (for importers that map only Affine). */
  linearAsAffine: boolean;
  /**
   * How a recurrent layer (LIF/CubaLIF ⇄ Linear/Affine) is written: as it is (true), split
   * through an identity layer with its bias moved forward ('split', ./splitRecurrence.ts), or
   * refused with this reason.
   */
  recurrence: true | 'split' | string;
  population(ctx: PopulationContext): void;
}

/** Recurrent layers of the flat graph: population → its feedback layer; other cycles as a refusal. */
function recurrentLayers(graph: PeerGraph, refuse: (note: TargetNote) => void): Map<string, string> {
  const layers = new Map<string, string>();
  for (const stage of planGraph(graph).stages) {
    if (stage.kind !== 'recurrent') continue;
    const [a, b] = stage.nodes;
    const population = stage.nodes.find((n) => graph.nodes[n].type === 'LIF' || graph.nodes[n].type === 'CubaLIF');
    const feedback = population === a ? b : a;
    const ok = stage.nodes.length === 2 && population !== undefined && feedback !== undefined
      && (graph.nodes[feedback].type === 'Linear' || graph.nodes[feedback].type === 'Affine');
    if (ok) layers.set(population, feedback);
    else refuse({ node: stage.nodes[0], message: `The cycle through ${stage.nodes.slice(0, 6).join(', ')} is not one LIF/CubaLIF population with one Linear/Affine feedback, the only recurrence the peers' importers map.` });
  }
  return layers;
}

export function rewriteForPeer(graph: NirGraph, dt: number, rules: PeerRules): ExportPlan {
  const target = rules.target;
  const peer = peerGraph(graph);
  const changes: TargetNote[] = [];
  const refusals: TargetNote[] = [];
  const renamedNote = Object.entries(peer.renamed);
  if (renamedNote.length > 0) changes.push({ message: `Names made Python identifiers for the importer: ${renamedNote.slice(0, 6).map(([a, b]) => `${a} → ${b}`).join(', ')}${renamedNote.length > 6 ? ', …' : ''}.` });
  const recurrent = recurrentLayers(peer, (note) => refusals.push(note));
  if (rules.recurrence === 'split') {
    for (const [population, feedback] of recurrent) {
      const outcome = splitRecurrence(peer, population, feedback);
      if (outcome.ok) changes.push({ node: population, message: outcome.message });
      else refusals.push({ node: population, message: outcome.message });
    }
  } else if (recurrent.size > 0 && rules.recurrence !== true) {
    for (const population of recurrent.keys()) refusals.push({ node: population, message: rules.recurrence });
  }
  if (dt !== target.dt) changes.push({ message: `Time rescaled from dt = ${dt} to the importer's dt = ${target.dt} s (τ' = τ·${target.dt}/${dt}): every decay β = 1 − dt/τ, and so every spike, stays the same.` });
  for (const name of Object.keys(peer.nodes)) {
    const node = peer.nodes[name];
    if (isNeuronType(node.type)) {
      const form = formOf(node, dt);
      const readers = peer.edges.filter(([s]) => s === name).map(([, d]) => peer.nodes[d].type);
      const ctx: PopulationContext = {
        name,
        form,
        readout: readers.length > 0 && readers.every((t) => t === 'Output'),
        recurrent: recurrent.has(name),
        foldBlocked: foldBlocker(peer, name, form.size),
        refuse: (message) => refusals.push({ node: name, message }),
        change: (message) => changes.push({ node: name, message }),
        fold(factor, offset) {
          foldInto(peer, name, factor, offset);
          const scale = (g: number[]) => g.map((v, i) => v / factor[i]);
          if (form.gainCur) form.gainCur = scale(form.gainCur); else form.gain = scale(form.gain);
          if (offset) form.bias = form.bias.map(() => 0);
        },
        write(spiking, asIf = false) {
          const written = asIf && form.type === 'IF' ? ifNodeOf(form, target.dt) : nodeOf(form, target.dt, spiking);
          const options = { ...form.options, integration: 'euler' as const, learnDecay: false };
          peer.nodes[name] = withNeuronOptions({ ...written, ...(node.metadata ? { metadata: node.metadata } : {}) } as NirNode, options);
        },
      };
      rules.population(ctx);
    } else if (node.type === 'Linear' && rules.linearAsAffine) {
      const rows = node.weight.shape[0];
      peer.nodes[name] = { type: 'Affine', weight: node.weight, bias: { shape: [rows], data: new Float32Array(rows) } };
      changes.push({ node: name, message: `Linear written as an Affine with a zero bias (${target.label}'s importer maps only Affine).` });
    } else if (!rules.passThrough.has(node.type)) {
      refusals.push({ node: name, message: `${target.label}'s importer has no mapping for ${node.type}.` });
    }
  }
  const plan: ExportPlan = { target, dt: target.dt, changes, refusals, renamed: peer.renamed };
  if (refusals.length > 0) return plan;
  const metadata = withGraphLabInfo({ ...(graph.metadata ?? {}) }, { dt: target.dt, timeUnit: 's', positions: {} });
  plan.graph = { type: 'NIRGraph', nodes: peer.nodes, edges: peer.edges, metadata: { ...metadata, exported_for: target.id } };
  return plan;
}

/** True when every value equals the first within a relative tolerance (float32 rounding). */
export function uniform(values: number[], tolerance = 1e-6): boolean {
  return values.every((v) => Math.abs(v - values[0]) <= tolerance * Math.max(Math.abs(v), Math.abs(values[0])));
}

/** True when every value is `value` within a relative tolerance. */
export function allNear(values: number[], value: number, tolerance = 1e-6): boolean {
  return values.every((v) => Math.abs(v - value) <= tolerance * Math.max(Math.abs(v), Math.abs(value), 1e-30));
}

/** Refusals common to both peers: Spyx's spike-before-update order, ALIF, subtract reset, v_reset ≠ 0. */
export function refuseLabOnly(ctx: PopulationContext, peer: string, resetWhy: string): void {
  const { form } = ctx;
  if (form.options.spikeFrom === 'pre') ctx.refuse(`fires from the previous step's membrane (Spyx's order); ${peer} fires after the update.`);
  if (form.options.model === 'ALIF') ctx.refuse(`is adaptive (ALIF); ${peer} has no adaptive threshold in NIR.`);
  if (form.threshold && form.options.reset === 'subtract') ctx.refuse(`resets by subtraction; ${resetWhy}`);
  if (form.vReset && form.vReset.some((v) => v !== 0)) ctx.refuse(`resets to v_reset ≠ 0; ${resetWhy}`);
}
