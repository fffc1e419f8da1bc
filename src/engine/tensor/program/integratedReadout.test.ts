/**
 * The readout in closed form (Program.forwardIntegrated, `integrable` in ./program.ts): Σ_t of a
 * leaky-integrator readout from one time-weighted sum of the layer below, against the trace of
 * the step-by-step readout summed over time, on both CPU backends, from float and packed
 * batches: the sum within 1e-5 of its largest value, the integral-CE loss within 1e-6, every
 * variable's gradient within 1e-4 of its largest value. W1's network (Linear readout, LI with
 * gain 1, no leak) and a variant with an Affine readout (bias) and an LI with a leak (its own
 * bias) and a gain per neuron. Then where the closed form does not apply (per-neuron τ, a learnt
 * β, a recorded readout, the plain path, a loss that reads the maximum over time). With the
 * hidden layer's time mean asked for (ForwardOptions.timeMeans, the training step's rates, which a
 * packed batch makes inside the fused first layer) and a rate penalty on it: the mean within 1e-6
 * of the recorded spikes' mean over time, and loss and gradients as above; the layer's rate
 * (ForwardOptions.rates) within 1e-6 of the recorded spikes' mean.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../core/rng';
import { withNeuronOptions } from '../../graph/labMetadata';
import { filled, type NirGraph } from '../../graph/types';
import { W1_CLASSES, W1_INPUTS, w1Graph } from '../../workloads/w1Graph';
import { maxError } from '../../../harness/conformance/maxError';
import { packFloatRows } from '../kernels/packedBatch';
import { startNodeBackend } from '../runtime/loaders.node';
import { readoutOf } from '../train/accumulate';
import { lossValue, type Readout } from '../train/losses';
import { Program, type PackedInput } from './program';

const [T, B, H] = [12, 4, 16];

function batch(seed: number): { x: Float32Array; labels: tf.Tensor1D } {
  const r = mulberry32(seed);
  return {
    x: Float32Array.from({ length: T * B * W1_INPUTS }, () => (r.uniform() < 0.05 ? 1 : 0)),
    labels: tf.tensor1d(Int32Array.from({ length: B }, (_, b) => (3 * b + 1) % W1_CLASSES), 'int32'),
  };
}

/** W1, or W1 with an Affine readout and an LI with a leak and a gain per neuron. */
function graph(variant: 'w1' | 'affine' | 'per-neuron-tau' | 'learnt-beta'): NirGraph {
  const g = w1Graph({ H });
  if (variant === 'w1') return g;
  const fc2 = g.nodes.fc2 as Extract<NirGraph['nodes'][string], { type: 'Linear' }>;
  const li = g.nodes.li as Extract<NirGraph['nodes'][string], { type: 'LI' }>;
  if (variant === 'per-neuron-tau') return { ...g, nodes: { ...g.nodes, li: { ...li, tau: { shape: [W1_CLASSES], data: Float32Array.from({ length: W1_CLASSES }, (_, i) => 10 + i) } } } };
  if (variant === 'learnt-beta') return { ...g, nodes: { ...g.nodes, li: withNeuronOptions(li, { learnDecay: true }) } };
  const bias = Float32Array.from({ length: W1_CLASSES }, (_, i) => 0.01 * (i % 5) - 0.02);
  return {
    ...g,
    nodes: {
      ...g.nodes,
      fc2: { type: 'Affine', weight: fc2.weight, bias: { shape: [W1_CLASSES], data: bias } },
      li: { type: 'LI', tau: filled([W1_CLASSES], 20), r: { shape: [W1_CLASSES], data: Float32Array.from({ length: W1_CLASSES }, (_, i) => 15 + i) }, v_leak: filled([W1_CLASSES], 0.05) },
    },
  };
}

const program = (g: NirGraph, path: 'fused' | 'plain' = 'fused') =>
  new Program(g, { dt: 1, surrogate: { name: 'superspike', slope: 25 }, detachReset: true, path });

/** What a reader gives: the readout, and the hidden layer's time mean [B, H] when it was asked for. */
interface Read {
  readout: Readout;
  rate?: tf.Tensor;
}

/** Σ_t readout, the hidden rate, the integral-CE loss (+ 0.5·mean(rate²)) and every variable's gradient, through `read`. */
function evaluate(p: Program, read: (input: tf.Tensor | PackedInput) => Read, input: tf.Tensor | PackedInput, labels: tf.Tensor1D) {
  const variables = Object.values(p.variables).filter((v) => v.trainable);
  const [sum, rate] = tf.tidy(() => {
    const { readout, rate: r } = read(input);
    return [(readout instanceof tf.Tensor ? tf.sum(readout, 0) : readout.sum).dataSync() as Float32Array, r ? (r.dataSync() as Float32Array) : undefined];
  });
  const { value, grads } = tf.variableGrads(() => {
    const { readout, rate: r } = read(input);
    const ce = lossValue(readout, labels, 'integral_ce', { smoothing: 0 });
    return r ? tf.add(ce, tf.mul(0.5, tf.mean(tf.square(r)))) : ce;
  }, variables);
  const out = { sum, rate, loss: value.dataSync()[0], grads: Object.fromEntries(Object.entries(grads).map(([k, g]) => [k, g.dataSync() as Float32Array])) };
  tf.dispose([value, ...Object.values(grads)]);
  return out;
}

describe('the readout in closed form (Program.forwardIntegrated)', () => {
  afterAll(() => startNodeBackend('wasm'));

  for (const backend of ['wasm', 'cpu'] as const) {
    it(`gives the time sum, loss and gradients of the step-by-step readout (${backend})`, async () => {
      await startNodeBackend(backend);
      for (const variant of ['w1', 'affine'] as const) {
        const p = program(graph(variant));
        const { x, labels } = batch(variant === 'w1' ? 1 : 2);
        const floats = tf.tensor3d(x, [T, B, W1_INPUTS]);
        const packed: PackedInput = { words: tf.tensor2d(packFloatRows(x, T * B, W1_INPUTS), [T * B, Math.ceil(W1_INPUTS / 32)], 'int32'), T, B, F: W1_INPUTS };
        const integrated = (rate: boolean) => (input: tf.Tensor | PackedInput): Read => {
          const made = p.forwardIntegrated(input, rate ? { timeMeans: ['lif'] } : {});
          if (!made) throw new Error(`${variant}: no closed form`);
          made.outputSum.shape.forEach((d, i) => expect(d).toBe([B, W1_CLASSES][i]));
          return { readout: { sum: made.outputSum, T: made.T }, rate: made.timeMeans.lif };
        };
        const stepwise = (rate: boolean) => (input: tf.Tensor | PackedInput): Read => {
          const made = p.forward(input, { record: ['lif'] });
          return { readout: made.output, ...(rate ? { rate: tf.mean(made.records.lif.out, 0) } : {}) };
        };
        for (const [input, rate] of [[floats, false], [packed, false], [floats, true], [packed, true]] as const) {
          const tensors = tf.memory().numTensors;
          const got = evaluate(p, integrated(rate), input, labels);
          expect(tf.memory().numTensors, `${variant}: tensors left after a closed-form step`).toBe(tensors);
          const want = evaluate(p, stepwise(rate), input, labels);
          const label = `${variant}, ${input instanceof tf.Tensor ? 'floats' : 'bits'}${rate ? ', with the hidden rate' : ''}`;
          const { err, scale } = maxError(got.sum, want.sum);
          expect(scale, label).toBeGreaterThan(0);
          expect(err, `${label}: Σ_t readout (scale ${scale})`).toBeLessThanOrEqual(1e-5 * scale);
          if (rate) {
            expect(got.rate?.length, `${label}: the rate's size`).toBe(B * H);
            const r = maxError(got.rate!, want.rate!);
            expect(r.scale, `${label}: the layer fires`).toBeGreaterThan(0);
            expect(r.err, `${label}: the hidden rate (scale ${r.scale})`).toBeLessThanOrEqual(1e-6 * r.scale);
            // The layer's rate as one scalar (ForwardOptions.rates), closed form and step by step, against the recorded spikes' mean.
            const [closed, traced, recordedMean] = tf.tidy(() => [p.forwardIntegrated(input, { rates: ['lif'] })!.rates.lif, p.forward(input, { rates: ['lif'] }).rates.lif,
              tf.mean(p.forward(input, { record: ['lif'] }).records.lif.out)].map((t) => t.dataSync()[0]));
            expect(recordedMean, `${label}: the layer fires`).toBeGreaterThan(0);
            expect(Math.abs(closed - recordedMean), `${label}: the closed form's rate`).toBeLessThanOrEqual(1e-6 * recordedMean);
            expect(Math.abs(traced - recordedMean), `${label}: the trace's rate`).toBeLessThanOrEqual(1e-6 * recordedMean);
          }
          expect(Math.abs(got.loss - want.loss), `${label}: loss`).toBeLessThanOrEqual(1e-6 * Math.abs(want.loss));
          expect(Object.keys(got.grads).sort()).toEqual(Object.keys(want.grads).sort());
          for (const [name, g] of Object.entries(want.grads)) {
            const e = maxError(got.grads[name], g);
            expect(e.scale, `${label}: ∂${name}`).toBeGreaterThan(0);
            expect(e.err, `${label}: ∂${name} (scale ${e.scale})`).toBeLessThanOrEqual(1e-4 * e.scale);
          }
        }
        // The plain path is the step-by-step reference, and agrees.
        const plain = program(graph(variant), 'plain');
        expect(plain.forwardIntegrated(floats)).toBeNull();
        const reference = tf.tidy(() => tf.sum(plain.forward(floats).output, 0).dataSync() as Float32Array);
        const closed = tf.tidy(() => p.forwardIntegrated(floats)!.outputSum.dataSync() as Float32Array);
        expect(maxError(closed, reference).err).toBeLessThanOrEqual(1e-5 * maxError(closed, reference).scale);
        tf.dispose([floats, packed.words, labels]);
        p.dispose();
        plain.dispose();
      }
    });
  }

  it('is not used where it does not hold or is not wanted', async () => {
    await startNodeBackend('wasm');
    const floats = tf.zeros([T, B, W1_INPUTS]);
    for (const variant of ['per-neuron-tau', 'learnt-beta'] as const) {
      const p = program(graph(variant));
      expect(p.forwardIntegrated(floats), variant).toBeNull();
      p.dispose();
    }
    const p = program(graph('w1'));
    expect(p.forwardIntegrated(floats, { record: ['li'] })).toBeNull();
    expect(p.forwardIntegrated(floats, { record: ['fc2'] })).toBeNull();
    const lif = p.forwardIntegrated(floats, { record: ['lif'] });
    expect(lif?.records.lif.out.shape).toEqual([T, B, H]);
    const labels = tf.zeros([B], 'int32') as tf.Tensor1D;
    expect(readoutOf(p, floats, 'max_membrane_ce').readout).toBeInstanceOf(tf.Tensor);
    expect(readoutOf(p, floats, 'mean_membrane_ce').readout).not.toBeInstanceOf(tf.Tensor);
    // mean_membrane_ce on the time sum: the trace's mean over time.
    const mean = tf.tidy(() => [lossValue(readoutOf(p, floats, 'mean_membrane_ce').readout, labels, 'mean_membrane_ce').dataSync()[0], lossValue(p.forward(floats).output, labels, 'mean_membrane_ce').dataSync()[0]]);
    expect(Math.abs(mean[0] - mean[1])).toBeLessThanOrEqual(1e-6);
    tf.dispose([floats, labels]);
    p.dispose();
  });
});
