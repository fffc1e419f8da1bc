import { MAX_DATASET_BYTES, tooManyBytes } from '../core/limits';
import { packedSteps } from './formats/bitpack';
import { dataError } from './errors';
import { DEFAULT_IMAGE_CODING, encodeImages, type ImageCoding } from './encoders/imageCoding';
import { featureCount, type DatasetFile } from './formats/packedFile';
import type { SpikeDataset } from './spikeDataset';

/** Options for turning a dataset file into spikes; T and coding apply to image sets only. */
export interface SpikeCodingOptions {
  /** Steps for image sets (default: the manifest's defaultT, else 32). Ignored for spike sets. */
  T?: number;
  /** Image coding (default: rate, seed 0, maxRate 0.75). Ignored for spike sets. */
  coding?: ImageCoding;
}

/** A SpikeDataset from a read dataset file: spikes as they are, images coded with the options. */
export function datasetFromFile(file: DatasetFile, options: SpikeCodingOptions = {}, defaultT = 32, maxBytes = MAX_DATASET_BYTES): SpikeDataset {
  const h = file.header;
  const common = {
    id: h.id, name: h.name, split: h.split, n: h.n, featureShape: h.featureShape, labels: file.labels,
    classes: h.classes, licence: h.licence, attribution: h.attribution,
  };
  if (h.kind === 'spikes') return { ...common, T: h.T as number, dt: h.dt, packed: file.data };
  const T = options.T ?? defaultT;
  const coded = h.n * packedSteps(T) * featureCount(h.featureShape);
  if (coded > maxBytes) throw tooManyBytes('DATA_TOO_LARGE', `Coding ${h.n} images of ${h.id} to ${T} steps`, coded, maxBytes, h.id);
  if (!h.maxValue || h.maxValue <= 0) {
    throw dataError('DATA_BAD_PACKED_FILE', `Image dataset ${h.id} has no positive maxValue.`, 'Re-run the conversion script.', h.id);
  }
  const packed = encodeImages(file.data, h.n, featureCount(h.featureShape), h.maxValue, T, options.coding ?? DEFAULT_IMAGE_CODING);
  return { ...common, T, dt: null, packed };
}
