import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SURROGATES, SURROGATE_NAMES } from '../../../surrogates/index';
import { startNodeBackend } from '../../runtime/loaders.node';
import { spikeFn, surrogateGrad, surrogatePrimitive } from './spike';

const Z = [-1.3, -0.61, -0.2, -0.037, 0, 0.011, 0.08, 0.33, 0.77, 1.9];

describe('spike function on TF.js', () => {
  beforeAll(async () => {
    await startNodeBackend('cpu');
  });

  it('fires strictly above threshold: H(0) = 0', async () => {
    const out = spikeFn({ name: 'superspike', slope: 25 })(tf.tensor1d([-1, 0, 1e-7, 2]));
    expect(Array.from(await out.data())).toEqual([0, 0, 1, 1]);
  });

  for (const name of SURROGATE_NAMES) {
    it(`${name}: backward is dy·g(z) and the TF.js g and S match the definitions`, async () => {
      const def = SURROGATES[name];
      const spec = { name, slope: def.defaultSlope };
      const z = tf.tensor1d(Z);
      const dy = tf.tensor1d(Z.map((_, i) => 0.5 + i / 10));
      const grad = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(spikeFn(spec)(x), dy)))(z);
      const g = await grad.data();
      const gOps = await surrogateGrad(z, spec).data();
      const sOps = await surrogatePrimitive(z, spec).data();
      Z.forEach((v, i) => {
        expect(g[i]).toBeCloseTo((0.5 + i / 10) * def.grad(v, def.defaultSlope), 5);
        expect(gOps[i]).toBeCloseTo(def.grad(v, def.defaultSlope), 5);
        expect(sOps[i]).toBeCloseTo(def.primitive(v, def.defaultSlope), 5);
      });
    });
  }
});
