import { packedSteps } from '../../../src/engine/datasets/formats/bitpack';
import { cochleaEncode, DEFAULT_COCHLEA } from '../../../src/engine/datasets/encoders/cochlea';
import { readWav } from '../../../src/engine/datasets/formats/wav';
import type { SourceData } from '../sourceData';
import type { BuiltSet, BuiltSplit } from './types';

/**
 * Free Spoken Digit Dataset (600 of the 3,000 real recordings: recording index 0–4 of each
 * speaker and digit = the official test split, 5–9 = a training subset), encoded to spikes with
 * the cochlea-like filterbank and threshold encoder of encoders/cochlea.ts (DEFAULT_COCHLEA:
 * 64 ERB-spaced channels 100–3800 Hz, 5 ms steps, T = 256 → 1.28 s; longer clips are cut).
 */
export function buildFsdd(src: SourceData): BuiltSet {
  const rows = src.csv('fsdd/fsdd_index.csv');
  const options = DEFAULT_COCHLEA;
  const sampleBytes = packedSteps(options.T) * options.channels;
  const splits: BuiltSplit[] = ['train', 'test'].map((split) => {
    const mine = rows.filter((r) => r.split === split);
    const data = new Uint8Array(mine.length * sampleBytes);
    const labels = new Uint8Array(mine.length);
    mine.forEach((r, i) => {
      const wav = readWav(src.slice(`fsdd/${r.chunk_file}`, Number(r.byte_offset), Number(r.byte_length)), r.wav_name);
      cochleaEncode(wav.samples, wav.sampleRate, options, data, i * sampleBytes);
      labels[i] = Number(r.digit);
    });
    return { split, n: mine.length, data, labels };
  });
  return {
    meta: {
      id: 'fsdd', name: 'Spoken digits (FSDD, cochlea-encoded)', kind: 'spikes', T: options.T, dt: options.dt,
      binning: `cochlea encoder: unit-RMS normalisation, ${options.channels} ERB-spaced band-pass biquads ${options.fMin}–${options.fMax} Hz (Q = fc/ERB), half-wave rectification, integrate-and-fire per channel (θ = ${options.threshold}), ${options.dt * 1000} ms steps, T = ${options.T}`,
      featureShape: [options.channels], featureOrder: 'channel (low to high frequency)',
      classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      licence: 'CC BY-SA 4.0',
      attribution: 'Z. Jackson et al., Free Spoken Digit Dataset (FSDD), Zenodo; spike encoding by Spikelab (adaptation, CC BY-SA 4.0)',
      source: 'github Jakobovski/free-spoken-digit-dataset @ 26eb9aaf76e81b692f806f9140c2d2777410d7a1, recordings/*.wav, recording index 0–9 (via ../shared/data/fsdd)',
      description: 'English spoken digits by 6 speakers (8 kHz), turned into spikes like SHD was made from audio: a filterbank cochlea and threshold neurons.',
    },
    splits,
  };
}
