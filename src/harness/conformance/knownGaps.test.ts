/**
 * The known gaps against what the register files register (both loaded; nothing runs on a GPU):
 * a gap whose backend has no kernel says so truly, a limit is the registered one, a replacement
 * kernel is there, and every backend either has the kernel a suite tests or a gap that says why not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { kernelFor } from '../../engine/tensor/kernels/registry';
import { BACKEND_ORDER } from '../../engine/tensor/runtime/backend';
import { startNodeBackend } from '../../engine/tensor/runtime/loaders.node';
import '../../engine/tensor/webgpu/register';
import { expectedPath, KNOWN_GAPS, knownGap, type ConformanceSuite } from './knownGaps';

const SUITE_OPS = { scan: 'neuronScan', recurrent: 'recurrentScan', packedBatch: 'residentDataset', bitMatMul: 'bitMatMul' } as const;

describe('known per-backend gaps', () => {
  beforeAll(async () => {
    await startNodeBackend('cpu'); // its loader imports the cpu register file
  });

  it('match the registry', () => {
    for (const gap of KNOWN_GAPS) {
      const label = `${gap.backend} ${gap.suite}`;
      if (!gap.op) continue;
      const kernel = kernelFor(gap.op, gap.backend);
      if (gap.then === 'kernel' || gap.smoothOnly) expect(kernel, label).toBeDefined();
      else if (gap.neuronsAbove !== undefined) expect(kernelFor('recurrentScan', gap.backend)?.maxNeurons, label).toBe(gap.neuronsAbove);
      else expect(kernel, label).toBeUndefined();
    }
  });

  it('leave no backend without a kernel or a reason', () => {
    for (const backend of BACKEND_ORDER) {
      for (const [suite, op] of Object.entries(SUITE_OPS) as Array<[ConformanceSuite, (typeof SUITE_OPS)[keyof typeof SUITE_OPS]]>) {
        expect(kernelFor(op, backend) !== undefined || knownGap(backend, suite) !== undefined, `${backend} ${suite}`).toBe(true);
      }
    }
  });

  it('pick the cases they cover', () => {
    expect(expectedPath('webgl', 'scan')).toBe('plain');
    expect(expectedPath('webgpu', 'scan')).toBe('fused');
    expect(expectedPath('webgpu', 'scan', { smooth: true })).toBe('plain');
    expect(expectedPath('webgpu', 'recurrent', { neurons: 2048 })).toBe('fused');
    expect(expectedPath('webgpu', 'recurrent', { neurons: 2049 })).toBe('plain');
    expect(expectedPath('wasm', 'recurrent', { neurons: 1e6 })).toBe('fused');
    expect(knownGap('webgpu', 'memory')).toBeUndefined();
    expect(knownGap('wasm', 'memory')?.then).toBe('skipped');
  });
});
