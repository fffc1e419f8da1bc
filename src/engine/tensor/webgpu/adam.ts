/**
 * Adam for the webgpu backend (op 'adam' of ../kernels/registry.ts, registered by ./register.ts,
 * used by ../train/optimizer.ts): per parameter tensor one dispatch for both moments and one for
 * the weights (./programs/adamPrograms.ts, which holds the update), where tf.train.adam queues
 * about fourteen elementwise ops. The moments stay on the GPU as one [2n] tensor per weight; no
 * readback. The learning rate can change between updates (setLearningRate: the schedule's);
 * decoupled weight decay is applied to the weights before this update (../train/optimizer.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { BackendAdam } from '../kernels/adam';
import { AdamMomentsProgram, AdamStepProgram } from './programs/adamPrograms';
import { asTensor, webgpuBackend } from './webgpuBackend';

export class WebGpuAdam extends BackendAdam {
  static get className(): string {
    return 'SpikelabWebGpuAdam';
  }

  private readonly moments = new Map<string, tf.Tensor>();

  protected update(name: string, variable: tf.Variable, gradient: tf.Tensor, t: number): void {
    const backend = webgpuBackend();
    const c1 = 1 / (1 - this.beta1 ** t);
    const c2 = 1 / (1 - this.beta2 ** t);
    const n = variable.size;
    const state = this.moments.get(name) ?? tf.keep(tf.zeros([2 * n]));
    const next = tf.keep(asTensor(backend.runWebGPUProgram(new AdamMomentsProgram(n), [gradient, state], 'float32',
      [{ type: 'int32', data: [n] }, { type: 'float32', data: [this.beta1] }, { type: 'float32', data: [this.beta2] }])));
    const weights = asTensor(backend.runWebGPUProgram(new AdamStepProgram(variable.shape, n), [variable, next], 'float32',
      [{ type: 'int32', data: [n] }, { type: 'float32', data: [this.lr] }, { type: 'float32', data: [c1] },
        { type: 'float32', data: [c2] }, { type: 'float32', data: [this.epsilon] }]));
    variable.assign(weights);
    weights.dispose(); // the variable holds its data now
    state.dispose();
    this.moments.set(name, next);
  }

  dispose(): void {
    for (const state of this.moments.values()) state.dispose();
    this.moments.clear();
    super.dispose();
  }
}
