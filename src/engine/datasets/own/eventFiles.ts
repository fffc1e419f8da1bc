/**
 * Dropped event recordings (N-MNIST `.bin`, DVS Gesture `.bs2`/clips): many files, one at a time,
 * from a dropped folder, a multi-file drop or a zip archive of the folders (read entry by entry
 * from the archive, never unpacked whole). Binned by the engine's loaders (../loaders/nmnist.ts,
 * ../loaders/dvsGesture.ts) in batches, into one packed block allocated once. The label comes from
 * the folder (`Train/7/00012.bin`) or, for DVS Gesture, the file name; files under a `Test/` folder
 * become the test split. Files with no label are refused, naming a few.
 */
import { MAX_DATASET_BYTES, tooManyBytes } from '../../core/limits';
import { throwIfAborted } from '../errors';
import { framesT } from '../binning/toFrame';
import { packedSteps } from '../formats/bitpack';
import { loadEventFiles, type EventFile, type EventFormat } from '../loaders/eventFiles';
import { DVS_GESTURE_FORMAT } from '../loaders/dvsGesture';
import { NMNIST_FORMAT } from '../loaders/nmnist';
import type { SpikeDataset } from '../spikeDataset';
import { describeOwn } from './describe';
import { ownDataError } from './errors';
import { ownSplitOf, type OwnDataset } from './ownDataset';

/** One recording, read when its batch comes. */
export interface EventEntry {
  /** Path (inside the archive or the dropped folder). */
  name: string;
  read(): Promise<Uint8Array>;
}

export interface EventEntriesOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number, stage: string) => void;
  maxBytes?: number;
}

const BATCH = 256;

/** DVS Gesture for .bs2 files or names like dvsgesture_clip04.bin; N-MNIST otherwise. */
export function eventFormatOf(names: readonly string[]): EventFormat {
  return names.every((n) => /\.bs2(\.gz)?$/i.test(n) || /dvs.?gesture/i.test(n)) ? DVS_GESTURE_FORMAT : NMNIST_FORMAT;
}

const isTest = (name: string) => /(^|[\\/])test(ing)?[\\/]/i.test(name);

async function binSplit(entries: EventEntry[], format: EventFormat, options: EventEntriesOptions, from: number, span: number, stage: string): Promise<SpikeDataset> {
  const T = framesT(format.defaultBinning);
  const F = format.sensor.polarities * format.sensor.height * format.sensor.width;
  const sampleBytes = packedSteps(T) * F;
  const maxBytes = options.maxBytes ?? MAX_DATASET_BYTES;
  if (entries.length * sampleBytes > maxBytes) throw tooManyBytes('DATA_TOO_LARGE', `Binning ${entries.length} ${format.name} recordings to T = ${T}`, entries.length * sampleBytes, maxBytes);
  const packed = new Uint8Array(entries.length * sampleBytes);
  const labels = new Uint8Array(entries.length);
  let last: SpikeDataset | null = null;
  for (let start = 0; start < entries.length; start += BATCH) {
    throwIfAborted(options.signal, entries[start].name);
    const batch = entries.slice(start, start + BATCH);
    const files: EventFile[] = [];
    for (const entry of batch) files.push({ name: entry.name, bytes: await entry.read() });
    const { dataset, unlabelled } = await loadEventFiles(files, format, { signal: options.signal });
    if (unlabelled.length > 0) {
      throw ownDataError('DATA_NOT_SPIKES', `${unlabelled.length} ${format.name} recording${unlabelled.length === 1 ? ' has' : 's have'} no label (${unlabelled.slice(0, 3).join(', ')}${unlabelled.length > 3 ? ', …' : ''}).`,
        format === NMNIST_FORMAT ? 'N-MNIST labels come from the folder: drop the Train/ and Test/ folders (Train/7/00012.bin), or a zip of them.' : 'DVS Gesture labels come from the file name (dvsgesture_clip04.bin, 4.bs2).', unlabelled[0]);
    }
    packed.set(dataset.packed, start * sampleBytes);
    labels.set(dataset.labels, start);
    last = dataset;
    options.onProgress?.(from + span * ((start + batch.length) / entries.length), `${stage}: ${(start + batch.length).toLocaleString('en')} / ${entries.length.toLocaleString('en')} recordings`);
  }
  return { ...last!, n: entries.length, packed, labels };
}

/** The recordings as a dataset (test split from a Test/ folder), described after `files`. */
export async function datasetFromEvents(entries: EventEntry[], files: { name: string; size: number }[], options: EventEntriesOptions = {}): Promise<OwnDataset> {
  if (entries.length === 0) throw ownDataError('DATA_UNSUPPORTED_FILE', 'There are no event recordings (.bin, .bs2) among the dropped files.', 'Drop N-MNIST .bin files, their folders, or a zip of the folders.');
  const format = eventFormatOf(entries.map((e) => e.name));
  const trainEntries = entries.filter((e) => !isTest(e.name));
  const testEntries = entries.filter((e) => isTest(e.name));
  const [first, second] = trainEntries.length > 0 ? [trainEntries, testEntries] : [testEntries, []];
  const share = first.length / entries.length;
  const train = await binSplit(first, format, options, 0, share, `Binning ${format.name}`);
  const test = second.length > 0 ? await binSplit(second, format, options, share, 1 - share, `Binning ${format.name} (test)`) : undefined;
  const binning = 'nTimeBins' in format.defaultBinning
    ? `tonic ToFrame(n_time_bins=${format.defaultBinning.nTimeBins}) over each recording`
    : `tonic ToFrame(time_window=${format.defaultBinning.timeWindowUs} µs), T = ${format.defaultBinning.T}`;
  return describeOwn({
    files, read: `${entries.length.toLocaleString('en')} ${format.name} recordings (${train.n.toLocaleString('en')} train${test ? `, ${test.n.toLocaleString('en')} test` : ''}), ${binning}`,
    classes: format.classes, dt: train.dt, binning, licence: format.licence, attribution: format.attribution,
    train: ownSplitOf(train), test: test ? ownSplitOf(test) : undefined,
  });
}
