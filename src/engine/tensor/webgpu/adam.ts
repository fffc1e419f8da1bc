/**
 * Adam for the webgpu backend (op 'adam' of ../kernels/registry.ts, registered by ./register.ts,
 * used by ../train/optimizer.ts): per parameter tensor one dispatch for both moments and one for
 * the weights (./programs/adamPrograms.ts, which holds the update), where tf.train.adam queues
 * about fourteen elementwise ops. The moments stay on the GPU as one [2n] tensor per weight; no
 * readback. The learning rate can change between updates (setLearningRate: the schedule's);
 * decoupled weight decay is applied to the weights before this update (../train/optimizer.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { AdamMomentsProgram, AdamStepProgram } from './programs/adamPrograms';
import { asTensor, webgpuBackend } from './webgpuBackend';

export class WebGpuAdam extends tf.Optimizer {
  static get className(): string {
    return 'SpikelabWebGpuAdam';
  }

  private readonly moments = new Map<string, tf.Tensor>();
  private step = 0;

  constructor(private lr: number, private readonly beta1 = 0.9, private readonly beta2 = 0.999, private readonly epsilon = 1e-8) {
    super();
  }

  setLearningRate(lr: number): void {
    this.lr = lr;
  }

  applyGradients(gradients: Parameters<tf.Optimizer['applyGradients']>[0]): void {
    const named = Array.isArray(gradients) ? gradients.map(({ name, tensor }) => [name, tensor] as const) : Object.entries(gradients);
    const backend = webgpuBackend();
    this.step++;
    const c1 = 1 / (1 - this.beta1 ** this.step);
    const c2 = 1 / (1 - this.beta2 ** this.step);
    for (const [name, gradient] of named) {
      if (!gradient) continue;
      const variable = tf.engine().registeredVariables[name];
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
    this.incrementIterations();
  }

  dispose(): void {
    for (const state of this.moments.values()) state.dispose();
    this.moments.clear();
    super.dispose();
  }

  getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.lr, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }
}
