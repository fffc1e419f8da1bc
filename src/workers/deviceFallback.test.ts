import { beforeAll, describe, expect, it } from 'vitest';
import { initParamsA } from '../engine/workloads/canon';
import { syntheticShd } from '../engine/workloads/syntheticData';
import { workloadAGraph } from '../engine/workloads/workloadAGraph';
import { activeBackendName } from '../engine/tensor/kernels/registry';
import { nodeLoaders, startNodeBackend } from '../engine/tensor/runtime/loaders.node';
import { DEFAULT_TRAIN_CONFIG } from '../engine/train/defaults';
import { activeBackend } from './backendState';
import { DeviceFallback } from './deviceFallback';

describe('falling back to WASM when the GPU device is lost', () => {
  beforeAll(async () => {
    await startNodeBackend('cpu'); // stands in for webgpu: the checkpoints are told it can lose its device
  });

  it('rebuilds the session on wasm from the last checkpoint and says from which step', async () => {
    const fallback = new DeviceFallback({ loaders: nodeLoaders, backend: () => 'webgpu' });
    const train = syntheticShd({ n: 32, T: 8, C: 16 });
    const graph = workloadAGraph(initParamsA({ C: 16, H: 8, gain: 2 }));
    const config = { ...DEFAULT_TRAIN_CONFIG, dt: 1, batchSize: 8, epochs: 2, surrogate: { name: 'spyx_arctan', slope: 2 } as const };
    const { session } = await fallback.build({ request: { graph, dataset: 'synthetic', config, T: 8, maxSamples: 0, batchLimit: 8 }, train, classes: [] });
    await session.step();
    await session.step();
    await fallback.checkpoints.maybeTake(session, true);
    const kept = session.program.variables['fc1/weight'].dataSync().slice();
    await session.step(); // not checkpointed: lost with the device
    const lost = new Error('GPUDevice: Device is lost (reason: unknown)');
    expect(fallback.isLost(lost)).toBe(true);
    expect(fallback.isLost(new Error('shape mismatch'))).toBe(false);
    const { session: rebuilt, notice } = await fallback.recover(session, lost);
    expect(activeBackendName()).toBe('wasm');
    expect(activeBackend()?.name).toBe('wasm');
    expect(notice).toMatchObject({ code: 'DEVICE_LOST_FALLBACK', step: 2, message: 'The GPU device was lost; continuing on WASM with the weights of step 2.' });
    expect(rebuilt.stepsTaken).toBe(2);
    const weights = rebuilt.program.variables['fc1/weight'].dataSync();
    kept.forEach((w, i) => expect(weights[i]).toBeCloseTo(w, 5));
    const next = await rebuilt.step();
    expect(next.step).toBe(3);
    rebuilt.dispose();
  });
});
