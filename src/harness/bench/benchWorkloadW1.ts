/**
 * Workload W1 (docs/specs/webgpu.md, end: the CPU comparison network) as a timed training
 * step: the NIR graph of ../../engine/workloads/w1Graph.ts compiled by the engine (so the fused scans and,
 * on wasm/cpu, the spike matmuls of ../../engine/tensor/cpu are what is timed), fast sigmoid k = 25 with the reset
 * detached, integral cross-entropy without smoothing, Adam 1e-3; x ~ Bernoulli(0.02) resident
 * bit-packed and unpacked inside the step.
 */
import { mulberry32 } from '../../engine/core/rng';
import { W1_CLASSES, W1_INPUTS, w1Graph } from '../../engine/workloads/w1Graph';
import { uploadDataset } from '../../engine/tensor/data/residentDataset';
import { Program } from '../../engine/tensor/program/program';
import type { ScanPath } from '../../engine/tensor/kernels/neuronScan';
import { readoutOf } from '../../engine/tensor/train/accumulate';
import { lossValue } from '../../engine/tensor/train/losses';
import { createOptimizer } from '../../engine/tensor/train/optimizer';
import type { TrainingWorkload } from './benchTiming';
import { memoryBudgetBytes } from './memoryBudget';
import { residentWorkload } from './residentWorkload';

function bernoulliPacked(n: number, T: number, F: number, p: number, seed: number): Uint8Array {
  const r = mulberry32(seed);
  const Tp = Math.ceil(T / 8);
  const out = new Uint8Array(n * Tp * F);
  for (let s = 0; s < n; s++) {
    for (let t = 0; t < T; t++) for (let f = 0; f < F; f++) if (r.uniform() < p) out[(s * Tp + (t >> 3)) * F + f] |= 0x80 >> (t & 7);
  }
  return out;
}

export function workloadW1(o: { T: number; B: number; H: number; n: number; path: ScanPath }): TrainingWorkload & { scanPath: ScanPath } {
  const labels = Uint8Array.from({ length: o.n }, (_, i) => i % W1_CLASSES);
  const dataset = uploadDataset({ packed: bernoulliPacked(o.n, o.T, W1_INPUTS, 0.02, 7), labels, N: o.n, T: o.T, F: W1_INPUTS });
  const program = new Program(w1Graph({ H: o.H }), { dt: 1, surrogate: { name: 'superspike', slope: 25 }, detachReset: true, path: o.path });
  return residentWorkload({
    dataset, n: o.n, B: o.B, scanPath: program.scanPath, packedInput: program.acceptsPackedInput,
    memoryBudgetBytes: memoryBudgetBytes(program, o.T, o.B, dataset.residentBytes), optimizer: createOptimizer('adam', 1e-3),
    variables: Object.values(program.variables).filter((v) => v.trainable),
    loss(x, y, lossBegins) {
      const { readout } = readoutOf(program, x, 'integral_ce');
      lossBegins();
      return lossValue(readout, y, 'integral_ce', { smoothing: 0 });
    },
    disposeModel: () => program.dispose(),
  });
}
