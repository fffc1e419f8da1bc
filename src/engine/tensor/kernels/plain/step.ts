/**
 * One step of the neuron scan (equations in ../neuronScan.ts) with its state (v, c, a) kept inside:
 * the building block of the plain scan and of recurrent stages, which must run step by step.
 */
import * as tf from '@tensorflow/tfjs-core';
import { detach, spikeFn } from './spike';
import type { ScanParams, ScanSpec } from '../neuronScan';

export interface NeuronStepper {
  /** Advances one step with input x_t [B, N]; returns the output (z_t or m_t) and m_t. */
  step(x: tf.Tensor): { out: tf.Tensor; membrane: tf.Tensor };
}

export function neuronStepper(params: ScanParams, spec: ScanSpec, batch: number, size: number): NeuronStepper {
  const spike = spikeFn(spec.surrogate);
  const beta = tf.clipByValue(params.beta, 0, 1);
  const alpha = spec.synaptic && params.alpha ? tf.clipByValue(params.alpha, 0, 1) : null;
  const gamma = spec.adaptive ? params.gamma ?? null : null;
  const zeros = tf.zeros([batch, size]);
  let v: tf.Tensor = zeros;
  let c: tf.Tensor = zeros;
  let a: tf.Tensor = zeros;
  const resetOf = (z: tf.Tensor) => (spec.detachReset ? detach(z) : z);
  return {
    step(x) {
      let u = tf.mul(params.gainIn, x);
      if (alpha) {
        c = tf.add(tf.mul(alpha, c), u);
        u = tf.mul(params.gainCur ?? 1, c);
      }
      if (spec.output === 'membrane') {
        v = tf.add(tf.add(tf.mul(beta, v), params.bias), u);
        return { out: v, membrane: v };
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
      return { out: z, membrane: m };
    },
  };
}
