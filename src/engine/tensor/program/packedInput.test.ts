/**
 * A Program fed a packed batch (1-bit words, ../kernels/packedBatch.ts; the first layer multiplies the
 * bits directly through the registered bit matmul, ../kernels/bitMatMul.ts) must compute what it computes from the same batch
 * unpacked to floats: the readout within float32 rounding, every variable's gradient within 1e-5
 * of its largest value. Workload A's network (Linear → LIF → Linear → LIF → Linear → LI) with 40
 * inputs (two words per row, the second half-used) on both CPU backends, plus an Affine first
 * layer. And which programs take packed batches at all.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { initParamsA } from '../../workloads/canon';
import { workloadAGraph } from '../../workloads/workloadAGraph';
import { mulberry32 } from '../../core/rng';
import type { NirGraph } from '../../graph/types';
import { startNodeBackend } from '../runtime/loaders.node';
import { packFloatRows } from '../kernels/packedBatch';
import { Program, type PackedInput } from './program';

const T = 9;
const B = 3;
const C = 40;

function spikes(seed: number): Float32Array {
  const r = mulberry32(seed);
  return Float32Array.from({ length: T * B * C }, () => (r.uniform() < 0.2 ? 1 : 0));
}

function graph(affine: boolean): NirGraph {
  const g = workloadAGraph(initParamsA({ C, H: 16, O: 5, gain: 2 }));
  if (!affine) return g;
  const fc1 = g.nodes.fc1 as Extract<NirGraph['nodes'][string], { type: 'Linear' }>;
  const bias = Float32Array.from({ length: fc1.weight.shape[0] }, (_, i) => 0.02 * (i % 7) - 0.05);
  return { ...g, nodes: { ...g.nodes, fc1: { type: 'Affine', weight: fc1.weight, bias: { shape: [bias.length], data: bias } } } };
}

/** Readout and gradients of Σ readout ⊙ w for the batch, float or packed. */
function run(program: Program, input: tf.Tensor | PackedInput, w: tf.Tensor): { out: Float32Array; grads: Record<string, Float32Array> } {
  const variables = Object.values(program.variables).filter((v) => v.trainable);
  const result = tf.tidy(() => {
    let out: tf.Tensor | undefined;
    const { grads } = tf.variableGrads(() => {
      out = tf.keep(program.forward(input).output);
      return tf.sum(tf.mul(out, w)) as tf.Scalar;
    }, variables);
    return { out: out!, grads };
  });
  const arrays = { out: result.out.dataSync() as Float32Array, grads: Object.fromEntries(Object.entries(result.grads).map(([k, g]) => [k, g.dataSync() as Float32Array])) };
  tf.dispose([result.out, ...Object.values(result.grads)]);
  return arrays;
}

const maxAbs = (a: Float32Array) => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
const maxDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

describe('packed batches into a Program', () => {
  afterAll(() => startNodeBackend('cpu'));

  for (const backend of ['wasm', 'cpu'] as const) {
    for (const affine of [false, true]) {
      it(`give the float batch's readout and gradients on ${backend} (${affine ? 'Affine' : 'Linear'} first layer)`, async () => {
        await startNodeBackend(backend);
        const program = new Program(graph(affine), { dt: 1, surrogate: { name: 'superspike', slope: 10 } });
        expect(program.acceptsPackedInput).toBe(true);
        const x = spikes(5);
        const xs = tf.tensor3d(x, [T, B, C]);
        const words = tf.tensor2d(packFloatRows(x, T * B, C), [T * B, 2], 'int32');
        const w = tf.tensor3d(Float32Array.from({ length: T * B * 5 }, (_, i) => Math.sin(i)), [T, B, 5]);
        const before = tf.memory().numTensors;
        const dense = run(program, xs, w);
        const packed = run(program, { words, T, B, F: C }, w);
        expect(tf.memory().numTensors).toBe(before);
        expect(maxAbs(dense.out)).toBeGreaterThan(0); // the network is not silent
        expect(maxDiff(packed.out, dense.out)).toBeLessThanOrEqual(1e-5 * maxAbs(dense.out));
        expect(Object.keys(packed.grads).sort()).toEqual(Object.keys(dense.grads).sort());
        for (const [name, g] of Object.entries(dense.grads)) {
          expect(maxAbs(g), name).toBeGreaterThan(0);
          expect(maxDiff(packed.grads[name], g), name).toBeLessThanOrEqual(1e-5 * maxAbs(g));
        }
        tf.dispose([xs, words, w]);
        program.dispose();
      });
    }
  }

  it('are taken only where every reader of the Input multiplies bits (fused path)', async () => {
    await startNodeBackend('wasm');
    const plain = new Program(graph(false), { dt: 1, surrogate: { name: 'superspike', slope: 10 }, path: 'plain' });
    expect(plain.acceptsPackedInput).toBe(false);
    const words = tf.zeros([T * B, 2], 'int32') as tf.Tensor2D;
    expect(() => plain.forward({ words, T, B, F: C })).toThrow(/packed batch/);
    const wrongWidth = new Program(graph(false), { dt: 1, surrogate: { name: 'superspike', slope: 10 } });
    expect(() => wrongWidth.forward({ words, T, B, F: C - 1 })).toThrow(expect.objectContaining({ code: 'DATA_SHAPE_MISMATCH' }));
    tf.dispose(words);
    plain.dispose();
    wrongWidth.dispose();
  });
});
