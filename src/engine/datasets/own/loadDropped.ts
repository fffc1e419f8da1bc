/**
 * Files the person dropped on the page → one own dataset, whatever they are:
 *   .npy (one, or several dropped together: spikes and labels, maybe a test split) and .npz
 *     → ./fromArrays.ts, streamed from the file;
 *   N-MNIST .bin / DVS Gesture .bs2 recordings, their folders, or a zip of the folders → ./eventFiles.ts;
 *   IBM's DVS Gesture release (DvsGesture.tar.gz, or the .tar) → ./gestureArchive.ts, walked in order;
 *   SHD/SSC .h5 (.h5.gz, tonic's .h5.zip) → ../loaders/shd.ts, and Spikelab .safetensors(.gz) →
 *     readDroppedDataset: these read the whole file (HDF5 needs it), so at most MAX_INFLATED_BYTES.
 * The kind is told by magic bytes first (\x93NUMPY, PK zip, \x89HDF, ustar, gzip, safetensors'
 * JSON header; the first 16 bytes are read, 512 of a single file) and the name second. Two files
 * of a kind that holds one split each (shd_train.h5 and shd_test.h5) become the train and test
 * splits. Anything else is DATA_UNSUPPORTED_FILE, saying what the file looks like and what the
 * lab reads.
 */
import { MAX_INFLATED_BYTES, tooManyBytes } from '../../core/limits';
import { loadShd, readDroppedDataset } from '../index';
import { isGzip } from '../formats/gzip';
import { isTar, TAR_BLOCK } from '../formats/tar';
import { readAll, type ByteSource } from '../formats/byteSource';
import { isNpy } from '../formats/npy';
import { openNpy, type NpyArray } from '../formats/npyArray';
import { openNpz } from '../formats/npz';
import { listZipSource, readEntry } from '../formats/zipSource';
import { isZip } from '../formats/zip';
import type { SpikeDataset } from '../spikeDataset';
import { describeOwn, filesLabel } from './describe';
import { ownDataError } from './errors';
import { datasetFromArrays } from './fromArrays';
import { datasetFromEvents, type EventEntry } from './eventFiles';
import { datasetFromTar } from './gestureArchive';
import { ownSplitOf, type OwnDataset } from './ownDataset';

export interface DroppedLoadOptions {
  signal?: AbortSignal;
  /** 0..1 and what is being done, in words. */
  onProgress?: (fraction: number, stage: string) => void;
  /** Most bytes the dataset may hold (default MAX_DATASET_BYTES). */
  maxBytes?: number;
}

export type DroppedKind = 'npy' | 'zip' | 'hdf5' | 'tar' | 'events' | 'safetensors' | 'nir' | 'unknown';

export const SUPPORTED = '.npy / .npz arrays (spikes [N, T, F…] and labels), SHD/SSC .h5, N-MNIST .bin files (or a zip of their folders), DVS Gesture .bs2 or the release DvsGesture.tar.gz, Spikelab .safetensors';

const HDF5_MAGIC = [0x89, 0x48, 0x44, 0x46];

/** What a file is, from its first bytes and its name. */
export function droppedKind(name: string, head: Uint8Array): DroppedKind {
  const lower = name.toLowerCase();
  if (lower.endsWith('.nir')) return 'nir';
  if (isNpy(head)) return 'npy';
  if (isZip(head)) return 'zip';
  if (HDF5_MAGIC.every((b, i) => head[i] === b)) return 'hdf5';
  if (isTar(head) || /\.tar$/.test(lower) || (isGzip(head) && /\.(tar\.gz|tgz)$/.test(lower))) return 'tar';
  if (/\.safetensors(\.gz)?$/.test(lower)) return 'safetensors';
  if (/\.h5(\.gz)?$|\.hdf5$/.test(lower)) return 'hdf5';
  if (/\.(bin|bs2)(\.gz)?$/.test(lower)) return 'events';
  if (!isGzip(head) && head.length >= 9 && head[8] === 0x7b) return 'safetensors'; // u64 length, then '{'
  return 'unknown';
}

function unsupported(name: string, head: Uint8Array): never {
  const text = head.length > 0 && head.subarray(0, 16).every((b) => b === 9 || b === 10 || b === 13 || (b >= 0x20 && b < 0x7f));
  const looks = text ? 'it looks like text (CSV or JSON?)' : isGzip(head) ? 'it is gzip-compressed, but not a .h5.gz, .bin.gz, .tar.gz or .safetensors.gz' : 'its first bytes match no format the lab reads';
  throw ownDataError('DATA_UNSUPPORTED_FILE', `${name} cannot be read as data: ${looks}.`,
    `The lab reads ${SUPPORTED}. Convert other data with NumPy: np.savez('data.npz', spikes=x, labels=y).`, name);
}

/** The whole file, for the readers that need all of it (HDF5, safetensors, one event recording), within the cap. */
function wholeFile(source: ByteSource): Promise<Uint8Array> {
  if (source.size > MAX_INFLATED_BYTES) throw tooManyBytes('DATA_TOO_LARGE', `Reading ${source.name} whole (HDF5, safetensors and event files are read whole)`, source.size, MAX_INFLATED_BYTES, source.name);
  return readAll(source);
}

/** Datasets that arrive one split per file (SHD .h5, .safetensors): one file, or train + test. */
async function fromSplitFiles(sources: ByteSource[], read: (source: ByteSource, onFraction: (f: number) => void) => Promise<SpikeDataset>, options: DroppedLoadOptions, what: string): Promise<OwnDataset> {
  if (sources.length > 2) {
    throw ownDataError('DATA_UNSUPPORTED_FILE', `${sources.length} ${what} files were dropped together; one, or a train and a test file, make a dataset.`, 'Drop them one at a time, or a training file and its test file together.');
  }
  const ordered = [...sources].sort((a, b) => Number(/test|valid/i.test(a.name)) - Number(/test|valid/i.test(b.name)));
  const loaded: SpikeDataset[] = [];
  for (const [i, source] of ordered.entries()) {
    options.onProgress?.(i / ordered.length, `Reading ${source.name}`);
    loaded.push(await read(source, (f) => options.onProgress?.((i + f) / ordered.length, `Reading ${source.name}`)));
  }
  const [train, test] = loaded;
  if (test && (test.T !== train.T || test.featureShape.join(',') !== train.featureShape.join(','))) {
    throw ownDataError('DATA_NOT_SPIKES', `${ordered[1].name} (T ${test.T}, [${test.featureShape.join(', ')}]) does not match ${ordered[0].name} (T ${train.T}, [${train.featureShape.join(', ')}]).`, 'Drop the training and test files of the same dataset.');
  }
  const classes = test && test.classes.length > train.classes.length ? test.classes : train.classes;
  return describeOwn({
    files: sources.map((s) => ({ name: s.name, size: s.size })),
    read: loaded.map((d, i) => `${ordered[i].name}: ${d.name}, ${d.n.toLocaleString('en')} samples`).join('; '),
    classes, dt: train.dt, binning: what === 'SHD/SSC' ? `Spyx binning, T = ${train.T}, ${train.featureShape[0]} channels` : 'as stored', licence: train.licence, attribution: train.attribution,
    train: ownSplitOf(train), test: test ? ownSplitOf(test) : undefined, testName: 'test',
  });
}

async function zipEntries(source: ByteSource): Promise<{ arrays: boolean; events: EventEntry[]; h5: boolean; names: string[] }> {
  const entries = (await listZipSource(source)).filter((e) => !e.name.endsWith('/'));
  const events = entries.filter((e) => /\.(bin|bs2)$/i.test(e.name)).map((e): EventEntry => ({ name: e.name, read: () => readEntry(source, e) }));
  return { arrays: entries.some((e) => /\.npy$/i.test(e.name)), events, h5: entries.some((e) => /\.h5$/i.test(e.name)), names: entries.map((e) => e.name) };
}

/** Reads the dropped files into one own dataset (DATA_… errors say what did not fit). */
export async function loadDroppedFiles(sources: ByteSource[], options: DroppedLoadOptions = {}): Promise<OwnDataset> {
  if (sources.length === 0) throw ownDataError('DATA_UNSUPPORTED_FILE', 'No files were dropped.', `Drop ${SUPPORTED}.`);
  // A tar is read alone, so only a single file needs the 512 bytes that hold its header's magic (many files are told by 16).
  const heads = await Promise.all(sources.map((s) => s.read(0, sources.length === 1 ? TAR_BLOCK : 16)));
  const kinds = sources.map((s, i) => droppedKind(s.name, heads[i]));
  const files = sources.map((s) => ({ name: s.name, size: s.size }));
  const where = filesLabel(files);
  const unknown = kinds.indexOf('unknown');
  if (unknown >= 0) unsupported(sources[unknown].name, heads[unknown]);
  if (kinds.includes('nir')) {
    throw ownDataError('DATA_UNSUPPORTED_FILE', `${sources[kinds.indexOf('nir')].name} is a network (.nir), not data.`, 'Drop a .nir file on its own to open it on the canvas.');
  }
  const kind = kinds[0];
  if (kinds.some((k) => k !== kind)) {
    throw ownDataError('DATA_UNSUPPORTED_FILE', `The dropped files are of different kinds (${[...new Set(kinds)].join(', ')}).`, 'Drop one kind at a time: .npy arrays together, or event recordings together.');
  }
  const common = { signal: options.signal, maxBytes: options.maxBytes, onProgress: options.onProgress };
  const readShd = async (s: ByteSource, onFraction: (f: number) => void) => loadShd(await wholeFile(s), s.name, { signal: options.signal, onProgress: (d, t) => onFraction(d / t), maxDatasetBytes: options.maxBytes });
  if (kind === 'npy') {
    const arrays: NpyArray[] = [];
    for (const source of sources) arrays.push(await openNpy(source));
    return datasetFromArrays(arrays, files, where, common);
  }
  if (kind === 'events') {
    const entries = sources.map((s): EventEntry => ({ name: s.name, read: () => wholeFile(s) }));
    return datasetFromEvents(entries, files, common);
  }
  if (kind === 'zip') {
    if (sources.length > 1) throw ownDataError('DATA_UNSUPPORTED_FILE', `${sources.length} zip archives were dropped together.`, 'Drop one .npz or .zip at a time.');
    const content = await zipEntries(sources[0]);
    if (content.arrays) return datasetFromArrays(await openNpz(sources[0]), files, where, common);
    if (content.events.length > 0) return datasetFromEvents(content.events, files, common);
    if (content.h5) return fromSplitFiles(sources, readShd, options, 'SHD/SSC');
    throw ownDataError('DATA_UNSUPPORTED_FILE', `${sources[0].name} is a zip archive with neither .npy arrays nor event recordings (it holds ${content.names.slice(0, 5).join(', ') || 'nothing'}${content.names.length > 5 ? ', …' : ''}).`,
      `The lab reads ${SUPPORTED}.`, sources[0].name);
  }
  if (kind === 'tar') {
    if (sources.length > 1) throw ownDataError('DATA_UNSUPPORTED_FILE', `${sources.length} tar archives were dropped together.`, 'Drop one archive at a time.');
    return datasetFromTar(sources[0], isGzip(heads[0]), common);
  }
  if (kind === 'hdf5') {
    return fromSplitFiles(sources, readShd, options, 'SHD/SSC');
  }
  return fromSplitFiles(sources, async (s) => readDroppedDataset(await wholeFile(s), s.name, { signal: options.signal, maxDatasetBytes: options.maxBytes }), options, 'Spikelab');
}
