/**
 * The timed training step every workload shares: batch i of the epoch's on-device permutation is
 * gathered from the resident dataset (left as bits when the model's first layers read bits, else
 * unpacked to floats), the loss is differentiated with respect to the
 * trainable variables, the optimiser applies the update. `mark(point)` is called where each phase
 * of ./gpuPhases.ts begins (gather, forward, loss: the workload's `loss` marks it, backward,
 * optimizer) and at the end; the memory sampler samples at 'backward' (after the forward pass) and
 * 'end' (after the update), the GPU phase timer writes timestamps. Nothing is copied host → device
 * inside a step.
 */
import * as tf from '@tensorflow/tfjs-core';
import { devicePermutation } from '../../engine/tensor/data/permutation';
import type { ResidentDataset } from '../../engine/tensor/kernels/residentDataset';
import type { PackedInput } from '../../engine/tensor/program/program';
import type { ScanPath } from '../../engine/tensor/kernels/neuronScan';
import type { TrainingWorkload } from './benchTiming';

export interface ResidentWorkloadParts {
  dataset: ResidentDataset;
  n: number;
  B: number;
  scanPath: ScanPath;
  optimizer: tf.Optimizer;
  variables: tf.Variable[];
  /** The step's memory budget (./memoryBudget.ts), where the workload has one. */
  memoryBudgetBytes?: number;
  /** Take batches as bits (the model's first layers multiply them directly; Program.acceptsPackedInput). */
  packedInput?: boolean;
  /**
   * The loss of one batch (x time-major floats, or bits with packedInput; y labels); calls
   * `lossBegins()` between the model's forward pass (up to its readout) and the loss on it.
   */
  loss(x: tf.Tensor | PackedInput, y: tf.Tensor1D, lossBegins: () => void): tf.Scalar;
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
    memoryBudgetBytes: parts.memoryBudgetBytes,
    shuffle(epoch) {
      perm.dispose();
      perm = devicePermutation(n, epoch);
    },
    step(i, mark) {
      return tf.tidy(() => {
        mark('gather');
        const packed = parts.packedInput ? dataset.packedBatch?.(perm, i * B, B) : undefined;
        const { x, y } = packed ? { x: packed, y: packed.y } : dataset.batch(perm, i * B, B);
        mark('forward');
        const { value, grads } = tf.variableGrads(() => {
          const loss = parts.loss(x, y, () => mark('loss'));
          mark('backward'); // variableGrads queues the gradients once this returns
          return loss;
        }, parts.variables);
        mark('optimizer');
        optimizer.applyGradients(grads);
        tf.dispose(Object.values(grads)); // applied: the step now holds weights and optimiser state
        mark('end');
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
