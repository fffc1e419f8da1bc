/**
 * DVS Gesture samples as both archive readers make them (IBM's release, ./dvsGestureArchive.ts;
 * tonic's preprocessed copy, ./dvsGestureTonic.ts), in the shape of the shipped clips
 * (./dvsGesture.ts): 128 × 128 × 2, tonic ToFrame(time_window = 10 ms) from a gesture's first
 * event, counts clamped to 1, T = 145 (its first 1.45 s), packed [n, 19, 32768]. A split is
 * allocated once, its size known before any recording is read.
 */
import { MAX_DATASET_BYTES, tooManyBytes } from '../../core/limits';
import { binEventsToPackedFrames, framesT } from '../binning/toFrame';
import { packedSteps } from '../formats/bitpack';
import type { EventStream } from '../formats/events';
import type { OrderedBytes } from '../formats/orderedBytes';
import type { SpikeDataset } from '../spikeDataset';
import { DVS_GESTURE_FORMAT } from './dvsGesture';

/** The archive read from its start (a .tar through the file, a .tar.gz inflating); called once per walk. */
export type OpenArchive = () => OrderedBytes;

/** What both archive readers take. */
export interface GestureArchiveOptions {
  signal?: AbortSignal;
  /** 0..1 and what is being done, in words. */
  onProgress?: (fraction: number, stage: string) => void;
  /** Most bytes one split may hold binned (default MAX_DATASET_BYTES). */
  maxBytes?: number;
}

const FORMAT = DVS_GESTURE_FORMAT;
const T = framesT(FORMAT.defaultBinning);
const SAMPLE_BYTES = packedSteps(T) * FORMAT.sensor.polarities * FORMAT.sensor.height * FORMAT.sensor.width;

/** A split of `n` gestures, all zero, to be filled by `binGesture`; over `maxBytes` is DATA_TOO_LARGE. */
export function gestureSplit(split: string, n: number, attribution: string, where: string, maxBytes = MAX_DATASET_BYTES): SpikeDataset {
  if (n * SAMPLE_BYTES > maxBytes) throw tooManyBytes('DATA_TOO_LARGE', `Binning the ${n.toLocaleString('en')} ${split} gestures of DVS Gesture to T = ${T}`, n * SAMPLE_BYTES, maxBytes, where);
  return {
    id: `dvs-gesture-${split}`, name: 'DVS Gesture', split, n, T, dt: 'timeWindowUs' in FORMAT.defaultBinning ? FORMAT.defaultBinning.timeWindowUs * 1e-6 : null,
    featureShape: [FORMAT.sensor.polarities, FORMAT.sensor.height, FORMAT.sensor.width], packed: new Uint8Array(n * SAMPLE_BYTES), labels: new Uint8Array(n),
    classes: FORMAT.classes, licence: FORMAT.licence, attribution,
  };
}

/** Bins one gesture's events (in time order) into sample `index` of `split`, labelled `label` (0-based). */
export function binGesture(events: EventStream, split: SpikeDataset, index: number, label: number): void {
  binEventsToPackedFrames(events, FORMAT.sensor, FORMAT.defaultBinning, split.packed, index * SAMPLE_BYTES);
  split.labels[index] = label;
}
