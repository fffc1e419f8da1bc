/**
 * The reference neuron scan: plain TF.js ops, one small group per step, autodiff through the
 * custom-gradient spike. Runs on every backend. The equations are in ./types.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import { detach, spikeFn } from '../spike';
import type { NeuronScan } from './types';

export const plainScan: NeuronScan = (x, params, spec, options = {}) => {
  const [T, B, N] = x.shape;
  const spike = spikeFn(spec.surrogate);
  const beta = tf.clipByValue(params.beta, 0, 1);
  const alpha = spec.synaptic ? tf.clipByValue(params.alpha ?? tf.zeros([N]), 0, 1) : null;
  const gamma = spec.adaptive ? params.gamma ?? tf.zeros([N]) : null;
  const steps = tf.unstack(x);
  const zeros = tf.zeros([B, N]);
  let v: tf.Tensor = zeros;
  let c: tf.Tensor = zeros;
  let a: tf.Tensor = zeros;
  const outs: tf.Tensor[] = [];
  const membranes: tf.Tensor[] = [];
  const resetOf = (z: tf.Tensor) => (spec.detachReset ? detach(z) : z);
  for (let t = 0; t < T; t++) {
    let u = tf.mul(params.gainIn, steps[t]);
    if (alpha) {
      c = tf.add(tf.mul(alpha, c), u);
      u = tf.mul(params.gainCur ?? 1, c);
    }
    if (spec.output === 'membrane') {
      v = tf.add(tf.add(tf.mul(beta, v), params.bias), u);
      outs.push(v);
      continue;
    }
    const theta = gamma ? tf.add(params.threshold, a) : params.threshold;
    let m: tf.Tensor;
    let z: tf.Tensor;
    if (spec.spikeFrom === 'post') {
      m = tf.add(tf.add(tf.mul(beta, v), params.bias), u);
      z = spike(tf.sub(m, theta));
      const r = resetOf(z);
      v = spec.reset === 'subtract' ? tf.sub(m, tf.mul(theta, r)) : tf.add(m, tf.mul(tf.sub(params.vReset, m), r));
    } else {
      z = spike(tf.sub(v, theta));
      const r = resetOf(z);
      v = spec.reset === 'subtract'
        ? tf.sub(tf.add(tf.add(tf.mul(beta, v), params.bias), u), tf.mul(theta, r))
        : tf.add(tf.add(tf.mul(beta, tf.add(v, tf.mul(tf.sub(params.vReset, v), r))), params.bias), u);
      m = v;
    }
    if (gamma) a = tf.add(tf.mul(gamma, a), tf.mul(tf.sub(1, gamma), z));
    outs.push(z);
    if (options.recordMembrane) membranes.push(m);
  }
  const result: { out: tf.Tensor; membrane?: tf.Tensor } = { out: tf.stack(outs) };
  if (options.recordMembrane) result.membrane = spec.output === 'membrane' ? result.out : tf.stack(membranes);
  return result;
};
