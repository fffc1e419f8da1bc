/**
 * Gradient accumulation over micro-batches. The training loss is a mean over the batch of
 * per-sample terms: the cross-entropies and the spike-rate MSE average over samples
 * (./losses.ts), and the rate penalty λ·Σ_layers mean_{b,n}(r̄_{b,n}²) averages over samples and
 * neurons. So for pieces of sizes b_k with Σ b_k = B,
 *   L(batch) = Σ_k (b_k / B)·L(piece k)   and   ∇L(batch) = Σ_k (b_k / B)·∇L(piece k),
 * and the same weights give the batch's mean firing rates; the correct count is a plain sum.
 * Each piece runs in its own tf.tidy; only the weighted sums are kept between pieces, and the
 * caller applies them (clipped by their global norm, as a one-shot step would) once, after the
 * last piece. Dropping the sums abandons the step without touching the weights.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { TrainConfig } from '../../train/types';
import type { ForwardOptions, ForwardResult, PackedInput, Program } from '../program/program';
import { lossAndCorrect, readsTimeSum, type LossName, type Readout } from './losses';
import { tidyObject } from '../runtime/tfTyping';

export interface PieceInput {
  x: tf.Tensor | PackedInput;
  labels: tf.Tensor1D;
}

/** A step's figures on the host. */
export interface StepFigures {
  loss: number;
  correct: number;
  /** Mean firing rate per spiking layer, in the order the accumulator was given them. */
  rates: Float32Array;
}

/** What a training step's forward returns besides the readout: the spiking layers' rates, and their means over time for a rate penalty. */
export type StepFigureOptions = Pick<ForwardOptions, 'rates' | 'timeMeans'>;

/**
 * The forward of a training step: the readout's time sum in closed form where the loss reads only
 * that and the program has it (Program.forwardIntegrated), else the trace; with the firing rate
 * (a scalar) of each layer in `figures.rates` and the mean over time, [B, ...], of each in
 * `figures.timeMeans` (what a rate penalty reads).
 */
export function readoutOf(program: Program, x: tf.Tensor | PackedInput, loss: LossName, figures: StepFigureOptions = {}): { readout: Readout } & Pick<ForwardResult, 'rates' | 'timeMeans'> {
  const integrated = readsTimeSum(loss) ? program.forwardIntegrated(x, figures) : null;
  if (integrated) return { readout: { sum: integrated.outputSum, T: integrated.T }, rates: integrated.rates, timeMeans: integrated.timeMeans };
  const { output, rates, timeMeans } = program.forward(x, figures);
  return { readout: output, rates, timeMeans };
}

export class GradientAccumulator {
  private grads: tf.NamedTensorMap | undefined;
  private loss: tf.Scalar | undefined;
  private correct: tf.Scalar | undefined;
  private rates: tf.Tensor1D | undefined;

  constructor(private readonly program: Program, private readonly config: TrainConfig, private readonly spiking: readonly string[]) {}

  /** Forward and backward through one piece; its gradients and figures join the sums with weight b/B. */
  add(piece: PieceInput, weight: number): void {
    const { program, config, spiking } = this;
    const variables = Object.values(program.variables).filter((v) => v.trainable);
    // Tensors made inside variableGrads' function other than its result are freed by its own
    // scope unless kept; the kept ones are freed here once summed.
    let rates: tf.Tensor1D | undefined;
    let correct: tf.Scalar | undefined;
    let next: { grads: tf.NamedTensorMap; loss: tf.Scalar; correct: tf.Scalar; rates: tf.Tensor1D };
    try {
      next = tidyObject(() => {
        const { value, grads } = tf.variableGrads(() => {
          const rateReg = config.rateReg ?? 0;
          const penalised = rateReg !== 0 && spiking.length > 0;
          const { readout, rates: layerRates, timeMeans } = readoutOf(program, piece.x, config.loss, { rates: spiking, timeMeans: penalised ? spiking : [] });
          rates = tf.keep((spiking.length ? tf.stack(spiking.map((n) => layerRates[n])) : tf.zeros([0])) as tf.Tensor1D);
          const figures = lossAndCorrect(readout, piece.labels, config.loss, { smoothing: config.smoothing, readoutScale: program.readoutScale });
          correct = tf.keep(figures.correct);
          let loss = figures.loss;
          if (penalised) {
            const penalty = tf.addN(spiking.map((n) => tf.mean(tf.square(timeMeans[n]))));
            loss = tf.add(loss, tf.mul(rateReg, penalty));
          }
          return loss;
        }, variables);
        const scale = <T extends tf.Tensor>(t: T): T => (weight === 1 ? t : tf.mul(t, weight));
        const plus = <T extends tf.Tensor>(sum: T | undefined, t: T): T => (sum ? tf.add(sum, scale(t)) : scale(t));
        const summed: tf.NamedTensorMap = {};
        for (const [name, g] of Object.entries(grads)) summed[name] = plus(this.grads?.[name], g);
        return {
          grads: summed,
          loss: plus(this.loss, value),
          correct: this.correct ? tf.add(this.correct, correct!) : tf.clone(correct!),
          rates: this.rates ? tf.add(this.rates, tf.mul(rates!, weight)) : tf.mul(rates!, weight),
        };
      });
    } finally {
      tf.dispose([rates, correct].filter((t) => t !== undefined) as tf.Tensor[]);
    }
    this.disposeSums();
    this.grads = next.grads;
    this.loss = next.loss;
    this.correct = next.correct;
    this.rates = next.rates;
  }

  /** The weighted loss so far (a scalar to read back: the sync point between pieces). */
  get lossSoFar(): tf.Scalar | undefined {
    return this.loss;
  }

  /** Applies the summed gradients (clipped when the config says so) through the optimiser. */
  apply(optimizer: tf.Optimizer, clip: (grads: tf.NamedTensorMap) => tf.NamedTensorMap): void {
    if (!this.grads) return;
    const grads = this.grads;
    tf.tidy(() => optimizer.applyGradients(this.config.clipNorm ? clip(grads) : grads));
  }

  /**
   * Starts reading the batch's loss, correct count and mean rate per spiking layer back, packed
   * into one buffer [loss, correct, rate₁ … rateₙ] (one read-back a step); the sums may be freed
   * at once, the packed copy lives until its read resolves.
   */
  readFigures(): Promise<StepFigures> {
    const packed = tf.tidy(() => tf.concat([tf.reshape(this.loss!, [1]), tf.reshape(tf.cast(this.correct!, 'float32'), [1]), this.rates!]));
    return packed.data().then((values) => ({ loss: values[0], correct: values[1], rates: values.subarray(2) as Float32Array }))
      .finally(() => packed.dispose());
  }

  private disposeSums(): void {
    tf.dispose([...Object.values(this.grads ?? {}), this.loss, this.correct, this.rates].filter((t): t is tf.Tensor => t !== undefined));
  }

  /** Frees the sums (after apply, or to abandon the step). */
  dispose(): void {
    this.disposeSums();
    this.grads = this.loss = this.correct = this.rates = undefined;
  }
}
