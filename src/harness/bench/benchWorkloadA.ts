/**
 * Workload A (SHD-2L, docs/specs/bench.md §2) as a timed training step: the engine's own
 * compiled program of workloadAGraph (canonical init, gain 1), the synthetic SHD-shaped samples
 * resident on the device bit-packed (../../engine/tensor/data/residentDataset.ts), each step gathering and
 * unpacking its batch on the device, integral cross-entropy (smoothing 0.3), Adam lr 5e-4
 * (ε = 1e-8), Spyx arctan(k = 2). No host→device copy inside the step.
 */
import { initParamsA } from '../../engine/workloads/canon';
import { syntheticShd } from '../../engine/workloads/syntheticData';
import { workloadAGraph } from '../../engine/workloads/workloadAGraph';
import { uploadDataset } from '../../engine/tensor/data/residentDataset';
import { Program } from '../../engine/tensor/program/program';
import type { ScanPath } from '../../engine/tensor/kernels/neuronScan';
import { lossValue } from '../../engine/tensor/train/losses';
import { createOptimizer } from '../../engine/tensor/train/optimizer';
import type { TrainingWorkload } from './benchTiming';
import { memoryBudgetBytes } from './memoryBudget';
import { residentWorkload } from './residentWorkload';

export function workloadA(o: { T: number; B: number; H: number; n: number; C?: number; path: ScanPath }): TrainingWorkload & { scanPath: ScanPath } {
  const C = o.C ?? 128;
  const data = syntheticShd({ n: o.n, T: o.T, C });
  const dataset = uploadDataset({ packed: data.packed, labels: data.labels, N: o.n, T: o.T, F: C });
  const program = new Program(workloadAGraph(initParamsA({ C, H: o.H, gain: 1 })), { dt: 1, surrogate: { name: 'spyx_arctan', slope: 2 }, path: o.path });
  const trainable = Object.values(program.variables).filter((v) => v.trainable);
  const optimizer = createOptimizer('adam', 5e-4);
  return residentWorkload({
    dataset, n: o.n, B: o.B, scanPath: program.scanPath, packedInput: program.acceptsPackedInput,
    memoryBudgetBytes: memoryBudgetBytes(program, o.T, o.B, dataset.residentBytes), optimizer, variables: trainable,
    loss(x, y, lossBegins) {
      const readout = program.forward(x).output;
      lossBegins();
      return lossValue(readout, y, 'integral_ce', { smoothing: 0.3 });
    },
    disposeModel: () => program.dispose(),
  });
}
