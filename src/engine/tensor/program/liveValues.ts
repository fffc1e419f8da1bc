/**
 * The values of one forward pass, by node name: a Map that also counts how many names hold each
 * tensor (a reshape may hand a layer's value on unchanged, a recurrent stage may return the same
 * tensor for two nodes). Program's releaser asks `holders(t)` before disposing a value no node
 * reads any more: O(1), where scanning every live value per released node made a 30,000-node
 * graph with its live values quadratic (issue 16).
 */
import type * as tf from '@tensorflow/tfjs-core';

export class LiveValues extends Map<string, tf.Tensor> {
  private readonly count = new Map<tf.Tensor, number>();

  override set(name: string, value: tf.Tensor): this {
    const old = super.get(name);
    if (old === value) return this;
    if (old !== undefined) this.drop(old);
    this.count.set(value, (this.count.get(value) ?? 0) + 1);
    return super.set(name, value);
  }

  override delete(name: string): boolean {
    const old = super.get(name);
    if (old === undefined) return false;
    this.drop(old);
    return super.delete(name);
  }

  override clear(): void {
    this.count.clear();
    super.clear();
  }

  /** How many names hold `value` now. */
  holders(value: tf.Tensor): number {
    return this.count.get(value) ?? 0;
  }

  private drop(value: tf.Tensor): void {
    const left = (this.count.get(value) ?? 1) - 1;
    if (left > 0) this.count.set(value, left);
    else this.count.delete(value);
  }
}
