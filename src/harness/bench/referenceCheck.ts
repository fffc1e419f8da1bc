/**
 * The correctness check of docs/specs/bench.md §5, computed by the engine itself: workload A
 * compiled from its NIR graph, synthetic samples 0..B−1 (T = 256, C = 128), canonical init with
 * `gain`, one forward and backward with the Spyx arctan(k = 2) surrogate and integral CE (s = 0.3).
 * Prints loss, spike counts per LIF layer and the L2 norm of every gradient.
 */
import * as tf from '@tensorflow/tfjs-core';
import { initParamsA, synthSample } from '../../engine/workloads/canon';
import { workloadAGraph } from '../../engine/workloads/workloadAGraph';
import { Program } from '../../engine/tensor/program/program';
import type { ScanPath } from '../../engine/tensor/kernels/neuronScan';
import { lossValue } from '../../engine/tensor/train/losses';

export interface ReferenceCheck {
  loss: number;
  spikes: { l1: number; l2: number };
  grad_l2: { W1: number; beta1: number; W2: number; beta2: number; W3: number; beta_out: number };
}

const GRAD_KEYS = { W1: 'fc1/weight', beta1: 'lif1/beta', W2: 'fc2/weight', beta2: 'lif2/beta', W3: 'fc3/weight', beta_out: 'li/beta' } as const;

/** Time-major float input [T, B, C] of synthetic samples 0..B−1. */
export function syntheticBatch(B: number, T: number, C: number): { x: tf.Tensor3D; labels: tf.Tensor1D } {
  const data = new Float32Array(T * B * C);
  const labels = new Int32Array(B);
  for (let b = 0; b < B; b++) {
    const { x, y } = synthSample(b, { T, C });
    labels[b] = y;
    for (let t = 0; t < T; t++) for (let c = 0; c < C; c++) data[(t * B + b) * C + c] = x[t * C + c];
  }
  return { x: tf.tensor3d(data, [T, B, C]), labels: tf.tensor1d(labels, 'int32') };
}

export async function computeReferenceCheck({ H = 128, gain = 2, B = 8, T = 256, C = 128, path = 'fused' as ScanPath } = {}): Promise<ReferenceCheck> {
  const program = new Program(workloadAGraph(initParamsA({ C, H, gain })), { dt: 1, surrogate: { name: 'spyx_arctan', slope: 2 }, path });
  const { x, labels } = syntheticBatch(B, T, C);
  try {
    // Kept and read after the step: dataSync fails on webgpu in a worker (no synchronous map).
    let counts: tf.Tensor[] = [];
    const { value, grads } = tf.variableGrads(() => {
      const { output, records } = program.forward(x, { record: ['lif1', 'lif2'] });
      counts = [tf.keep(tf.sum(records.lif1.out)), tf.keep(tf.sum(records.lif2.out))];
      return lossValue(output, labels, 'integral_ce', { smoothing: 0.3 });
    }, Object.values(program.variables));
    const norms = {} as ReferenceCheck['grad_l2'];
    for (const [label, key] of Object.entries(GRAD_KEYS)) {
      const g = grads[program.variables[key].name];
      norms[label as keyof typeof GRAD_KEYS] = Math.sqrt((await tf.sum(tf.square(g)).data())[0]);
    }
    const spikes = { l1: (await counts[0].data())[0], l2: (await counts[1].data())[0] };
    tf.dispose(counts);
    const loss = (await value.data())[0];
    tf.dispose([value, ...Object.values(grads)]);
    return { loss, spikes, grad_l2: norms };
  } finally {
    tf.dispose([x, labels]);
    program.dispose();
  }
}
