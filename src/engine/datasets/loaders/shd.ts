import { SpikelabError } from '../../core/errors';
import { MAX_DATASET_BYTES, MAX_INFLATED_BYTES, MAX_SAMPLES, tooMany, tooManyBytes } from '../../core/limits';
import { getPath, isDataset, openH5, type H5Reader, type H5VlenValue } from '../../hdf5';
import { binShdSample, type ShdBinning } from '../binning/shdRaster';
import { dataError, throwIfAborted } from '../errors';
import { packedSteps } from '../formats/bitpack';
import { maybeGunzip, streamGunzip, type GunzipCodec } from '../formats/gzip';
import { isZip, listZip, readZipEntry } from '../formats/zip';
import type { SpikeDataset } from '../spikeDataset';

/**
 * Dropped SHD / SSC files (`shd_train.h5`, `ssc_test.h5`, gzipped `.h5.gz` as the mirrors serve
 * them, or tonic's `.h5.zip`: its `.h5` entry, or its only entry), binned as
 * Spyx does (binning/shdRaster.ts; default T = 128, C = 128 as spyx SHD_loader; the paper used
 * T = 256). Layout: /spikes/times (vlen float16/32/64, seconds), /spikes/units (vlen uint16),
 * /labels [N], /extra/keys (class names, optional). Rows are read `chunkRows` at a time through
 * src/engine/hdf5 (openH5/readRows), so memory stays small; progress and abort between chunks.
 */
export interface ShdLoadOptions {
  binning?: ShdBinning;
  chunkRows?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  codec?: GunzipCodec;
  /** Most bytes the file may inflate to, and its datasets decode to (default MAX_INFLATED_BYTES). */
  maxInflatedBytes?: number;
  /** Most bytes the binned dataset may occupy (default MAX_DATASET_BYTES). */
  maxDatasetBytes?: number;
}

export const SHD_LICENCE = 'CC BY 4.0';
export const SHD_ATTRIBUTION =
  'Cramer, Stradmann, Schemmel, Zenke (2020), "The Heidelberg Spiking Data Sets for the Systematic Evaluation of Spiking Neural Networks", IEEE TNNLS.';

function notShd(name: string, what: string): never {
  throw dataError('DATA_NOT_SHD', `${name} is not an SHD/SSC file: ${what}.`,
    'Drop shd_train.h5 / shd_test.h5 / ssc_*.h5 (or their .h5.gz / .h5.zip) as downloaded from zenkelab.org or by tonic.', name);
}

async function open(bytes: Uint8Array, name: string, maxBytes: number): Promise<H5Reader> {
  try {
    return await openH5(bytes, { maxBytes });
  } catch (error) {
    if (error instanceof SpikelabError && error.code.startsWith('HDF5_') && error.code !== 'HDF5_TOO_LARGE') notShd(name, `${error.message} (${error.code})`);
    throw error;
  }
}

function classNames(reader: H5Reader, count: number, name: string): string[] {
  const keys = getPath(reader.structure(), 'extra/keys');
  if (isDataset(keys) && keys.dtype.class === 'string') {
    const value = reader.dataset('/extra/keys').value as string[];
    if (value.length >= count) return value.map(String);
  }
  if (count > 255) notShd(name, `its labels go up to ${count - 1}, more than the 256 classes a dataset file holds`);
  return Array.from({ length: count }, (_, i) => String(i));
}

export async function loadShdFile(bytes: Uint8Array, name: string, options: ShdLoadOptions = {}): Promise<SpikeDataset> {
  const binning = options.binning ?? { T: 128, channels: 128 };
  if (!Number.isInteger(binning.T) || binning.T < 1 || !Number.isInteger(binning.channels) || binning.channels < 1 || binning.channels > 700) {
    throw dataError('DATA_BAD_OPTIONS', `SHD binning T = ${binning.T}, C = ${binning.channels} is not possible.`, 'Choose T ≥ 1 and 1 ≤ C ≤ 700 (Spyx: T = 128 or 256, C = 128).');
  }
  const codec = options.codec ?? streamGunzip;
  const maxInflated = options.maxInflatedBytes ?? MAX_INFLATED_BYTES;
  let raw = await maybeGunzip(bytes, codec, name, maxInflated);
  if (isZip(raw)) {
    const entries = listZip(raw, name);
    const entry = entries.find((e) => /\.h5$/i.test(e.name)) ?? (entries.length === 1 ? entries[0] : undefined);
    if (!entry) notShd(name, 'the zip archive holds no .h5 file');
    raw = await readZipEntry(raw, entry, (data, expected) => codec.inflateRaw(data, maxInflated, expected), name);
  }
  throwIfAborted(options.signal, name);
  const reader = await open(raw, name, maxInflated);
  try {
    const root = reader.structure();
    const times = getPath(root, 'spikes/times');
    const units = getPath(root, 'spikes/units');
    const labelsNode = getPath(root, 'labels');
    if (!isDataset(times) || !isDataset(units) || !isDataset(labelsNode)) notShd(name, 'it lacks /spikes/times, /spikes/units or /labels');
    if (times.dtype.class !== 'vlen' || units.dtype.class !== 'vlen') notShd(name, 'spikes/times and spikes/units are not variable-length arrays');
    const n = labelsNode.shape[0] ?? 0;
    if (labelsNode.shape.length !== 1 || times.shape.length !== 1 || units.shape.length !== 1) notShd(name, '/labels, /spikes/times and /spikes/units are not 1-D');
    if (times.shape[0] !== n || units.shape[0] !== n) notShd(name, `it has ${n} labels but ${times.shape[0]} / ${units.shape[0]} spike trains`);
    if (n > MAX_SAMPLES) throw tooMany('DATA_TOO_LARGE', `${name} declares more samples than a dataset may hold`, n, MAX_SAMPLES, undefined, name);
    const planned = n * packedSteps(binning.T) * binning.channels;
    const maxDataset = options.maxDatasetBytes ?? MAX_DATASET_BYTES;
    if (planned > maxDataset) throw tooManyBytes('DATA_TOO_LARGE', `Binning ${n} samples of ${name} to T = ${binning.T}, C = ${binning.channels}`, planned, maxDataset, name);
    const labelValues = reader.dataset('/labels').value as ArrayLike<number>;
    let maxLabel = 0;
    for (let i = 0; i < n; i++) {
      if (!(Number.isInteger(labelValues[i]) && labelValues[i] >= 0)) notShd(name, `label ${i} is ${labelValues[i]}`);
      maxLabel = Math.max(maxLabel, labelValues[i]);
    }
    const classes = classNames(reader, maxLabel + 1, name);
    const sampleBytes = packedSteps(binning.T) * binning.channels;
    const packed = new Uint8Array(n * sampleBytes);
    const chunk = options.chunkRows ?? 256;
    for (let start = 0; start < n; start += chunk) {
      throwIfAborted(options.signal, name);
      const count = Math.min(chunk, n - start);
      const t = reader.readRows('/spikes/times', start, count) as H5VlenValue;
      const u = reader.readRows('/spikes/units', start, count) as H5VlenValue;
      for (let i = 0; i < count; i++) {
        const ti = t[i] as ArrayLike<number>;
        const ui = u[i] as ArrayLike<number>;
        if (ti.length !== ui.length) notShd(name, `sample ${start + i} has ${ti.length} times but ${ui.length} units`);
        binShdSample(ti, ui, binning, packed, (start + i) * sampleBytes);
      }
      options.onProgress?.(start + count, n);
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
    const ssc = classes.length > 20;
    return {
      id: `dropped-${ssc ? 'ssc' : 'shd'}`, name: `${ssc ? 'SSC' : 'SHD'} (${name})`, split: name.replace(/\.h5(\.gz|\.zip)?$/i, ''),
      n, T: binning.T, dt: 1 / binning.T, featureShape: [binning.channels], packed,
      labels: Uint8Array.from({ length: n }, (_, i) => labelValues[i]), classes,
      licence: SHD_LICENCE, attribution: SHD_ATTRIBUTION,
    };
  } finally {
    reader.close();
  }
}
