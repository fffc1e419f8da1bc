/**
 * What a backend's Adam (op 'adam' of ./registry.ts) shares: the hyperparameters, a learning rate
 * the schedule may change between updates (setLearningRate, ../train/optimizer.ts), the step
 * count t = 1, 2, … and the walk over the named gradients. A backend gives `update`, one weight
 * tensor's step of tf.train.adam's rule:
 *   m ← β₁·m + (1 − β₁)·g    v ← β₂·v + (1 − β₂)·g²    w ← w − lr·(m/(1 − β₁ᵗ))/(√(v/(1 − β₂ᵗ)) + ε)
 * (../cpu/hostAdam.ts in loops, ../webgpu/adam.ts in WGSL).
 */
import * as tf from '@tensorflow/tfjs-core';

export abstract class BackendAdam extends tf.Optimizer {
  private step = 0;

  constructor(protected lr: number, protected readonly beta1 = 0.9, protected readonly beta2 = 0.999, protected readonly epsilon = 1e-8) {
    super();
  }

  setLearningRate(lr: number): void {
    this.lr = lr;
  }

  /** One weight tensor's update at step t (1-based). */
  protected abstract update(name: string, variable: tf.Variable, gradient: tf.Tensor, t: number): void;

  /** After every tensor's update: the end of a training step (a backend may submit its queue here). */
  protected finishStep(): void {}

  applyGradients(gradients: Parameters<tf.Optimizer['applyGradients']>[0]): void {
    const named = Array.isArray(gradients) ? gradients.map(({ name, tensor }) => [name, tensor] as const) : Object.entries(gradients);
    this.step++;
    for (const [name, gradient] of named) {
      if (gradient) this.update(name, tf.engine().registeredVariables[name], gradient, this.step);
    }
    this.incrementIterations();
    this.finishStep();
  }

  getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.lr, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }
}
