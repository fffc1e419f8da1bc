/**
 * The kernel registry with both register files loaded (the webgpu one only registers: nothing runs
 * on a GPU here): which op each backend has, the active backend as the default, and the fallbacks
 * of the lookups built on it (plain scan, step-by-step recurrence).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { startNodeBackend } from '../runtime/loaders.node';
import { jsScan } from '../cpu/jsScan';
import { fusedScan } from '../webgpu/fusedScan';
import { RECURRENT_MAX_NEURONS } from '../webgpu/programs/recurrentLayout';
import '../webgpu/register';
import { neuronScanFor, type ScanSpec } from './neuronScan';
import { plainScan } from './plain/plainScan';
import { recurrentScanFor } from './recurrentScan';
import { activeBackendName, kernelFor, registeredKernels, registerKernel } from './registry';

const lif: ScanSpec = { output: 'spikes', synaptic: false, spikeFrom: 'post', reset: 'subtract', detachReset: false, adaptive: false, surrogate: { name: 'superspike', slope: 10 } };

describe('kernel registry', () => {
  beforeAll(async () => {
    await startNodeBackend('cpu'); // its loader imports ../cpu/register
  });

  it('lists what each backend registers (webgl: nothing)', () => {
    const byBackend = (backend: string) => registeredKernels().filter((k) => k.backend === backend).map((k) => k.op);
    expect(byBackend('webgpu')).toEqual(['adam', 'bitMatMul', 'deviceLoss', 'neuronScan', 'readoutLoss', 'recurrentScan', 'residentDataset']);
    expect(byBackend('wasm')).toEqual(['adam', 'bitLinearScan', 'bitMatMul', 'conv2d', 'conv2dNchw', 'heapView', 'neuronScan', 'pool2d', 'pool2dNchw', 'recurrentScan', 'residentDataset', 'spikeMatMul', 'sumOverTime', 'timeWeightedSum']);
    expect(byBackend('cpu')).toEqual(['adam', 'bitLinearScan', 'bitMatMul', 'conv2d', 'conv2dNchw', 'neuronScan', 'pool2d', 'pool2dNchw', 'recurrentScan', 'residentDataset', 'spikeMatMul', 'sumOverTime', 'timeWeightedSum']);
    expect(byBackend('webgl')).toEqual([]);
  });

  it('looks up the active backend by default', async () => {
    expect(activeBackendName()).toBe('cpu');
    expect(kernelFor('neuronScan')).toBe(jsScan);
    expect(kernelFor('neuronScan', 'webgpu')).toBe(fusedScan);
    expect(kernelFor('heapView')).toBeUndefined();
    await startNodeBackend('wasm');
    try {
      expect(kernelFor('heapView')).toBeDefined();
    } finally {
      await startNodeBackend('cpu');
    }
  });

  it('falls back to the plain scan and to step by step where a backend has no kernel', () => {
    expect(neuronScanFor('fused', 'webgl')).toEqual({ scan: plainScan, path: 'plain' });
    expect(neuronScanFor('plain', 'webgpu')).toEqual({ scan: plainScan, path: 'plain' });
    expect(neuronScanFor('fused', 'webgpu')).toEqual({ scan: fusedScan, path: 'fused' });
    expect(recurrentScanFor(lif, RECURRENT_MAX_NEURONS, 'webgpu')).not.toBeNull();
    expect(recurrentScanFor(lif, RECURRENT_MAX_NEURONS + 1, 'webgpu')).toBeNull();
    expect(recurrentScanFor(lif, 8, 'webgl')).toBeNull();
  });

  it('replaces an entry registered again', () => {
    const before = kernelFor('recurrentScan', 'cpu')!;
    try {
      registerKernel({ op: 'recurrentScan', backend: 'cpu', kernel: { ...before, maxNeurons: 0 } });
      expect(recurrentScanFor(lif, 1, 'cpu')).toBeNull();
      expect(registeredKernels().filter((k) => k.op === 'recurrentScan' && k.backend === 'cpu')).toHaveLength(1);
    } finally {
      registerKernel({ op: 'recurrentScan', backend: 'cpu', kernel: before });
    }
    expect(recurrentScanFor(lif, 1, 'cpu')).toBe(before.scan);
  });
});
