/**
 * The reference recurrent scan (contract in ../recurrentScan.ts): plain TF.js ops step by step,
 * as a recurrent stage runs without the fused kernel — the feedback z_{t−1}·Wᵀ (+ r) by
 * tf.matMul, then one step of ./step.ts — with autodiff through the custom-gradient spike. Runs on
 * every backend; the conformance suite (../../../../harness/conformance/recurrentScanConformance.ts) compares the fused kernels
 * with it.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { RecurrentScan } from '../recurrentScan';
import { neuronStepper } from './step';

export const plainRecurrentScan: RecurrentScan = (x, recurrent, params, spec, options = {}) => {
  const [, B, N] = x.shape;
  const stepper = neuronStepper(params, spec, B, N);
  const weight = tf.reshape(recurrent.weight, [N, N]) as tf.Tensor2D;
  const biasFrom = recurrent.biasFrom ?? 0;
  const outs: tf.Tensor[] = [];
  const membranes: tf.Tensor[] = [];
  tf.unstack(x).forEach((xt, t) => {
    let feedback: tf.Tensor | null = t > 0 ? tf.matMul(outs[t - 1] as tf.Tensor2D, weight, false, true) : null;
    if (recurrent.bias && t >= biasFrom) feedback = feedback ? tf.add(feedback, recurrent.bias) : tf.add(tf.zeros([B, N]), recurrent.bias);
    const { out, membrane } = stepper.step(feedback ? tf.add(xt, feedback) : xt);
    outs.push(out);
    if (options.recordMembrane) membranes.push(membrane);
  });
  return { out: tf.stack(outs), ...(options.recordMembrane ? { membrane: tf.stack(membranes) } : {}) };
};
