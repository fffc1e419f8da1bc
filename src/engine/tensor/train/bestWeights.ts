/**
 * The best test epoch of a run, its weights and early stopping. After each epoch's test
 * evaluation, an epoch is better when its test accuracy is higher (ties: a lower test loss); with
 * `keepBest` the program's variables are then copied on the device (a clone per variable: the
 * optimiser assigns new tensors, so the copy stays the epoch's). With patience P > 0 the run stops
 * once P epochs have closed without a better one. `restore` puts the best weights back (the
 * session calls it when the run ends: all epochs done or stopped early).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BestEpoch, EpochMetrics } from '../../train/types';

export class BestWeights {
  private bestEpoch?: BestEpoch;
  private weights?: Record<string, tf.Tensor>;
  /** Epochs up to this one do not count against the patience (set when the budget is extended). */
  private patienceFrom = -Infinity;
  private stopped = false;

  constructor(private readonly variables: Record<string, tf.Variable>, private readonly keep: boolean, private readonly patience: number) {}

  get best(): BestEpoch | undefined {
    return this.bestEpoch && { ...this.bestEpoch };
  }

  /** Early stopping has ended the run. */
  get stoppedEarly(): boolean {
    return this.stopped;
  }

  /** Takes an epoch's test figures: notes a new best (copying the weights), and marks `metrics` with the best and any stop. */
  observe(metrics: EpochMetrics & { testAccuracy: number; testLoss: number }): void {
    const best = this.bestEpoch;
    if (!best || metrics.testAccuracy > best.testAccuracy || (metrics.testAccuracy === best.testAccuracy && metrics.testLoss < best.testLoss)) {
      this.bestEpoch = { epoch: metrics.epoch, testAccuracy: metrics.testAccuracy, testLoss: metrics.testLoss };
      if (this.keep) this.copyWeights();
    }
    metrics.best = this.best;
    const since = metrics.epoch - Math.max(this.bestEpoch!.epoch, this.patienceFrom);
    if (this.patience > 0 && since >= this.patience) {
      this.stopped = true;
      metrics.stoppedEarly = true;
    }
  }

  /** More epochs were granted after `lastEpoch`: the patience counts afresh from there. */
  extend(lastEpoch: number): void {
    this.stopped = false;
    this.patienceFrom = lastEpoch;
  }

  /** Puts the best epoch's weights back, when they were kept; returns that epoch. */
  restore(): BestEpoch | undefined {
    if (!this.weights) return undefined;
    for (const [key, value] of Object.entries(this.weights)) this.variables[key].assign(value);
    return this.best;
  }

  private copyWeights(): void {
    this.disposeWeights();
    this.weights = Object.fromEntries(Object.entries(this.variables).map(([key, v]) => [key, tf.keep(tf.clone(v))]));
  }

  private disposeWeights(): void {
    if (this.weights) tf.dispose(Object.values(this.weights));
    this.weights = undefined;
  }

  dispose(): void {
    this.disposeWeights();
  }
}
