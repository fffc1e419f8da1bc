/**
 * A loss over a readout trace y [T, B, K] (the output population over T steps, B samples, K
 * classes) and labels [B]: how the trace is reduced over time to one score per class (the
 * readout, whose argmax is also the prediction), and the loss on those scores. One file per loss
 * states its equation; the TF.js implementation is ../../tensor/train/losses.ts. The gain-normalised
 * losses also divide the scores by the readout's DC gain, so they start near ln K whatever T, τ,
 * R and dt (docs/training.md).
 */

/** How y is reduced over time to the scores z_k: Σ_t (sum), max_t (max) or mean_t (mean). */
export type LossReadout = 'sum' | 'max' | 'mean';

export interface LossDef {
  name: string;
  /** What the Run panel shows. */
  label: string;
  /** The equation, as the doc comment of ../../tensor/train/losses.ts writes it. */
  formula: string;
  readout: LossReadout;
  /** Divide the reduced readout by the readout population's DC gain (../readoutGain.ts). */
  gainNormalised?: boolean;
}
