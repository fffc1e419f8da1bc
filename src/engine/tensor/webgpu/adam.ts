/**
 * Adam for the webgpu backend (op 'adam' of ../kernels/registry.ts, registered by ./register.ts,
 * used by ../train/optimizer.ts): one dispatch per parameter tensor (./programs/adamPrograms.ts,
 * which holds the update), where tf.train.adam queues about fourteen elementwise ops. The moments
 * stay on the GPU as one [2n] tensor per weight that the program updates in place (this optimiser
 * alone holds it); the weights come out as a new tensor the variable takes, so a clone of the old
 * weights (the best epoch's, ../train/bestWeights.ts) keeps its values. No readback. The learning
 * rate can change between updates (setLearningRate: the schedule's); decoupled weight decay is
 * applied to the weights before this update (../train/optimizer.ts). The update ends a training
 * step, so it submits the queue: one submit per step (./register.ts raises the backend's batch of
 * dispatches per submit above a step's count).
 */
import * as tf from '@tensorflow/tfjs-core';
import { BackendAdam } from '../kernels/adam';
import { runMultiOutput } from './multiOutput';
import { AdamUpdateProgram } from './programs/adamPrograms';
import { asTensor, submitQueued } from './webgpuBackend';

export class WebGpuAdam extends BackendAdam {
  static get className(): string {
    return 'SpikelabWebGpuAdam';
  }

  private readonly moments = new Map<string, tf.Tensor>();

  protected update(name: string, variable: tf.Variable, gradient: tf.Tensor, t: number): void {
    const n = variable.size;
    let moments = this.moments.get(name);
    if (!moments) this.moments.set(name, (moments = tf.keep(tf.zeros([2 * n]))));
    const f32 = (value: number) => ({ type: 'float32', data: [value] });
    const [info] = runMultiOutput(new AdamUpdateProgram(n), [variable.shape, moments], [variable, gradient],
      [{ type: 'int32', data: [n] }, f32(this.beta1), f32(this.beta2), f32(this.lr),
        f32(1 / (1 - this.beta1 ** t)), f32(1 / (1 - this.beta2 ** t)), f32(this.epsilon)]);
    const weights = asTensor(info);
    variable.assign(weights);
    weights.dispose(); // the variable holds its data now
  }

  protected finishStep(): void {
    submitQueued();
  }

  dispose(): void {
    for (const state of this.moments.values()) state.dispose();
    this.moments.clear();
    super.dispose();
  }
}
