/**
 * IBM's DVS128 Gesture release, DvsGesture.tar.gz (DvsGesture/userXX_<lighting>.aedat recordings
 * in AEDAT 3.1, their userXX_<lighting>_labels.csv, trials_to_train.txt, trials_to_test.txt),
 * into its train and test splits, binned as the shipped clips are (./gestureSamples.ts: 128 × 128
 * × 2, tonic ToFrame(time_window = 10 ms), T = 145: a sample is the first 1.45 s of its gesture).
 * Two walks through the archive (../formats/tar.ts), neither holding it whole:
 *   1. the text files: which recordings are train and which test, and every gesture's class and
 *      time window, so both splits' sizes are known and allocated once (a .tar on disk is walked
 *      header to header, a few hundred small reads; a .tar.gz is inflated once for this);
 *   2. the recordings, one at a time: decoded (../formats/aedat3.ts), cut into its gestures
 *      (start ≤ t < end, ./dvsGestureLabels.ts), each binned into its place.
 * The split is the release's own (trials_to_train.txt: users 1–23; trials_to_test.txt: 24–29); an
 * archive without those lists is split by the user number the same way. Samples are in the lists'
 * order, then each labels file's. Every labelled gesture is a sample: 1,176 train and 288 test in
 * the release (98 and 24 recordings of 12 rows), as SpikingJelly and snnTorch count them; arm roll
 * is labelled twice (class 8, forwards and backwards), which the paper's 1,342 = 122 × 11 and
 * tonic's preprocessed copy (1,077 / 264, one file per class and recording) count once.
 */
import { dataError, throwIfAborted } from '../errors';
import { decodeAedat3 } from '../formats/aedat3';
import { DVS_GESTURE_SENSOR } from '../formats/nmnistBin';
import { timeOrdered, timeWindow } from '../formats/events';
import { tarEntries } from '../formats/tar';
import type { SpikeDataset } from '../spikeDataset';
import { parseGestureLabels, parseTrialList, trialOf, type GestureWindow } from './dvsGestureLabels';
import { yieldToLoop } from './eventFiles';
import { binGesture, gestureSplit, type GestureArchiveOptions, type OpenArchive } from './gestureSamples';

const DVS_GESTURE_RELEASE_ATTRIBUTION =
  'IBM DVS128 Gesture: Amir et al. (2017), "A Low Power, Fully Event-Based Gesture Recognition System", CVPR; from IBM\'s release DvsGesture.tar.gz (research.ibm.com/interactive/dvsgesture).';

/** How the release's samples are binned, in words. */
export const DVS_GESTURE_ARCHIVE_BINNING = 'each labelled gesture (start ≤ t < end of its labels file) binned by tonic ToFrame(sensor_size=(128,128,2), time_window=10000), counts clamped to 1, T = 145';

export type GestureSplit = 'train' | 'test';

interface Trial {
  name: string;
  split: GestureSplit;
  windows: GestureWindow[];
  /** Its first sample's index in its split. */
  first: number;
  bytes: number;
}

interface ArchiveIndex {
  recordings: Map<string, number>;
  labels: Map<string, GestureWindow[]>;
  lists: Partial<Record<GestureSplit, string[]>>;
  names: string[];
}

const TEXT_MAX_BYTES = 1 << 20;
const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;
/** A file to read: a regular entry, not macOS's AppleDouble "._" companion. */
const isFile = (entry: { kind: string; name: string }) => entry.kind === 'file' && !baseName(entry.name).startsWith('._');
const isRecording = (name: string) => /\.aedat$/i.test(name);

function badArchive(what: string, where: string): never {
  throw dataError('DATA_BAD_ARCHIVE', `${where} is not a complete DVS Gesture release: ${what}.`, 'Download DvsGesture.tar.gz again (IBM\'s release holds 122 recordings, each with its _labels.csv).', where);
}

/** Walk 1: the recordings' names and sizes, the labels files and the trial lists. */
async function indexArchive(open: OpenArchive, where: string, signal: AbortSignal | undefined): Promise<ArchiveIndex> {
  const index: ArchiveIndex = { recordings: new Map(), labels: new Map(), lists: {}, names: [] };
  const text = async (entry: { read(max: number): Promise<Uint8Array> }) => new TextDecoder().decode(await entry.read(TEXT_MAX_BYTES));
  for await (const entry of tarEntries(open(), where)) {
    throwIfAborted(signal, where);
    if (!isFile(entry)) continue;
    index.names.push(entry.name);
    const list = /^trials_to_(train|test)\.txt$/i.exec(baseName(entry.name));
    if (isRecording(entry.name)) index.recordings.set(trialOf(entry.name), entry.size);
    else if (/_labels\.csv$/i.test(entry.name)) index.labels.set(trialOf(entry.name), parseGestureLabels(await text(entry), `${where}: ${entry.name}`));
    else if (list) index.lists[list[1].toLowerCase() as GestureSplit] = parseTrialList(await text(entry));
  }
  return index;
}

/** The recordings of each split, in order: from the trial lists, else by user number (1–23 train). */
function trialsOf(index: ArchiveIndex, where: string): Trial[] {
  const { train, test } = index.lists;
  const byUser = (split: GestureSplit) => [...index.recordings.keys()].sort().filter((name) => {
    const user = /^user(\d+)_/i.exec(name);
    return user !== null && (Number(user[1]) <= 23) === (split === 'train');
  });
  const listed = train || test ? { train: train ?? [], test: test ?? [] } : { train: byUser('train'), test: byUser('test') };
  const counts: Record<GestureSplit, number> = { train: 0, test: 0 };
  return (['train', 'test'] as const).flatMap((split) => listed[split].map((name): Trial => {
    const bytes = index.recordings.get(name);
    const windows = index.labels.get(name);
    const from = train || test ? ` (listed in trials_to_${split}.txt)` : '';
    if (bytes === undefined) badArchive(`${name}.aedat${from} is not in it`, where);
    if (windows === undefined) badArchive(`${name}_labels.csv${from} is not in it`, where);
    const trial = { name, split, windows, first: counts[split], bytes };
    counts[split] += windows.length;
    return trial;
  }));
}

/** Reads the release into its train and test splits (either may be empty: n = 0). */
export async function loadDvsGestureArchive(open: OpenArchive, where: string, options: GestureArchiveOptions = {}): Promise<Record<GestureSplit, SpikeDataset>> {
  const { signal } = options;
  options.onProgress?.(0, `Reading the labels in ${where}`);
  const index = await indexArchive(open, where, signal);
  if (index.recordings.size === 0) {
    throw dataError('DATA_UNSUPPORTED_FILE', `${where} is a tar archive without DVS Gesture recordings (.aedat); it holds ${index.names.slice(0, 4).join(', ') || 'no files'}${index.names.length > 4 ? ', …' : ''}.`,
      'The lab reads tar archives of IBM\'s DVS Gesture release (DvsGesture.tar.gz); unpack other archives and drop the files inside.', where);
  }
  const trials = trialsOf(index, where);
  const splitOf = (split: GestureSplit) => gestureSplit(split, trials.filter((t) => t.split === split).reduce((a, t) => a + t.windows.length, 0), DVS_GESTURE_RELEASE_ATTRIBUTION, where, options.maxBytes);
  const splits: Record<GestureSplit, SpikeDataset> = { train: splitOf('train'), test: splitOf('test') };
  const pending = new Map(trials.map((t) => [t.name, t]));
  const totalBytes = trials.reduce((a, t) => a + t.bytes, 0);
  let doneBytes = 0;
  for await (const entry of tarEntries(open(), where)) {
    const trial = isFile(entry) && isRecording(entry.name) ? pending.get(trialOf(entry.name)) : undefined;
    if (!trial) continue;
    throwIfAborted(signal, entry.name);
    const events = timeOrdered(decodeAedat3(await entry.read(), DVS_GESTURE_SENSOR, `${where}: ${entry.name}`));
    trial.windows.forEach((w, k) => binGesture(timeWindow(events, w.startUs, w.endUs), splits[trial.split], trial.first + k, w.label));
    pending.delete(trial.name);
    doneBytes += trial.bytes;
    options.onProgress?.(doneBytes / totalBytes, `Binning DVS Gesture: ${(trials.length - pending.size).toLocaleString('en')} / ${trials.length.toLocaleString('en')} recordings`);
    await yieldToLoop();
    if (pending.size === 0) break;
  }
  if (pending.size > 0) badArchive(`${[...pending.keys()][0]}.aedat went missing between two reads of it`, where);
  throwIfAborted(signal, where);
  return splits;
}
