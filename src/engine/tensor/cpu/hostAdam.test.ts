import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { startNodeBackend } from '../runtime/loaders.node';
import { HostAdam } from './hostAdam';

describe('HostAdam (the cpu backend\'s Adam)', () => {
  afterAll(() => startNodeBackend('cpu'));

  it('takes the steps tf.train.adam takes', async () => {
    await startNodeBackend('cpu');
    const init = Float32Array.from({ length: 12 }, (_, i) => Math.sin(i + 1));
    const run = (optimizer: tf.Optimizer, scope: string) => {
      const w = tf.variable(tf.tensor2d(init, [3, 4]), true, `${scope}/w`);
      for (let step = 1; step <= 4; step++) {
        // A gradient that changes every step and has both signs and sizes.
        const g = tf.tensor2d(Float32Array.from({ length: 12 }, (_, i) => Math.cos(i * step) * (i % 3 + 0.1)), [3, 4]);
        optimizer.applyGradients({ [w.name]: g });
        g.dispose();
      }
      const out = w.dataSync().slice();
      w.dispose();
      optimizer.dispose();
      return out;
    };
    const theirs = run(tf.train.adam(0.01, 0.9, 0.999, 1e-8), 'tfjs');
    const ours = run(new HostAdam(0.01), 'host');
    ours.forEach((v, i) => expect(v).toBeCloseTo(theirs[i], 6));
    expect(Math.abs(ours[0] - init[0])).toBeGreaterThan(0.02); // it moved (4 steps of about lr)
  });
});
