import { dataError } from '../errors';
import { packedSteps } from './bitpack';
import { readSafetensors, writeSafetensors, type TensorToWrite } from './safetensors';
import { sha256Hex } from './sha256';

/**
 * The one dataset file format of Spikelab ("spikelab-dataset/1"), a safetensors container:
 *
 *   kind "spikes": spikes U8 [N, ⌈T/8⌉, F]  bit-packed along time, np.packbits order (bitpack.ts)
 *   kind "images": pixels U8 [N, F]         intensities 0..maxValue, coded to spikes at load time
 *   labels U8 [N], and optionally ids U32 [N] (index of each sample in its original dataset)
 *
 * F = prod(featureShape), row-major in `featureOrder` (e.g. "p,y,x" for [2, 34, 34]).
 * `__metadata__` holds the DatasetHeader below, one key per field; strings are stored as they are,
 * other values as JSON (spike files add pack_axis "1" and bit_order "big" for NumPy). `sha256` is the hash of the spikes (or pixels) tensor's bytes, checked on
 * every read; the manifest holds the hash of the whole file.
 */
export const DATASET_FORMAT = 'spikelab-dataset/1';

export interface DatasetHeader {
  format: typeof DATASET_FORMAT;
  kind: 'spikes' | 'images';
  id: string;
  name: string;
  split: string;
  n: number;
  /** Time steps of the packed spikes; null for images (T is chosen at load). */
  T: number | null;
  featureShape: number[];
  featureOrder: string;
  /** Seconds per time step, or null when a step is not a fixed duration (e.g. T bins per sample). */
  dt: number | null;
  /** How events or signals became these steps, in words a user can reproduce. */
  binning: string;
  classes: string[];
  licence: string;
  attribution: string;
  source: string;
  sha256: string;
  /** Images only: the pixel value that means full intensity (255 for MNIST, 16 for sklearn digits). */
  maxValue?: number;
}

export interface DatasetFile {
  header: DatasetHeader;
  /** spikes [N, Tp, F] or pixels [N, F]. */
  data: Uint8Array;
  labels: Uint8Array;
  ids?: Uint32Array;
}

const STRING_FIELDS = ['format', 'kind', 'id', 'name', 'split', 'featureOrder', 'binning', 'licence', 'attribution', 'source', 'sha256'] as const;

export function featureCount(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function expectedDataShape(h: Pick<DatasetHeader, 'kind' | 'n' | 'T' | 'featureShape'>): number[] {
  const F = featureCount(h.featureShape);
  return h.kind === 'spikes' ? [h.n, packedSteps(h.T ?? 0), F] : [h.n, F];
}

/** Builds the file; computes header.sha256 from the data (the caller's value is ignored). */
export async function writeDatasetFile(file: Omit<DatasetFile, 'header'> & { header: Omit<DatasetHeader, 'sha256' | 'format'> }): Promise<Uint8Array> {
  const header: DatasetHeader = { ...file.header, format: DATASET_FORMAT, sha256: await sha256Hex(file.data) };
  const shape = expectedDataShape(header);
  if (file.data.length !== featureCount(shape) || file.labels.length !== header.n) {
    throw new RangeError(`dataset ${header.id}: data ${file.data.length} B for [${shape.join(', ')}], ${file.labels.length} labels for n=${header.n}`);
  }
  const metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(header)) {
    if (value === undefined) continue;
    metadata[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  // For Python readers: `np.unpackbits(spikes, axis=1, count=T)` restores [N, T, F].
  if (header.kind === 'spikes') Object.assign(metadata, { pack_axis: '1', bit_order: 'big' });
  const tensors: TensorToWrite[] = [
    { name: header.kind === 'spikes' ? 'spikes' : 'pixels', dtype: 'U8', shape, bytes: file.data },
    { name: 'labels', dtype: 'U8', shape: [header.n], bytes: file.labels },
  ];
  if (file.ids) {
    const idBytes = new Uint8Array(file.ids.length * 4);
    const view = new DataView(idBytes.buffer);
    file.ids.forEach((v, i) => view.setUint32(i * 4, v, true));
    tensors.push({ name: 'ids', dtype: 'U32', shape: [header.n], bytes: idBytes });
  }
  return writeSafetensors(tensors, metadata);
}

function badFile(message: string, where?: string): never {
  throw dataError('DATA_BAD_PACKED_FILE', `This safetensors file is not a Spikelab dataset: ${message}.`,
    'Use a file written by scripts/datasets (see docs/datasets.md), or re-run the conversion.', where);
}

function parseHeader(meta: Record<string, string>, where?: string): DatasetHeader {
  if (meta.format !== DATASET_FORMAT) badFile(`its format is "${meta.format ?? '(none)'}", expected "${DATASET_FORMAT}"`, where);
  const out: Record<string, unknown> = {};
  for (const key of STRING_FIELDS) {
    if (typeof meta[key] !== 'string') badFile(`metadata field "${key}" is missing`, where);
    out[key] = meta[key];
  }
  for (const key of ['n', 'T', 'featureShape', 'dt', 'classes', 'maxValue']) {
    if (meta[key] === undefined) continue;
    try {
      out[key] = JSON.parse(meta[key]);
    } catch {
      badFile(`metadata field "${key}" is not JSON (${meta[key]})`, where);
    }
  }
  const h = out as unknown as DatasetHeader;
  if (h.kind !== 'spikes' && h.kind !== 'images') badFile(`its kind is "${h.kind}"`, where);
  if (!Number.isInteger(h.n) || h.n < 0) badFile(`n is ${String(h.n)}`, where);
  if (h.kind === 'spikes' && !(Number.isInteger(h.T) && (h.T as number) > 0)) badFile(`T is ${String(h.T)}`, where);
  if (!Array.isArray(h.featureShape) || !h.featureShape.every((d) => Number.isInteger(d) && d > 0)) badFile('featureShape is not a list of positive integers', where);
  if (!Array.isArray(h.classes)) badFile('classes is not a list', where);
  if (h.kind === 'spikes') h.maxValue = undefined;
  if (h.dt === undefined) h.dt = null;
  return h;
}

/** Reads and checks a dataset file (already gunzipped); throws DATA_* and returns nothing partial. */
export async function readDatasetFile(bytes: Uint8Array, where?: string): Promise<DatasetFile> {
  const st = readSafetensors(bytes, where);
  const header = parseHeader(st.metadata, where);
  const dataName = header.kind === 'spikes' ? 'spikes' : 'pixels';
  const data = st.tensors.get(dataName);
  const labels = st.tensors.get('labels');
  if (!data || data.dtype !== 'U8') badFile(`it has no U8 "${dataName}" tensor`, where);
  if (!labels || labels.dtype !== 'U8') badFile('it has no U8 "labels" tensor', where);
  const shape = expectedDataShape(header);
  if (data.shape.join(',') !== shape.join(',')) badFile(`"${dataName}" has shape [${data.shape.join(', ')}], the header implies [${shape.join(', ')}]`, where);
  if (labels.shape.join(',') !== String(header.n)) badFile(`"labels" has shape [${labels.shape.join(', ')}] for n = ${header.n}`, where);
  for (const label of labels.bytes) {
    if (label >= header.classes.length) badFile(`label ${label} is past the ${header.classes.length} classes`, where);
  }
  const digest = await sha256Hex(data.bytes);
  if (digest !== header.sha256) {
    throw dataError('DATA_CHECKSUM_MISMATCH', `The ${dataName} of this dataset file do not match their recorded sha256 (${header.sha256.slice(0, 12)}…, got ${digest.slice(0, 12)}…).`,
      'The file is damaged or was edited: download or convert it again.', where);
  }
  const idsTensor = st.tensors.get('ids');
  let ids: Uint32Array | undefined;
  if (idsTensor && idsTensor.dtype === 'U32' && idsTensor.shape[0] === header.n) {
    const view = new DataView(idsTensor.bytes.buffer, idsTensor.bytes.byteOffset, idsTensor.bytes.byteLength);
    ids = Uint32Array.from({ length: header.n }, (_, i) => view.getUint32(i * 4, true));
  }
  return { header, data: data.bytes, labels: labels.bytes, ids };
}
