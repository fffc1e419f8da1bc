/**
 * Recurrent stages run fused (../kernels/recurrentScan.ts; JS loops on cpu and wasm) against the
 * same Program on the plain path (step by step, TF.js ops): a recurrent classifier
 * input → Affine → LIF|CubaLIF ⇄ Linear|Affine → Affine → LI → output, for both spike conventions
 * and both resets, learned decays. The population's spikes must be identical; the readout, the
 * recorded membrane and the gradients to W_rec (and its bias), β, α and the other weights (∂fc1 is
 * ∂x, the population's input current, times the input)
 * within 1e-4 of each tensor's largest value. Also: the feedback layer's own value when a node
 * outside the stage reads it, the other edge of the cycle delayed, and what stays step by step.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../core/rng';
import { withNeuronOptions } from '../../graph/labMetadata';
import { affine, cubaLif, li, lif, seededWeights, TEMPLATE_DT } from '../../graph/templates';
import type { NirGraph, NirNode } from '../../graph/types';
import { startNodeBackend } from '../runtime/loaders.node';
import { fusedRecurrence, runRecurrent, type RecurrentContext, type RecurrentStage } from './recurrentStage';
import { Program, type ProgramOptions } from './program';

interface Variant {
  model: 'LIF' | 'CubaLIF';
  spikeFrom: 'pre' | 'post';
  reset: 'subtract' | 'to_reset';
  feedback?: 'Linear' | 'Affine';
  /** The feedback layer also feeds the readout (its value is then needed outside the stage). */
  tap?: boolean;
}

const SIZE = { inputs: 12, hidden: 16, classes: 4 };

function graphOf(v: Variant): NirGraph {
  const { inputs, hidden, classes } = SIZE;
  const population = v.model === 'LIF' ? lif(hidden) : cubaLif(hidden);
  const rec: NirNode = v.feedback === 'Affine'
    ? { type: 'Affine', weight: seededWeights([hidden, hidden], hidden, 9, 1.2), bias: { shape: [hidden], data: Float32Array.from({ length: hidden }, (_, i) => 0.05 * ((i % 5) - 1)) } }
    : { type: 'Linear', weight: seededWeights([hidden, hidden], hidden, 9, 1.2) };
  const edges: Array<[string, string]> = [['input', 'fc1'], ['fc1', 'lif1'], ['lif1', 'rec'], ['rec', 'lif1'], ['lif1', 'fc2'], ['fc2', 'readout'], ['readout', 'output']];
  if (v.tap) edges.push(['rec', 'fc2']);
  return {
    type: 'NIRGraph',
    nodes: {
      input: { type: 'Input', shape: [inputs] },
      fc1: affine(inputs, hidden, 3, 2.5),
      lif1: withNeuronOptions(population, { spikeFrom: v.spikeFrom, reset: v.reset, learnDecay: true }),
      rec,
      fc2: affine(hidden, classes, 4, 1),
      readout: li(classes),
      output: { type: 'Output', shape: [classes] },
    },
    edges,
  };
}

function inputOf(T: number, B: number, seed: number): tf.Tensor {
  const r = mulberry32(seed);
  return tf.tensor3d(Float32Array.from({ length: T * B * SIZE.inputs }, () => (r.uniform() < 0.35 ? 1 : 0)), [T, B, SIZE.inputs]);
}

type Arrays = Record<string, Float32Array>;

/**
 * Readout, lif1's spikes and membrane, and the gradients of Σ readout ⊙ w to every variable (the
 * input layer's do not reach the Input: its spike matmul skips that gradient; ∂fc1/bias is Σ ∂x).
 */
function evaluate(graph: NirGraph, options: ProgramOptions, T = 14, B = 3): { arrays: Arrays; path: string; fused: boolean } {
  const program = new Program(graph, options);
  try {
    const arrays = tf.tidy(() => {
      const x = inputOf(T, B, 11);
      const w = tf.randomUniform([T, B, SIZE.classes], -1, 1, 'float32', 5);
      const fwd = program.forward(x, { record: ['lif1', 'rec'], recordMembrane: true });
      const loss = (xIn: tf.Tensor) => tf.sum(tf.mul(program.forward(xIn).output, w)) as tf.Scalar;
      const { grads } = tf.variableGrads(() => loss(x));
      const named: Record<string, tf.Tensor> = { output: fwd.output, spikes: fwd.records.lif1.out, membrane: fwd.records.lif1.membrane! };
      if (fwd.records.rec) named.rec = fwd.records.rec.out;
      for (const [key, v] of Object.entries(program.variables)) named[`d ${key}`] = grads[v.name];
      return Object.fromEntries(Object.entries(named).map(([k, t]) => [k, t.dataSync() as Float32Array]));
    });
    const stage = program.plan.stages.find((s) => s.kind === 'recurrent') as RecurrentStage;
    return { arrays, path: program.scanPath, fused: fusedRecurrence(contextOf(program), stage) !== null };
  } finally {
    program.dispose();
  }
}

function contextOf(program: Program, scanPath = program.scanPath): RecurrentContext {
  // The private maps a Program hands its recurrent stages (element access reaches private members).
  return { flat: program.flat, plan: program.plan, shapes: program.shapes, dt: program.dt, scanPath, neurons: program['neurons'], weights: program['weights'] };
}

function expectClose(got: Arrays, want: Arrays, label: string): void {
  expect(Object.keys(got).sort(), label).toEqual(Object.keys(want).sort());
  expect(Array.from(got.spikes), `${label}: spikes`).toEqual(Array.from(want.spikes));
  expect(want.spikes.some((s) => s !== 0), `${label}: the population spikes`).toBe(true);
  for (const key of Object.keys(want)) {
    const scale = want[key].reduce((s, v) => Math.max(s, Math.abs(v)), 0);
    let worst = 0;
    for (let i = 0; i < want[key].length; i++) worst = Math.max(worst, Math.abs(got[key][i] - want[key][i]));
    expect(worst, `${label}: ${key} (scale ${scale})`).toBeLessThanOrEqual(1e-4 * scale + 1e-5);
  }
}

const surrogate = { name: 'superspike', slope: 10 } as const;

describe('recurrent stages: fused scan against step by step', () => {
  afterAll(async () => {
    await startNodeBackend('cpu');
  });

  for (const backend of ['cpu', 'wasm'] as const) {
    describe(backend, () => {
      beforeAll(async () => {
        await startNodeBackend(backend);
      });

      for (const model of ['LIF', 'CubaLIF'] as const) {
        for (const spikeFrom of ['post', 'pre'] as const) {
          for (const reset of ['subtract', 'to_reset'] as const) {
            const v: Variant = { model, spikeFrom, reset };
            it(`${model} ${spikeFrom} ${reset}`, () => {
              const graph = graphOf(v);
              for (const detachReset of [false, true]) {
                const want = evaluate(graph, { dt: TEMPLATE_DT, surrogate, detachReset, path: 'plain' });
                const got = evaluate(graph, { dt: TEMPLATE_DT, surrogate, detachReset, path: 'fused' });
                expect(want.path).toBe('plain');
                expect(got).toMatchObject({ path: 'fused', fused: true });
                expectClose(got.arrays, want.arrays, `${model} ${spikeFrom} ${reset}${detachReset ? ' detached' : ''}`);
              }
            });
          }
        }
      }

      it('Affine feedback (bias from step 1) whose value the readout also reads', () => {
        for (const tap of [false, true]) {
          const graph = graphOf({ model: 'CubaLIF', spikeFrom: 'post', reset: 'subtract', feedback: 'Affine', tap });
          const want = evaluate(graph, { dt: TEMPLATE_DT, surrogate, path: 'plain' });
          const got = evaluate(graph, { dt: TEMPLATE_DT, surrogate, path: 'fused' });
          expect(got.fused).toBe(true);
          expect(want.arrays['d rec/bias'].some((g) => g !== 0)).toBe(true);
          expectClose(got.arrays, want.arrays, `Affine feedback${tap ? ', tapped' : ''}`);
        }
      });
    });
  }

  it('runs the stage with the other edge (population → feedback) delayed', async () => {
    await startNodeBackend('cpu');
    const graph = graphOf({ model: 'LIF', spikeFrom: 'post', reset: 'to_reset', feedback: 'Affine' });
    const program = new Program(graph, { dt: TEMPLATE_DT, surrogate, path: 'fused' });
    try {
      const stage: RecurrentStage = { kind: 'recurrent', nodes: ['rec', 'lif1'], delayed: [['lif1', 'rec']] };
      expect(fusedRecurrence(contextOf(program), stage)).toEqual({ neuron: 'lif1', feedback: 'rec', biasFrom: 0 });
      const T = 12;
      const B = 2;
      const variables = [program.variables['rec/weight'], program.variables['rec/bias'], program.variables['lif1/beta']];
      const run = (path: 'fused' | 'plain') => tf.tidy(() => {
        const fc1 = tf.randomUniform([T, B, SIZE.hidden], 0, 0.8, 'float32', 3);
        const w = tf.randomUniform([T, B, SIZE.hidden], -1, 1, 'float32', 4);
        const stageLoss = (x: tf.Tensor) => {
          const values = new Map([['fc1', x]]);
          const records: Record<string, { out: tf.Tensor; membrane?: tf.Tensor }> = {};
          runRecurrent(contextOf(program, path), stage, T, B, values, records, (n) => n === 'lif1' || n === 'rec', true);
          return { loss: tf.add(tf.sum(tf.mul(values.get('lif1')!, w)), tf.sum(tf.mul(records.rec.out, w))) as tf.Scalar, records };
        };
        const { records } = stageLoss(fc1);
        const dx = tf.grad((x: tf.Tensor) => stageLoss(x).loss)(fc1);
        const { grads } = tf.variableGrads(() => stageLoss(fc1).loss, variables);
        const named: Record<string, tf.Tensor> = { spikes: records.lif1.out, membrane: records.lif1.membrane!, rec: records.rec.out, dx };
        for (const v of variables) named[v.name] = grads[v.name];
        return Object.fromEntries(Object.entries(named).map(([k, t]) => [k, t.dataSync() as Float32Array]));
      });
      expectClose(run('fused'), run('plain'), 'population → feedback delayed');
    } finally {
      program.dispose();
    }
  });

  it('keeps membrane-output populations and larger cycles step by step', async () => {
    await startNodeBackend('cpu');
    const graph = graphOf({ model: 'LIF', spikeFrom: 'post', reset: 'subtract' });
    const withLi: NirGraph = { ...graph, nodes: { ...graph.nodes, lif1: li(SIZE.hidden) } };
    const liProgram = new Program(withLi, { dt: TEMPLATE_DT, surrogate });
    const stage = liProgram.plan.stages.find((s) => s.kind === 'recurrent') as RecurrentStage;
    expect(fusedRecurrence(contextOf(liProgram), stage)).toBeNull();
    liProgram.dispose();
    const program = new Program(graph, { dt: TEMPLATE_DT, surrogate });
    const lifStage = program.plan.stages.find((s) => s.kind === 'recurrent') as RecurrentStage;
    expect(fusedRecurrence(contextOf(program), { ...lifStage, nodes: [...lifStage.nodes, 'fc2'] })).toBeNull();
    expect(fusedRecurrence(contextOf(program), { ...lifStage, delayed: [] })).toBeNull();
    program.dispose();
  });
});
