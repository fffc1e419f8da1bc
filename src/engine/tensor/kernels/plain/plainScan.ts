/**
 * The reference neuron scan: plain TF.js ops, one small group per step (./step.ts), autodiff
 * through the custom-gradient spike. Runs on every backend. The equations are in ../neuronScan.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import { neuronStepper } from './step';
import type { NeuronScan } from '../neuronScan';

export const plainScan: NeuronScan = (x, params, spec, options = {}) => {
  const [, B, N] = x.shape;
  const stepper = neuronStepper(params, spec, B, N);
  const outs: tf.Tensor[] = [];
  const membranes: tf.Tensor[] = [];
  for (const xt of tf.unstack(x)) {
    const { out, membrane } = stepper.step(xt);
    outs.push(out);
    if (options.recordMembrane) membranes.push(membrane);
  }
  const result: { out: tf.Tensor; membrane?: tf.Tensor } = { out: tf.stack(outs) };
  if (options.recordMembrane) result.membrane = spec.output === 'membrane' ? result.out : tf.stack(membranes);
  return result;
};
