/**
 * The timed training step every workload shares: batch i of the epoch's on-device permutation is
 * gathered and unpacked from the resident dataset, the loss is differentiated with respect to the
 * trainable variables, the optimiser applies the update; `sample` marks the memory-sampling points
 * (after the forward pass and after the update). Nothing is copied host → device inside a step.
 */
import * as tf from '@tensorflow/tfjs-core';
import { devicePermutation } from '../data/permutation';
import type { ResidentDataset } from '../data/residentDataset';
import type { ScanPath } from '../scan/registry';
import type { TrainingWorkload } from './benchTiming';

export interface ResidentWorkloadParts {
  dataset: ResidentDataset;
  n: number;
  B: number;
  scanPath: ScanPath;
  optimizer: tf.Optimizer;
  variables: tf.Variable[];
  /** The loss of one batch (x time-major, y labels). */
  loss(x: tf.Tensor, y: tf.Tensor1D): tf.Scalar;
  /** Frees the model (the dataset, permutation and optimiser are freed here). */
  disposeModel(): void;
}

export function residentWorkload(parts: ResidentWorkloadParts): TrainingWorkload & { scanPath: ScanPath } {
  const { dataset, n, B, optimizer } = parts;
  let perm = devicePermutation(n, 0);
  return {
    scanPath: parts.scanPath,
    stepsPerEpoch: Math.floor(n / B),
    residentBytes: dataset.residentBytes,
    shuffle(epoch) {
      perm.dispose();
      perm = devicePermutation(n, epoch);
    },
    step(i, sample) {
      return tf.tidy(() => {
        const { x, y } = dataset.batch(perm, i * B, B);
        const { value, grads } = tf.variableGrads(() => {
          const loss = parts.loss(x, y);
          sample();
          return loss;
        }, parts.variables);
        optimizer.applyGradients(grads);
        sample();
        return value;
      });
    },
    dispose() {
      perm.dispose();
      dataset.dispose();
      optimizer.dispose();
      parts.disposeModel();
    },
  };
}
