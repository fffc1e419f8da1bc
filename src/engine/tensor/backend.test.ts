import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { startNodeBackend } from './backends.node';
import { candidatesFor, selectBackend } from './backend';

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

  it('fails with BACKEND_UNAVAILABLE when nothing starts', async () => {
    await expect(selectBackend({ candidates: ['webgpu'], loaders: {} })).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
  });

  it('a forced backend is the only candidate', () => {
    expect(candidatesFor('wasm', ['webgpu', 'wasm', 'cpu'])).toEqual(['wasm']);
    expect(candidatesFor(undefined, ['cpu', 'webgpu'])).toEqual(['webgpu', 'cpu']);
  });
});
