/**
 * A run's dt, in the graph's time unit, and where it came from (the CLI prints it as
 * `dt_source`). One rule for the page and the CLI (./prepareRun.ts):
 *  1. a dt the person gave (the Run panel's field, `--dt`) wins;
 *  2. a graph in time steps (Sinabs, Spyx, step-based lab graphs) runs at dt = 1;
 *  3. otherwise the graph's own dt (../nir/dtGuess.ts): its lab metadata, the dt its exporter
 *     bakes into the parameters (snnTorch: r = τ/dt at 0.1 ms), or the guess from its τ.
 * A dataset's bin width never overrides the graph's dt: the parameters are discretised for it
 * (β = 1 − dt/τ, input gain r·dt/τ), and an snnTorch file run at 5 ms bins would get β < 0. The
 * data is fed one bin per step whatever the bin's width; the source says so when the two differ.
 * The page puts the guess into the Run panel when a file opens (src/ui/files/openNir.ts), so
 * its dt is the given one of rule 1 and equals the CLI's rule 2 or 3 for the same file.
 */
import type { DtGuess } from '../nir/dtGuess';

export interface DtChoice {
  dt: number;
  source: string;
}

const ms = (seconds: number) => `${Number((seconds * 1e3).toPrecision(3))} ms`;

/** `binWidth`: the dataset's seconds per step (null when it varies or there is no dataset). */
export function runDt(guess: DtGuess, given?: number, binWidth: number | null = null): DtChoice {
  const choice: DtChoice = given !== undefined ? { dt: given, source: 'given' }
    : guess.unit === 'step' ? { dt: 1, source: 'graph in time steps' }
      : { dt: guess.dt, source: guess.exporter ? `guessed from the graph (${guess.exporter})` : 'guessed from the graph' };
  if (binWidth !== null && Math.abs(choice.dt - binWidth) > 1e-9 * binWidth) choice.source += `; one ${ms(binWidth)} dataset bin per step`;
  return choice;
}
