/**
 * A recurrent stage of the plan (../../compile/plan.ts: a cycle, one edge of it delayed one step),
 * run in one of two ways:
 *
 *  - fused: a stage of exactly one spiking scan population P and one Linear/Affine F whose only
 *    input is P and which feeds back into P (P's other inputs from outside the stage, summed;
 *    either edge of the cycle delayed) runs as one recurrent scan (../kernels/recurrentScan.ts: WGSL
 *    on webgpu, JS loops on wasm and cpu) when the program's path is 'fused', the backend has the
 *    kernel, and N is within its limit. F's own value over all T (one matmul of the spikes) is
 *    computed afterwards only when a node outside the stage or a recording reads it.
 *  - step by step (the reference, every other stage): T steps of TF.js ops, each node of the
 *    cycle in the plan's order, delayed edges reading the source's previous step (zero at t = 0).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { FlatGraph } from '../../compile/flatten';
import type { Plan, Stage } from '../../compile/plan';
import type { NodeShapes } from '../../graph/shapes';
import { sizeOf } from '../../graph/types';
import { delaySteps } from '../../neurons/delay';
import type { DiscreteNeuron } from '../../neurons';
import { recurrentScanFor, recurrentSpecSupported, type RecurrentScan } from '../kernels/recurrentScan';
import { neuronStepper } from '../kernels/plain/step';
import type { ScanParams, ScanPath, ScanSpec } from '../kernels/neuronScan';
import { reshapeUntaped } from '../kernels/plain/reshape';
import { applyLayer, type LayerWeights } from './layers';

export type RecurrentStage = Extract<Stage, { kind: 'recurrent' }>;

/** What a Program hands a recurrent stage. */
export interface RecurrentContext {
  flat: FlatGraph;
  plan: Plan;
  shapes: Record<string, NodeShapes>;
  dt: number;
  scanPath: ScanPath;
  neurons: ReadonlyMap<string, { neuron: DiscreteNeuron; params: ScanParams; spec: ScanSpec }>;
  weights: ReadonlyMap<string, LayerWeights>;
}

interface Records {
  [name: string]: { out: tf.Tensor; membrane?: tf.Tensor };
}

/** A stage the fused recurrent scan can run: population, feedback layer, first step of its bias. */
export interface FusedRecurrence {
  neuron: string;
  feedback: string;
  /** 1 when the edge feedback → neuron is the delayed one, 0 when neuron → feedback is. */
  biasFrom: 0 | 1;
}

/** The stage as a FusedRecurrence, or null when it has another shape (then it runs step by step). */
export function fusedRecurrence(ctx: RecurrentContext, stage: RecurrentStage): FusedRecurrence | null {
  if (stage.nodes.length !== 2) return null;
  const neuron = stage.nodes.find((n) => ctx.neurons.has(n));
  const feedback = stage.nodes.find((n) => n !== neuron);
  if (!neuron || !feedback) return null;
  const node = ctx.flat.nodes[feedback];
  const entry = ctx.neurons.get(neuron)!;
  if ((node.type !== 'Linear' && node.type !== 'Affine') || !recurrentSpecSupported(entry.spec)) return null;
  const N = entry.neuron.size;
  const w = ctx.weights.get(feedback);
  if (!w?.weight || w.weight.shape.length !== 2 || w.weight.shape[0] !== N || w.weight.shape[1] !== N) return null;
  if (node.type === 'Affine' && w.bias && w.bias.size !== N) return null;
  const into = ctx.plan.sources[feedback];
  if (into.length !== 1 || into[0] !== neuron) return null;
  if (ctx.plan.sources[neuron].filter((s) => s === feedback).length !== 1) return null;
  const back = stage.delayed.some(([s, d]) => s === feedback && d === neuron);
  const forth = stage.delayed.some(([s, d]) => s === neuron && d === feedback);
  if (back === forth) return null;
  return { neuron, feedback, biasFrom: back ? 1 : 0 };
}

export function runRecurrent(ctx: RecurrentContext, stage: RecurrentStage, T: number, B: number, values: Map<string, tf.Tensor>,
  records: Records, wanted: (n: string) => boolean, recordMembrane: boolean): void {
  const fused = ctx.scanPath === 'fused' ? fusedRecurrence(ctx, stage) : null;
  if (fused) {
    const entry = ctx.neurons.get(fused.neuron)!;
    const scan = recurrentScanFor(entry.spec, entry.neuron.size);
    if (scan) {
      runFused(ctx, fused, scan, T, B, values, records, wanted, recordMembrane);
      return;
    }
  }
  runStepByStep(ctx, stage, T, B, values, records, wanted, recordMembrane);
}

function runFused(ctx: RecurrentContext, { neuron, feedback, biasFrom }: FusedRecurrence, scan: RecurrentScan,
  T: number, B: number, values: Map<string, tf.Tensor>, records: Records, wanted: (n: string) => boolean, recordMembrane: boolean): void {
  const entry = ctx.neurons.get(neuron)!;
  const N = entry.neuron.size;
  const outer = ctx.plan.sources[neuron].filter((s) => s !== feedback).map((s) => reshapeUntaped(values.get(s)!, [T, B, N]));
  const x = outer.length > 0 ? outer.reduce((a, b) => tf.add(a, b)) : tf.zeros([T, B, N]);
  const node = ctx.flat.nodes[feedback];
  const w = ctx.weights.get(feedback)!;
  const bias = node.type === 'Affine' ? w.bias : undefined;
  const record = wanted(neuron);
  const result = scan(x, { weight: w.weight!, bias, biasFrom }, entry.params, entry.spec, { recordMembrane: record && recordMembrane });
  values.set(neuron, reshapeUntaped(result.out, [T, B, ...ctx.shapes[neuron].output!]));
  if (record) records[neuron] = { out: result.out, membrane: result.membrane };
  const readers = Object.entries(ctx.plan.sources).some(([d, s]) => d !== neuron && s.includes(feedback));
  if (!readers && !wanted(feedback)) return;
  // F's output at step t is F(z_t) when F → P is delayed, F(z_{t−1}) (F(0) at t = 0) when P → F is.
  const z = biasFrom === 1 ? result.out : tf.concat([tf.zeros([1, B, N]), tf.slice(result.out, [0, 0, 0], [T - 1, B, N])], 0);
  const outShape = ctx.shapes[feedback].output!;
  const y = reshapeUntaped(applyLayer(node, reshapeUntaped(z, [T * B, N]), w, outShape), [T, B, ...outShape]);
  values.set(feedback, y);
  if (wanted(feedback)) records[feedback] = { out: reshapeUntaped(y, [T, B, sizeOf(outShape)]) };
}

function runStepByStep(ctx: RecurrentContext, stage: RecurrentStage, T: number, B: number, values: Map<string, tf.Tensor>,
  records: Records, wanted: (n: string) => boolean, recordMembrane: boolean): void {
  const inside = new Set(stage.nodes);
  const delayed = new Set(stage.delayed.map(([s, d]) => `${s}\u0000${d}`));
  const outer = new Map<string, tf.Tensor[]>();
  for (const name of stage.nodes) for (const s of ctx.plan.sources[name]) if (!inside.has(s) && !outer.has(s)) outer.set(s, tf.unstack(values.get(s)!));
  const steppers = new Map(stage.nodes.filter((n) => ctx.neurons.has(n)).map((n) => {
    const e = ctx.neurons.get(n)!;
    return [n, neuronStepper(e.params, e.spec, B, e.neuron.size)] as const;
  }));
  const history = new Map<string, tf.Tensor[]>(stage.nodes.map((n) => [n, []]));
  const delayInputs = new Map<string, tf.Tensor[]>(stage.nodes.map((n) => [n, []]));
  const membranes = new Map<string, tf.Tensor[]>(stage.nodes.map((n) => [n, []]));
  const zerosFor = (n: string) => tf.zeros([B, ...ctx.shapes[n].output!]);
  for (let t = 0; t < T; t++) {
    const current = new Map<string, tf.Tensor>();
    for (const name of stage.nodes) {
      const node = ctx.flat.nodes[name];
      const terms = ctx.plan.sources[name].map((s) => {
        if (!inside.has(s)) return outer.get(s)![t];
        if (delayed.has(`${s}\u0000${name}`)) return t === 0 ? zerosFor(s) : history.get(s)![t - 1];
        return current.get(s)!;
      });
      const input = terms.reduce((a, b) => tf.add(a, b));
      const outShape = ctx.shapes[name].output!;
      let out: tf.Tensor;
      const stepper = steppers.get(name);
      if (stepper) {
        const size = ctx.neurons.get(name)!.neuron.size;
        const r = stepper.step(tf.reshape(input, [B, size]));
        out = tf.reshape(r.out, [B, ...outShape]);
        if (recordMembrane && wanted(name)) membranes.get(name)!.push(r.membrane);
      } else if (node.type === 'Delay') {
        const size = sizeOf(outShape);
        const past = delayInputs.get(name)!;
        past.push(tf.reshape(input, [B, size]));
        const picked = Array.from(delaySteps(node, ctx.dt), (k, i) => (t - k >= 0 ? tf.slice(past[t - k], [0, i], [B, 1]) : tf.zeros([B, 1])));
        out = tf.reshape(tf.concat(picked, 1), [B, ...outShape]);
      } else {
        out = applyLayer(node, input, ctx.weights.get(name)!, outShape);
      }
      current.set(name, out);
      history.get(name)!.push(out);
    }
  }
  for (const name of stage.nodes) {
    const stacked = tf.stack(history.get(name)!);
    values.set(name, stacked);
    if (wanted(name)) {
      const size = ctx.neurons.get(name)?.neuron.size ?? sizeOf(ctx.shapes[name].output!);
      const m = membranes.get(name)!;
      records[name] = { out: tf.reshape(stacked, [T, B, size]), membrane: m.length ? tf.stack(m) : undefined };
    }
  }
}
