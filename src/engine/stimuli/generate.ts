/**
 * A stimulus for any Input shape: checked against its run (./validate.ts), then generated as the
 * time-major input [T, ...inputShape] (flat Float32Array of T·F values, F = the Input's size), the
 * layout every dataset feeds the engine. Undriven channels are 0. The formula of each kind is in
 * ./kinds.ts; units are the graph's (./types.ts).
 */
import type { TrainingData } from '../train/types';
import { drawRandom } from './random';
import type { StimulusGrid, StimulusSpec } from './types';
import { checkStimulus } from './validate';
import { waveform } from './waveforms';

export function generateStimulus(spec: StimulusSpec, grid: StimulusGrid): Float32Array {
  const s = checkStimulus(spec, grid);
  const { T, dt } = grid;
  const out = new Float32Array(T * s.F);
  if (s.kind === 'noise' || s.kind === 'poisson') {
    drawRandom({ ...s, kind: s.kind }, T, dt, out);
    return out;
  }
  const values = waveform({ ...s, kind: s.kind }, T, dt);
  for (let t = 0; t < T; t++) {
    const v = values[t];
    if (v === 0) continue;
    const row = t * s.F;
    for (const c of s.channels) out[row + c] = v;
  }
  return out;
}

/** The stimulus as a one-sample split, for the engine's simulateSample (../tensor/train/session.ts). */
export function stimulusData(spec: StimulusSpec, grid: StimulusGrid): TrainingData {
  const input = generateStimulus(spec, grid);
  return { n: 1, T: grid.T, featureShape: [...grid.inputShape], classes: 0, labels: new Uint8Array(1), batch: () => input };
}
