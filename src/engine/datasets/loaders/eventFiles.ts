import { MAX_DATASET_BYTES, MAX_INFLATED_BYTES, tooManyBytes } from '../../core/limits';
import { dataError, throwIfAborted } from '../errors';
import { binEventsToPackedFrames, framesT, type FrameBinning } from '../binning/toFrame';
import { packedSteps } from '../formats/bitpack';
import { eventsBefore, type EventStream, type SensorSize } from '../formats/events';
import { maybeGunzip, streamGunzip, type GunzipCodec } from '../formats/gzip';
import { decodeNmnistBin } from '../formats/nmnistBin';
import type { SpikeDataset } from '../spikeDataset';

/**
 * Shared path for dropped 40-bit event files (N-MNIST .bin, SLAYER .bs2, the DVS Gesture clips):
 * gunzip if needed → decode → optional time cut → optional spatial downsampling (tonic
 * `Downsample(spatial_factor=1/k)`: x ← ⌊x/k⌋, y ← ⌊y/k⌋) → tonic ToFrame binning → packed.
 * Files are processed one at a time; progress is reported and the AbortSignal checked after each.
 */
export interface EventFile {
  /** Path or name; a parent folder named by a class index gives the label (Train/3/00001.bin). */
  name: string;
  bytes: Uint8Array;
  /** Explicit label (class index), overriding what the name says. */
  label?: number;
}

export interface EventLoadOptions {
  binning?: FrameBinning;
  /** Keep only events with t < this many µs (N-MNIST first saccade: 1e5). */
  tEndUs?: number;
  /** Integer spatial pooling factor k (1 = full resolution). */
  spatialPool?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  codec?: GunzipCodec;
  /** Most bytes one gzipped file may inflate to (default MAX_INFLATED_BYTES). */
  maxInflatedBytes?: number;
  /** Most bytes the binned dataset may occupy (default MAX_DATASET_BYTES). */
  maxDatasetBytes?: number;
  id?: string;
  split?: string;
}

export interface EventLoadResult {
  dataset: SpikeDataset;
  /** Files whose label could not be found (they were given label 0). */
  unlabelled: string[];
}

export interface EventFormat {
  sensor: SensorSize;
  classes: string[];
  name: string;
  licence: string;
  attribution: string;
  defaultBinning: FrameBinning;
  labelFromName(name: string): number | undefined;
}

function pool(events: EventStream, k: number): EventStream {
  if (k === 1) return events;
  return { ...events, x: events.x.map((v) => Math.floor(v / k)), y: events.y.map((v) => Math.floor(v / k)) };
}

/** Lets the event loop run (messages, a cancel) between pieces of long work. */
export const yieldToLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function loadEventFiles(files: EventFile[], format: EventFormat, options: EventLoadOptions = {}): Promise<EventLoadResult> {
  if (files.length === 0) {
    throw dataError('DATA_BAD_OPTIONS', 'No event files were given.', `Drop one or more ${format.name} files.`);
  }
  const binning = options.binning ?? format.defaultBinning;
  const T = framesT(binning);
  const k = options.spatialPool ?? 1;
  if (!Number.isInteger(T) || T < 1 || !Number.isInteger(k) || k < 1) {
    throw dataError('DATA_BAD_OPTIONS', `T = ${T} and spatial pooling ${k} must be positive whole numbers.`, 'Choose e.g. T = 40 and pooling 1.');
  }
  const sensor: SensorSize = { width: Math.ceil(format.sensor.width / k), height: Math.ceil(format.sensor.height / k), polarities: format.sensor.polarities };
  const F = sensor.polarities * sensor.height * sensor.width;
  const sampleBytes = packedSteps(T) * F;
  const maxDataset = options.maxDatasetBytes ?? MAX_DATASET_BYTES;
  if (files.length * sampleBytes > maxDataset) throw tooManyBytes('DATA_TOO_LARGE', `Binning ${files.length} ${format.name} files to T = ${T}`, files.length * sampleBytes, maxDataset);
  const packed = new Uint8Array(files.length * sampleBytes);
  const labels = new Uint8Array(files.length);
  const unlabelled: string[] = [];
  for (let i = 0; i < files.length; i++) {
    throwIfAborted(options.signal, files[i].name);
    const raw = await maybeGunzip(files[i].bytes, options.codec ?? streamGunzip, files[i].name, options.maxInflatedBytes ?? MAX_INFLATED_BYTES);
    let events = decodeNmnistBin(raw, format.sensor, files[i].name);
    if (options.tEndUs !== undefined) events = eventsBefore(events, options.tEndUs);
    binEventsToPackedFrames(pool(events, k), sensor, binning, packed, i * sampleBytes);
    const label = files[i].label ?? format.labelFromName(files[i].name);
    if (label === undefined) unlabelled.push(files[i].name);
    else if (!(Number.isInteger(label) && label >= 0 && label < format.classes.length)) {
      throw dataError('DATA_BAD_OPTIONS', `Label ${label} of ${files[i].name} is not one of the ${format.classes.length} ${format.name} classes.`,
        `Give labels from 0 to ${format.classes.length - 1}.`, files[i].name);
    }
    labels[i] = label ?? 0;
    options.onProgress?.(i + 1, files.length);
    if (i % 64 === 63) await yieldToLoop();
  }
  throwIfAborted(options.signal);
  const dt = 'timeWindowUs' in binning ? binning.timeWindowUs * 1e-6 : null;
  const dataset: SpikeDataset = {
    id: options.id ?? `dropped-${format.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
    name: `${format.name} (${files.length} dropped file${files.length === 1 ? '' : 's'})`,
    split: options.split ?? 'dropped',
    n: files.length, T, dt, featureShape: [sensor.polarities, sensor.height, sensor.width],
    packed, labels, classes: format.classes, licence: format.licence, attribution: format.attribution,
  };
  return { dataset, unlabelled };
}
