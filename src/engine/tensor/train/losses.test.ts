/**
 * The gain-normalised losses (./losses.ts, ../../train/readoutGain.ts): at a zero-weight readout
 * the mean-membrane loss is ln K, and its logits are the readout's input whatever T and the
 * readout's gain, where the integral loss's grow with T·G.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { cubaLi, li } from '../../graph/templates';
import { filled, type NirGraph, type NirNode } from '../../graph/types';
import { surrogateSpec } from '../../surrogates/index';
import { startNodeBackend } from '../runtime/loaders.node';
import { Program } from '../program/program';
import { logitsOf, lossValue, type LossName } from './losses';

const F = 3;
const K = 4;
/** Readout input u = W·x + b for the constant x below. */
const W = Float32Array.from([0.5, -0.2, 0.1, 0.3, 0.0, -0.4, -0.1, 0.2, 0.2, 0.4, -0.3, 0.0]);
const b = Float32Array.from([0.1, 0, -0.1, 0.05]);
const x = [1, 0.5, -1];
const u = Array.from({ length: K }, (_, k) => b[k] + x.reduce((sum, xi, i) => sum + W[k * F + i] * xi, 0));

function readoutGraph(readout: NirNode, weight = W): NirGraph {
  return {
    type: 'NIRGraph',
    nodes: { input: { type: 'Input', shape: [F] }, fc: { type: 'Affine', weight: { shape: [K, F], data: weight }, bias: { shape: [K], data: b } }, readout, output: { type: 'Output', shape: [K] } },
    edges: [['input', 'fc'], ['fc', 'readout'], ['readout', 'output']],
  };
}

/** The logits and loss of `loss` for a constant input over T steps (labels 0 … B−1). */
function run(graph: NirGraph, dt: number, T: number, loss: LossName): { logits: number[]; loss: number } {
  const program = new Program(graph, { dt, surrogate: surrogateSpec('superspike') });
  try {
    return tf.tidy(() => {
      const input = tf.tile(tf.tensor3d(x, [1, 1, F]), [T, 2, 1]);
      const { output } = program.forward(input);
      const labels = tf.tensor1d([0, 1], 'int32');
      return {
        logits: Array.from(logitsOf(output, loss, program.readoutScale).dataSync().slice(0, K)),
        loss: lossValue(output, labels, loss, { readoutScale: program.readoutScale }).dataSync()[0],
      };
    });
  } finally {
    program.dispose();
  }
}

describe('gain-normalised losses', () => {
  beforeAll(async () => {
    await startNodeBackend('wasm');
  });

  it('start at ln K for a zero-weight readout', () => {
    const zero = readoutGraph(li(K), new Float32Array(K * F));
    const noBias = { ...zero, nodes: { ...zero.nodes, fc: { type: 'Affine', weight: { shape: [K, F], data: new Float32Array(K * F) }, bias: filled([K], 0) } as NirNode } };
    for (const loss of ['mean_membrane_ce', 'norm_max_membrane_ce'] as const) expect(run(noBias, 5e-3, 64, loss).loss).toBeCloseTo(Math.log(K), 5);
  });

  it('give the readout\'s input as logits, whatever T, τ, R, dt and the readout model', () => {
    const withR = (node: NirNode, r: number) => ({ ...node, r: filled([K], r) }) as NirNode;
    const cases: Array<{ readout: NirNode; dt: number; T: number }> = [
      { readout: li(K), dt: 5e-3, T: 400 },
      { readout: li(K), dt: 1e-3, T: 2000 },
      { readout: withR(li(K, 10e-3), 3), dt: 1e-3, T: 1000 },
      { readout: withR(li(K), 80), dt: 5e-3, T: 800 },
      { readout: cubaLi(K), dt: 1e-3, T: 1500 },
    ];
    const integral: number[] = [];
    for (const { readout, dt, T } of cases) {
      const mean = run(readoutGraph(readout), dt, T, 'mean_membrane_ce');
      mean.logits.forEach((z, k) => expect(z).toBeCloseTo(u[k], 1)); // the transient is ≤ 5 % of T
      const max = run(readoutGraph(readout), dt, T, 'norm_max_membrane_ce');
      max.logits.forEach((z, k) => { if (u[k] > 0) expect(z).toBeCloseTo(u[k], 2); }); // settled (a negative input peaks at its first step)
      integral.push(run(readoutGraph(readout), dt, T, 'integral_ce').logits[0]);
    }
    expect(Math.max(...integral) / Math.min(...integral)).toBeGreaterThan(10); // the sum grows with T·G
  });
});
