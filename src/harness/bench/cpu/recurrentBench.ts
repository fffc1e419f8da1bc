/**
 * The measuring module of scripts/bench/recurrentBench.ts (bundled for Node there): ms per
 * forward + BPTT step of the recurrent template (700 → H recurrent LIF → 20 LI) on one CPU
 * backend, in one of three modes — 'fused' (the recurrent scan of ../../../engine/tensor/cpu/recurrentScan.ts), 'stepwise'
 * (fused path for the other layers, the recurrent stage step by step: its kernel unregistered for
 * the run) and 'plain' (path 'plain' throughout). Random input spikes, loss mean(readout ⊙ w),
 * gradients to every variable.
 */
import * as tf from '@tensorflow/tfjs-core';
import { recurrentLifClassifier, TEMPLATE_DT } from '../../../engine/graph/templates';
import { startNodeBackend } from '../../../engine/tensor/runtime/loaders.node';
import { Program } from '../../../engine/tensor/program/program';
import { registerKernel } from '../../../engine/tensor/kernels/registry';
import { jsRecurrentScan } from '../../../engine/tensor/cpu/recurrentScan';

export type RecurrentBenchMode = 'fused' | 'stepwise' | 'plain';

export interface RecurrentBenchOptions {
  T: number;
  B: number;
  H: number;
  density: number;
  warmup: number;
  steps: number;
}

export interface RecurrentBenchResult {
  backend: string;
  mode: RecurrentBenchMode;
  T: number;
  B: number;
  hidden: number;
  inputDensity: number;
  /** Mean spike rate of the recurrent population on the first samples. */
  hiddenRate: number;
  medianMs: number;
  samplesMs: number[];
  loss: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export async function benchRecurrent(backend: 'wasm' | 'cpu', mode: RecurrentBenchMode, o: RecurrentBenchOptions): Promise<RecurrentBenchResult> {
  await startNodeBackend(backend);
  registerKernel({ op: 'recurrentScan', backend, kernel: { scan: jsRecurrentScan, maxNeurons: mode === 'stepwise' ? 0 : Infinity } });
  const graph = recurrentLifClassifier({ inputs: 700, hidden: o.H, classes: 20 });
  const program = new Program(graph, { dt: TEMPLATE_DT, surrogate: { name: 'superspike', slope: 10 }, path: mode === 'plain' ? 'plain' : 'fused' });
  const x = tf.tidy(() => tf.cast(tf.less(tf.randomUniform([o.T, o.B, 700], 0, 1, 'float32', 1), o.density), 'float32'));
  const w = tf.randomUniform([o.T, o.B, 20], -1, 1, 'float32', 2);
  const times: number[] = [];
  let loss = 0;
  for (let i = 0; i < o.warmup + o.steps; i++) {
    const start = performance.now();
    const { value, grads } = tf.variableGrads(() => tf.mean(tf.mul(program.forward(x).output, w)) as tf.Scalar);
    const data = await value.data();
    await Promise.all(Object.values(grads).map((g) => g.data()));
    if (i >= o.warmup) times.push(performance.now() - start);
    loss = data[0];
    tf.dispose([value, ...Object.values(grads)]);
  }
  const spikes = tf.tidy(() => tf.mean(program.forward(tf.slice(x, [0, 0, 0], [o.T, Math.min(o.B, 8), 700]), { record: ['lif1'] }).records.lif1.out).dataSync()[0]);
  program.dispose();
  tf.dispose([x, w]);
  registerKernel({ op: 'recurrentScan', backend, kernel: { scan: jsRecurrentScan, maxNeurons: Infinity } });
  return { backend, mode, T: o.T, B: o.B, hidden: o.H, inputDensity: o.density, hiddenRate: Number(spikes.toFixed(4)), medianMs: Number(median(times).toFixed(1)), samplesMs: times.map((t) => Number(t.toFixed(1))), loss };
}

