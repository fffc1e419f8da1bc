/**
 * A tar archive dropped on the page or fetched from the web → an own dataset: IBM's DVS Gesture
 * release (../loaders/dvsGestureArchive.ts) with its train and test splits, or one split of
 * tonic's preprocessed copy (../loaders/dvsGestureTonic.ts), told apart by the first recording in
 * it (.aedat, or userXX_<lighting>/<label>.npy); either as a .tar or a .tar.gz. A .tar is walked
 * through the file (what is skipped is never read); a .tar.gz is inflated as it is read
 * (DecompressionStream), once per walk, never whole.
 */
import { formatBytes } from '../../core/limits';
import { dataError } from '../errors';
import type { ByteSource } from '../formats/byteSource';
import { sourceBytes, streamBytes } from '../formats/orderedBytes';
import { tarEntries } from '../formats/tar';
import { DVS_GESTURE_ARCHIVE_BINNING, loadDvsGestureArchive } from '../loaders/dvsGestureArchive';
import { DVS_GESTURE_TONIC_BINNING, isTonicGestureSample, loadDvsGestureTonic } from '../loaders/dvsGestureTonic';
import type { GestureArchiveOptions, OpenArchive } from '../loaders/gestureSamples';
import { describeOwn } from './describe';
import { ownDataError } from './errors';
import { ownSplitOf, type OwnDataset } from './ownDataset';

/** The archive from its start: the file itself, or its gzip stream inflating. */
function opener(source: ByteSource, gzipped: boolean): OpenArchive {
  if (!gzipped) return () => sourceBytes(source);
  const inflated = () => source.stream(0, source.size).pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
  return () => streamBytes(inflated(), (error, position) => dataError('DATA_BAD_GZIP',
    `${source.name} stops decompressing after ${formatBytes(position)} of its tar archive (${error instanceof Error ? error.message : String(error)}).`,
    'The file is damaged or was cut short: download or copy it again.', source.name));
}

/** Which reader the archive is for: the one of its first recording (the release's reader says what else it holds). */
async function archiveKind(open: OpenArchive, where: string): Promise<'release' | 'tonic'> {
  for await (const entry of tarEntries(open(), where)) {
    if (entry.kind !== 'file') continue;
    if (/\.aedat$/i.test(entry.name)) return 'release';
    if (isTonicGestureSample(entry.name)) return 'tonic';
  }
  return 'release';
}

/** Reads a DVS Gesture archive into an own dataset (its train split, and test where it has one). */
export async function datasetFromTar(source: ByteSource, gzipped: boolean, options: GestureArchiveOptions = {}): Promise<OwnDataset> {
  const open = opener(source, gzipped);
  const files = [{ name: source.name, size: source.size }];
  if ((await archiveKind(open, source.name)) === 'tonic') {
    const split = await loadDvsGestureTonic(open, source.name, options);
    return describeOwn({
      files, read: `tonic's DVS Gesture (${split.split}): ${split.n.toLocaleString('en')} gestures, ${DVS_GESTURE_TONIC_BINNING}`,
      classes: split.classes, dt: split.dt, binning: DVS_GESTURE_TONIC_BINNING, licence: split.licence, attribution: split.attribution, train: ownSplitOf(split),
    });
  }
  const { train, test } = await loadDvsGestureArchive(open, source.name, options);
  if (train.n === 0) {
    throw ownDataError('DATA_NOT_SPIKES', `${source.name} holds no labelled training gestures (the recordings of trials_to_train.txt, users 1–23).`,
      'Download the whole release again: its training recordings are what a network learns from.', source.name);
  }
  return describeOwn({
    files,
    read: `IBM's DVS Gesture release: ${train.n.toLocaleString('en')} train and ${test.n.toLocaleString('en')} test gestures, ${DVS_GESTURE_ARCHIVE_BINNING}`,
    classes: train.classes, dt: train.dt, binning: DVS_GESTURE_ARCHIVE_BINNING, licence: train.licence, attribution: train.attribution,
    train: ownSplitOf(train), test: test.n > 0 ? ownSplitOf(test) : undefined,
  });
}
