import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { startNodeBackend } from './loaders.node';
import { candidatesFor, isSoftwareAdapter, selectBackend } from './backend';

describe('backend selection under Node', () => {
  it('starts wasm by default and computes gradients', async () => {
    const info = await startNodeBackend();
    expect(info.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    const g = tf.grad((x: tf.Tensor) => tf.sum(tf.div(tf.square(x), 2)))(tf.tensor1d([1, 2, 3]));
    expect(Array.from(await g.data())).toEqual([1, 2, 3]);
  });

  it('reports the reason when it falls back', async () => {
    const info = await selectBackend({
      candidates: ['webgpu', 'cpu'],
      loaders: { cpu: async () => { await import('@tensorflow/tfjs-backend-cpu'); } },
    });
    expect(info.name).toBe('cpu');
    expect(info.slow).toBe(true);
    expect(info.fallbackReason).toMatch(/webgpu: not available/);
  });

  it('passes over a software-only GPU adapter unless forced', async () => {
    const software = { vendor: 'google', architecture: 'swiftshader', description: 'SwiftShader', isFallbackAdapter: true };
    let gpuStarted = false;
    const loaders = {
      // A stand-in GPU backend whose loader reports a software adapter: it must not be started.
      webgl: async () => ({ adapter: software }),
      cpu: async () => { await import('@tensorflow/tfjs-backend-cpu'); },
    };
    const info = await selectBackend({ candidates: ['webgl', 'cpu'], loaders });
    expect(info).toMatchObject({ name: 'cpu', softwareSkipped: ['webgl'] });
    expect(info.fallbackReason).toBeUndefined();
    expect(info.attempts[0]).toMatchObject({ name: 'webgl', ok: false, error: expect.stringMatching(/software-only adapter \(swiftshader\)/) });
    const forced = selectBackend({ candidates: ['webgl'], loaders: { webgl: async () => { gpuStarted = true; return { adapter: software }; } }, forced: true });
    // Forced, it is tried (and here fails only because no real WebGL backend is registered in Node).
    await expect(forced).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
    expect(gpuStarted).toBe(true);
    expect(isSoftwareAdapter({ vendor: 'mesa', architecture: '', description: 'llvmpipe (LLVM 15.0.6, 256 bits)', isFallbackAdapter: false })).toBe(true);
    expect(isSoftwareAdapter({ vendor: 'nvidia', architecture: 'hopper', description: 'NVIDIA H200', isFallbackAdapter: false })).toBe(false);
  });

  it('fails with BACKEND_UNAVAILABLE when nothing starts', async () => {
    await expect(selectBackend({ candidates: ['webgpu'], loaders: {} })).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
  });

  it('a forced backend is the only candidate', () => {
    expect(candidatesFor('wasm', ['webgpu', 'wasm', 'cpu'])).toEqual(['wasm']);
    expect(candidatesFor(undefined, ['cpu', 'webgpu'])).toEqual(['webgpu', 'cpu']);
  });
});
