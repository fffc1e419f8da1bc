import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { startNodeBackend } from '../runtime/loaders.node';
import { sumOverTimeCpu } from './sumOverTime';

describe('sum over time on the cpu backend', () => {
  afterAll(() => startNodeBackend('cpu'));

  it("gives tf.sum(y, 0) and its gradient", async () => {
    await startNodeBackend('cpu');
    const y = tf.tensor3d(Float32Array.from({ length: 7 * 3 * 5 }, (_, i) => Math.sin(i) * (i % 4)), [7, 3, 5]);
    const w = tf.tensor2d(Float32Array.from({ length: 15 }, (_, i) => Math.cos(i)), [3, 5]);
    const ours = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(sumOverTimeCpu(x), w)));
    const theirs = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(tf.sum(x, 0), w)));
    const [a, b] = [sumOverTimeCpu(y), tf.sum(y, 0)];
    expect(a.shape).toEqual([3, 5]);
    const close = (p: tf.Tensor, q: tf.Tensor) => Array.from(p.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(q.dataSync()[i], 6));
    close(a, b);
    close(ours(y), theirs(y));
    expect(Math.max(...Array.from(ours(y).dataSync()).map(Math.abs))).toBeGreaterThan(0.5);
    tf.dispose([y, w, a, b]);
  });
});
