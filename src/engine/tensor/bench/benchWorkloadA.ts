/**
 * Workload A (SHD-2L, ../shared/specs/bench.md §2) as a timed training step: the engine's own
 * compiled program of workloadAGraph (canonical init, gain 1), the synthetic SHD-shaped samples
 * resident on the device bit-packed (../data/residentDataset.ts), each step gathering and
 * unpacking its batch on the device, integral cross-entropy (smoothing 0.3), Adam lr 5e-4
 * (ε = 1e-8), Spyx arctan(k = 2). No host→device copy inside the step.
 */
import * as tf from '@tensorflow/tfjs-core';
import { initParamsA } from '../../bench/canon';
import { syntheticShd } from '../../bench/syntheticData';
import { workloadAGraph } from '../../bench/workloadAGraph';
import { devicePermutation } from '../data/permutation';
import { uploadDataset } from '../data/residentDataset';
import { Program } from '../program/program';
import type { ScanPath } from '../scan/registry';
import { lossValue } from '../train/losses';
import { createOptimizer } from '../train/optimizer';
import type { TrainingWorkload } from './benchTiming';

export function workloadA(o: { T: number; B: number; H: number; n: number; C?: number; path: ScanPath }): TrainingWorkload & { scanPath: ScanPath } {
  const C = o.C ?? 128;
  const data = syntheticShd({ n: o.n, T: o.T, C });
  const dataset = uploadDataset({ packed: data.packed, labels: data.labels, N: o.n, T: o.T, F: C });
  const program = new Program(workloadAGraph(initParamsA({ C, H: o.H, gain: 1 })), { dt: 1, surrogate: { name: 'spyx_arctan', slope: 2 }, path: o.path });
  const trainable = Object.values(program.variables).filter((v) => v.trainable);
  const optimizer = createOptimizer('adam', 5e-4);
  let perm = devicePermutation(o.n, 0);
  return {
    scanPath: program.scanPath,
    stepsPerEpoch: Math.floor(o.n / o.B),
    residentBytes: dataset.residentBytes,
    shuffle(epoch) {
      perm.dispose();
      perm = devicePermutation(o.n, epoch);
    },
    step(i, sample) {
      return tf.tidy(() => {
        const { x, y } = dataset.batch(perm, i * o.B, o.B);
        const { value, grads } = tf.variableGrads(() => {
          const loss = lossValue(program.forward(x).output, y, 'integral_ce', { smoothing: 0.3 });
          sample();
          return loss;
        }, trainable);
        optimizer.applyGradients(grads);
        sample();
        return value;
      });
    },
    dispose() {
      perm.dispose();
      dataset.dispose();
      optimizer.dispose();
      program.dispose();
    },
  };
}
