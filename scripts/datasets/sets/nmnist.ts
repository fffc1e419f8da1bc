import { binEventsToPackedFrames, type FrameBinning } from '../../../src/engine/datasets/binning/toFrame';
import { packedSteps } from '../../../src/engine/datasets/formats/bitpack';
import { decodeNmnistBin, NMNIST_SENSOR } from '../../../src/engine/datasets/formats/nmnistBin';
import { NMNIST_ATTRIBUTION, NMNIST_CLASSES, NMNIST_LICENCE } from '../../../src/engine/datasets/loaders/nmnist';
import type { SourceData } from '../sourceData';
import type { BuiltSet, BuiltSplit } from './types';

/**
 * N-MNIST, the 1,000 + 100 real recordings of slayerPytorch's NMNISTsmall, binned two ways:
 *  - "nmnist": tonic ToFrame(time_window = 1 ms), the binning of the NIR paper's CNN
 *    (neuromorphs/NIR paper/02_cnn: sinabs.py and cnn_numbers.ipynb use
 *    `ToFrame(sensor_size, time_window=1e3)`), kept whole: the longest recording here gives 313
 *    slices, so T = 320 with zero padding (as tonic's PadTensors pads a batch).
 *  - "nmnist40": tonic ToFrame(n_time_bins = 40) over all saccades (Spyx's NMNIST default).
 *  - "nmnist64": the same with n_time_bins = 64, the input of bench.md §3 (workload B).
 * Counts become 0/1 when packed (np.packbits semantics). ids = original sample number (1..1000,
 * 60001..60100 as in slayerPytorch; MNIST index = id − 1 or id − 60001).
 */
const SOURCE = 'github bamsumit/slayerPytorch @ 01beeeb6a181546d6c6830382ce6086bfc587836, test/test_files/NMNISTsmall (via ../shared/data/nmnist)';

function buildSplits(src: SourceData, binning: FrameBinning, T: number): BuiltSplit[] {
  const rows = src.csv('nmnist/nmnist_small_index.csv');
  const F = 2 * 34 * 34;
  const sampleBytes = packedSteps(T) * F;
  return ['train', 'test'].map((split) => {
    const mine = rows.filter((r) => r.split === split);
    const data = new Uint8Array(mine.length * sampleBytes);
    const labels = new Uint8Array(mine.length);
    const ids = new Uint32Array(mine.length);
    mine.forEach((r, i) => {
      const events = decodeNmnistBin(src.slice(`nmnist/${r.chunk_file}`, Number(r.byte_offset), Number(r.byte_length)), NMNIST_SENSOR, r.sample_id);
      binEventsToPackedFrames(events, NMNIST_SENSOR, binning, data, i * sampleBytes);
      labels[i] = Number(r.label);
      ids[i] = Number(r.sample_id);
    });
    return { split, n: mine.length, data, labels, ids };
  });
}

const common = {
  kind: 'spikes' as const, featureShape: [2, 34, 34], featureOrder: 'p,y,x', classes: NMNIST_CLASSES,
  licence: NMNIST_LICENCE, attribution: NMNIST_ATTRIBUTION, source: SOURCE,
};

export function buildNmnist1ms(src: SourceData, splits: string[]): BuiltSet {
  const T = 320;
  return {
    meta: {
      ...common, id: 'nmnist', name: 'N-MNIST (1 ms bins)', T, dt: 0.001,
      binning: 'tonic.transforms.ToFrame(sensor_size=(34,34,2), time_window=1000) over the whole recording, zero-padded to T=320, counts clamped to 1',
      description: 'Real N-MNIST saccade recordings (ATIS camera), 1 ms frames: the input of the NIR paper CNN (2×34×34).',
      intendedFor: ['neuromorphs/NIR paper/02_cnn/cnn_sinabs.nir (../shared/fixtures/nir/upstream/nir_02_cnn__cnn_sinabs.nir)'],
    },
    splits: buildSplits(src, { timeWindowUs: 1000, T }, T).filter((s) => splits.includes(s.split)),
  };
}

/** What differs between the n_time_bins sets: Spyx's default (40) and bench.md §3's workload B (64). */
const BINNED: Record<number, { name: string; description: string; usedBy: string }> = {
  40: { name: 'N-MNIST (40 bins, Spyx)', usedBy: '(Spyx NMNIST_loader)', description: 'Real N-MNIST recordings, 40 time bins per recording (each ≈ 7.6 ms, set by the recording length), as Spyx trains them.' },
  64: { name: 'N-MNIST (64 bins, bench workload B)', usedBy: '(../shared/specs/bench.md §3, workload B)', description: 'Real N-MNIST recordings, 64 time bins per recording (each ≈ 4.8 ms, set by the recording length): the input of benchmark workload B (NMNIST-CSNN).' },
};

/** tonic ToFrame(n_time_bins = T) over all saccades: "nmnist40" (Spyx) or "nmnist64" (bench workload B). */
export function buildNmnistBins(src: SourceData, T: 40 | 64): BuiltSet {
  const { name, description, usedBy } = BINNED[T];
  return {
    meta: {
      ...common, id: `nmnist${T}`, name, T, dt: null,
      binning: `tonic.transforms.ToFrame(sensor_size=(34,34,2), n_time_bins=${T}), all saccades, then np.packbits(axis=0) ${usedBy}`,
      description,
    },
    splits: buildSplits(src, { nTimeBins: T }, T),
  };
}
