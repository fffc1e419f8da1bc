/**
 * tonic's preprocessed copy of DVS Gesture (tonic.datasets.DVSGesture; figshare
 * ibmGestureTrain.tar.gz and ibmGestureTest.tar.gz, one archive a split): the release's gestures
 * already cut from their recordings, one file per class and recording,
 *   ibmGestureTrain/userXX_<lighting>/<label>.npy   an [N, 4] array of x, y, p, t, t in ms
 * (tonic reads it as `events[:, 3] *= 1000`, then casts to int16 x, y, bool p, int64 t µs);
 * the label 0..10 is the file's name. Binned as the release (./gestureSamples.ts), so both give
 * samples of one shape. Two walks through the archive (../formats/tar.ts): one counts the arrays,
 * so the split is allocated once; one bins them, in the archive's order.
 */
import { dataError, throwIfAborted } from '../errors';
import { bytesSource } from '../formats/byteSource';
import { timeOrdered, type EventStream } from '../formats/events';
import { DVS_GESTURE_SENSOR } from '../formats/nmnistBin';
import { describeNpy } from '../formats/npy';
import { openNpy, readNpyNumbers } from '../formats/npyArray';
import { tarEntries } from '../formats/tar';
import type { SpikeDataset } from '../spikeDataset';
import { DVS_GESTURE_CLASSES } from './dvsGesture';
import { yieldToLoop } from './eventFiles';
import { binGesture, gestureSplit, type GestureArchiveOptions, type OpenArchive } from './gestureSamples';

const DVS_GESTURE_TONIC_ATTRIBUTION =
  'IBM DVS128 Gesture: Amir et al. (2017), "A Low Power, Fully Event-Based Gesture Recognition System", CVPR; as preprocessed by tonic (Lenz et al., doi:10.5281/zenodo.5079802), timestamps in ms.';

/** How tonic's gestures are binned, in words. */
export const DVS_GESTURE_TONIC_BINNING = 'each gesture array (t in ms) binned by tonic ToFrame(sensor_size=(128,128,2), time_window=10000), counts clamped to 1, T = 145';

/** userXX_<lighting>/<label>.npy, anywhere in the archive. */
const SAMPLE = /(^|\/)user\d+_[^/]+\/(\d+)\.npy$/i;
const TOP_SPLIT = /^(?:\.\/)?ibmGesture(Train|Test)/i;

/** Whether an archive entry's path is one of tonic's gesture arrays. */
export const isTonicGestureSample = (name: string) => SAMPLE.test(name);

/** One array's events: columns x, y, p, t (ms → µs), in either memory order. */
async function eventsOf(bytes: Uint8Array, where: string): Promise<EventStream> {
  const array = await openNpy(bytesSource(bytes, where));
  const { shape, fortranOrder } = array.header;
  if (shape.length !== 2 || shape[1] !== 4) {
    throw dataError('DATA_BAD_ARCHIVE', `${where} is ${describeNpy(array.header)}, not tonic's [N, 4] events (x, y, p, t).`, 'Download tonic\'s DVS Gesture archive again.', where);
  }
  const values = await readNpyNumbers(array);
  const n = shape[0];
  const at = (i: number, column: number) => values[fortranOrder ? column * n + i : i * 4 + column];
  const events: EventStream = { x: new Uint16Array(n), y: new Uint16Array(n), p: new Uint8Array(n), t: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const x = at(i, 0);
    const y = at(i, 1);
    if (!(x >= 0 && x < DVS_GESTURE_SENSOR.width && y >= 0 && y < DVS_GESTURE_SENSOR.height)) {
      throw dataError('DATA_EVENT_OUT_OF_RANGE', `Event ${i} of ${where} is at (x=${x}, y=${y}), outside the 128×128 sensor of DVS Gesture.`, 'Check that the archive is tonic\'s DVS Gesture.', where);
    }
    events.x[i] = x;
    events.y[i] = y;
    events.p[i] = at(i, 2) !== 0 ? 1 : 0;
    events.t[i] = at(i, 3) * 1000;
  }
  return timeOrdered(events);
}

/** Reads one of tonic's archives into its split ("train" for ibmGestureTrain, "test" for ibmGestureTest). */
export async function loadDvsGestureTonic(open: OpenArchive, where: string, options: GestureArchiveOptions = {}): Promise<SpikeDataset> {
  const { signal } = options;
  options.onProgress?.(0, `Counting the gestures in ${where}`);
  let n = 0;
  let split = 'train';
  for await (const entry of tarEntries(open(), where)) {
    throwIfAborted(signal, where);
    if (entry.kind !== 'file' || !SAMPLE.test(entry.name)) continue;
    if (n === 0) split = TOP_SPLIT.exec(entry.name)?.[1].toLowerCase() ?? 'train';
    n++;
  }
  const dataset = gestureSplit(split, n, DVS_GESTURE_TONIC_ATTRIBUTION, where, options.maxBytes);
  let i = 0;
  for await (const entry of tarEntries(open(), where)) {
    const label = entry.kind === 'file' ? SAMPLE.exec(entry.name)?.[2] : undefined;
    if (label === undefined) continue;
    throwIfAborted(signal, entry.name);
    if (Number(label) >= DVS_GESTURE_CLASSES.length) {
      throw dataError('DATA_BAD_ARCHIVE', `${where}: ${entry.name} is named for class ${label}; tonic's DVS Gesture names its arrays 0 to ${DVS_GESTURE_CLASSES.length - 1}.`, 'Download tonic\'s DVS Gesture archive again.', where);
    }
    binGesture(await eventsOf(await entry.read(), `${where}: ${entry.name}`), dataset, i, Number(label));
    i++;
    options.onProgress?.(i / n, `Binning DVS Gesture: ${i.toLocaleString('en')} / ${n.toLocaleString('en')} gestures`);
    if (i === n) break;
    if (i % 16 === 0) await yieldToLoop();
  }
  if (i < n) throw dataError('DATA_BAD_ARCHIVE', `${where} held ${n} gesture arrays on the first read and ${i} on the second.`, 'The file changed while it was read: drop or fetch it again.', where);
  throwIfAborted(signal, where);
  return dataset;
}
