import { packedSteps } from '../../../src/engine/datasets/formats/bitpack';
import { sigmaDeltaEncode, type SigmaDeltaOptions } from '../../../src/engine/datasets/encoders/sigmaDelta';
import type { SourceData } from '../sourceData';
import type { BuiltSet, BuiltSplit } from './types';

/**
 * Tactile Braille letters (12 taxels, 27 classes × 50 repetitions), spike-encoded with the
 * sigma-delta encoder of encoders/sigmaDelta.ts on the pressure p = 255 − raw (raw 255 = no
 * contact), upsampled 5× by linear interpolation (the Braille paper's sensor runs at 40 Hz, so a
 * step is ≈ 5 ms, the NIR paper's Braille Δt), threshold θ = BRAILLE_THRESHOLD raw units.
 * Recordings have 76–77 samples → (n − 1)·5 + 1 ≤ 381 steps, zero-padded to T = 384.
 * Split: repetitions 0–39 train, 40–49 test (every letter in both).
 */
export const BRAILLE_SIGMA_DELTA: SigmaDeltaOptions = { threshold: 1, upsample: 5 };
const T = 384;
const TAXELS = 12;
export const BRAILLE_CLASSES = ['Space', ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('')];

export function buildBraille(src: SourceData): BuiltSet {
  const rows = src.csv('braille/braille_index.csv');
  const taxels = src.bytes('braille/braille_taxels_u8.bin.gz');
  const F = 2 * TAXELS;
  const sampleBytes = packedSteps(T) * F;
  const splits: BuiltSplit[] = (['train', 'test'] as const).map((split) => {
    const mine = rows.filter((r) => (Number(r.repetition) < 40) === (split === 'train'));
    const data = new Uint8Array(mine.length * sampleBytes);
    const labels = new Uint8Array(mine.length);
    const ids = new Uint32Array(mine.length);
    mine.forEach((r, i) => {
      const steps = Number(r.n_steps);
      const start = Number(r.row_offset) * TAXELS;
      const signal = Float32Array.from(taxels.subarray(start, start + steps * TAXELS), (v) => 255 - v);
      sigmaDeltaEncode(signal, steps, TAXELS, BRAILLE_SIGMA_DELTA, T, data, i * sampleBytes);
      labels[i] = Number(r.label);
      ids[i] = Number(r.sample);
    });
    return { split, n: mine.length, data, labels, ids };
  });
  return {
    meta: {
      id: 'braille', name: 'Braille letters (tactile)', kind: 'spikes', T, dt: 0.005,
      binning: `sigma-delta encoder (θ = ${BRAILLE_SIGMA_DELTA.threshold} raw units on pressure 255 − raw, ${BRAILLE_SIGMA_DELTA.upsample}× linear upsampling of the 40 Hz taxel signal, ≈ 5 ms steps), ON/OFF channels, zero-padded to T = ${T}`,
      featureShape: [2, TAXELS], featureOrder: 'p,taxel (p = 0 ON/rise, 1 OFF/fall)', classes: BRAILLE_CLASSES,
      licence: 'CC BY 4.0',
      attribution: 'Müller-Cleve et al. (2022), "Braille letter reading: a benchmark for spatio-temporal pattern recognition on neuromorphic hardware", Front. Neurosci.; data via F. Zenke, SpyTorch (CC BY 4.0); original Zenodo doi:10.5281/zenodo.6556273',
      source: 'github fzenke/spytorch @ d363dbf93a04bf97b4819f1a41579bbbec17b1d2, notebooks/data/tutorial5_braille_spiking_data.pkl.gz (via ../shared/data/braille)',
      description: 'A fingertip with 12 capacitive taxels slides over 3D-printed Braille letters (Space, A–Z); pressure changes encoded as ON/OFF spikes.',
    },
    splits,
  };
}
