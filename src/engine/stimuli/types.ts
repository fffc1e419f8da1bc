/**
 * A stimulus as plain data: what the Run panel's form edits, the CLI's `--stimulus` parses into,
 * and the worker receives. Times (onset, duration, at) are in the graph's time unit, the unit of
 * dt: seconds for snnTorch / Norse / paper files (dt = 1e-4 s, say), steps for step-unit graphs
 * (dt = 1). Rates and frequencies are per that unit: Hz for seconds, per step for steps.
 */
export type StimulusKind = 'constant' | 'step' | 'ramp' | 'sine' | 'noise' | 'poisson' | 'regular' | 'pulse';

/** The numeric parameters a kind may take (./kinds.ts lists which, and their defaults). */
export type StimulusParam = 'amplitude' | 'offset' | 'rate' | 'frequency' | 'onset' | 'duration' | 'at' | 'seed';

export interface StimulusSpec extends Partial<Record<StimulusParam, number>> {
  kind: StimulusKind;
  /**
   * Flat indices into the Input (row-major over its shape) that receive the stimulus; the
   * others stay 0. Absent: every channel.
   */
  channels?: number[];
}

/** The run a stimulus is generated for: T steps of dt (graph's time unit) into an Input of this shape. */
export interface StimulusGrid {
  T: number;
  dt: number;
  inputShape: readonly number[];
}
