/**
 * Dropped arrays → an own dataset: pick the spikes, labels and test split by name
 * (./pickArrays.ts), check the shapes agree before reading any data, read the labels, then stream
 * the spikes into bits or float32 values (./spikeArray.ts), within one memory budget for both
 * splits. Progress runs 0..1 over the spikes of both splits.
 */
import { MAX_DATASET_BYTES } from '../../core/limits';
import { describeNpy } from '../formats/npy';
import { readNpyNumbers, readNpyStrings, type NpyArray } from '../formats/npyArray';
import { describeOwn } from './describe';
import { ownDataError } from './errors';
import { readLabels } from './labelsArray';
import type { OwnDataset, OwnSplit } from './ownDataset';
import { pickArrays, type ArrayPair } from './pickArrays';
import { readSpikeArray, spikeShape } from './spikeArray';

export interface ArrayLoadOptions {
  signal?: AbortSignal;
  /** 0..1 over the data; `stage` says what is being read. */
  onProgress?: (fraction: number, stage: string) => void;
  /** Most bytes the dataset may hold, both splits together (default MAX_DATASET_BYTES). */
  maxBytes?: number;
}

const pair = (p: ArrayPair) => `${p.spikes.name} ${describeNpy(p.spikes.header)} and ${p.labels.name} ${describeNpy(p.labels.header)}`;

async function readDt(array: NpyArray | undefined): Promise<number | null> {
  if (!array) return null;
  const dt = (await readNpyNumbers(array))[0];
  if (!(Number.isFinite(dt) && dt > 0)) {
    throw ownDataError('DATA_BAD_VALUES', `${array.where} says dt = ${dt}; dt is seconds per time step, a positive number.`, 'Save dt=np.float64(0.001) for 1 ms steps, or leave dt out.', array.where);
  }
  return dt;
}

export async function datasetFromArrays(arrays: readonly NpyArray[], files: { name: string; size: number }[], where: string, options: ArrayLoadOptions = {}): Promise<OwnDataset> {
  const picked = pickArrays(arrays, where);
  const trainShape = spikeShape(picked.train.spikes);
  if (picked.test) {
    const testShape = spikeShape(picked.test.spikes);
    if (testShape.T !== trainShape.T || testShape.featureShape.join(',') !== trainShape.featureShape.join(',')) {
      throw ownDataError('DATA_NOT_SPIKES', `${where}: the ${picked.test.split} spikes ${describeNpy(picked.test.spikes.header)} do not have the T and features of the training spikes ${describeNpy(picked.train.spikes.header)}.`,
        'Both splits need the same [T, F…] per sample.', where);
    }
  }
  if (picked.classNames && (picked.classNames.header.count > 256 || picked.classNames.header.dataBytes > 4 * 2 ** 20)) {
    throw ownDataError('DATA_BAD_LABELS', `${picked.classNames.where} holds ${picked.classNames.header.count} class names; a dataset has at most 256.`, 'Save one short name per class.', picked.classNames.where);
  }
  const names = picked.classNames ? await readNpyStrings(picked.classNames) : undefined;
  const trainLabels = await readLabels(picked.train.labels, trainShape.N, names);
  const testLabels = picked.test ? await readLabels(picked.test.labels, picked.test.spikes.header.shape[0], names) : undefined;
  const dt = await readDt(picked.dt);
  const maxBytes = options.maxBytes ?? MAX_DATASET_BYTES;
  const testCount = picked.test?.spikes.header.count ?? 0;
  const share = picked.train.spikes.header.count / (picked.train.spikes.header.count + testCount);
  const progress = (from: number, span: number, stage: string) => (f: number, pass: 1 | 2) =>
    options.onProgress?.(from + f * span, pass === 2 ? `${stage} (again, as float32 values: they are not all 0 or 1)` : stage);
  const trainSpikes = await readSpikeArray(picked.train.spikes, { signal: options.signal, maxBytes, onProgress: progress(0, share, `Reading ${picked.train.spikes.name}`) });
  const train: OwnSplit = { ...trainSpikes, labels: trainLabels.labels };
  let test: OwnSplit | undefined;
  if (picked.test && testLabels) {
    const used = (train.packed?.length ?? 0) + (train.values?.byteLength ?? 0);
    const testSpikes = await readSpikeArray(picked.test.spikes, { signal: options.signal, maxBytes: maxBytes - used, onProgress: progress(share, 1 - share, `Reading ${picked.test.spikes.name}`) });
    test = { ...testSpikes, labels: testLabels.labels };
  }
  const classes = testLabels && testLabels.classes.length > trainLabels.classes.length ? testLabels.classes : trainLabels.classes;
  const read = `${pair(picked.train)}${picked.test ? `; ${picked.test.split}: ${pair(picked.test)}` : ''}${picked.classNames ? `; class names from ${picked.classNames.name}` : ''}${dt ? `; dt = ${dt} s` : ''}`;
  options.onProgress?.(1, 'Read');
  return describeOwn({
    files, read, classes, dt, binning: 'as stored in the file', train, test, testName: picked.test?.split,
  });
}
