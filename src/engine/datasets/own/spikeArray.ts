/**
 * A spikes array [N, T, F…] (any numeric dtype, C or Fortran order) read into the engine's form as
 * it streams: first into bits (formats/bitpack.ts order), which is what binary data needs and what
 * is kept (1 bit a value); when a value other than 0 or 1 turns up, the bits are dropped and the
 * array is read again as float32 values (counts, currents), so no second copy of the data is ever
 * held. Sizes are checked against the caps of core/limits.ts before anything is allocated;
 * NaN or infinite values are refused (DATA_BAD_VALUES) with where they are.
 */
import { SpikelabError } from '../../core/errors';
import { MAX_DATASET_BYTES, MAX_LAYER_ELEMENTS, MAX_RANK, MAX_SAMPLES, MAX_STEPS, tooManyBytes } from '../../core/limits';
import { throwIfAborted } from '../errors';
import { packedSteps } from '../formats/bitpack';
import { describeNpy } from '../formats/npy';
import { npyValues, type NpyArray } from '../formats/npyArray';
import { ownDataError, SAVE_HINT } from './errors';

export interface SpikeArrayOptions {
  signal?: AbortSignal;
  /** 0..1 over the read; `pass` 2 means the values are being read again as float32. */
  onProgress?: (fraction: number, pass: 1 | 2) => void;
  /** Most bytes the result may hold (default MAX_DATASET_BYTES). */
  maxBytes?: number;
}

export interface SpikeArray {
  n: number;
  T: number;
  featureShape: number[];
  packed?: Uint8Array;
  values?: Float32Array;
}

/** Checks the shape is [N, T, F…] within the caps; returns N, T, F and the feature shape. */
export function spikeShape(array: NpyArray): { N: number; T: number; F: number; featureShape: number[] } {
  const { shape } = array.header;
  if (shape.length < 3) {
    const hint = shape.length === 2
      ? `If the array is [N, T] with one input channel, save x[:, :, None] (shape [${shape[0]}, ${shape[1]}, 1]). ${SAVE_HINT}`
      : SAVE_HINT;
    throw ownDataError('DATA_NOT_SPIKES', `${array.where} is ${describeNpy(array.header)}; spikes must be [N samples, T steps, features…] (3 or more axes).`, hint, array.where);
  }
  if (shape.length > MAX_RANK + 2) throw ownDataError('DATA_NOT_SPIKES', `${array.where} has ${shape.length} axes; at most ${MAX_RANK} feature axes are read.`, 'Reshape the features to fewer axes.', array.where);
  const [N, T, ...featureShape] = shape;
  const F = featureShape.reduce((a, b) => a * b, 1);
  const problem = N < 1 ? 'it has no samples' : T < 1 ? 'it has no time steps' : F < 1 ? 'it has no features'
    : N > MAX_SAMPLES ? `N = ${N} is over the cap of ${MAX_SAMPLES} samples` : T > MAX_STEPS ? `T = ${T} is over the cap of ${MAX_STEPS} steps`
      : F > MAX_LAYER_ELEMENTS ? `${F} features per step is over the cap of ${MAX_LAYER_ELEMENTS}` : null;
  if (problem) throw ownDataError('DATA_NOT_SPIKES', `${array.where} is ${describeNpy(array.header)} [N, T, F…]: ${problem}.`, SAVE_HINT, array.where);
  return { N, T, F, featureShape };
}

/** Fortran-order flat feature index → C-order flat index (identity for one feature axis). */
function fortranFeatureMap(featureShape: number[]): Int32Array | null {
  if (featureShape.filter((d) => d > 1).length <= 1) return null;
  const F = featureShape.reduce((a, b) => a * b, 1);
  const map = new Int32Array(F);
  const index = new Array<number>(featureShape.length).fill(0);
  for (let r = 0; r < F; r++) {
    let f = 0;
    for (let d = 0; d < featureShape.length; d++) f = f * featureShape[d] + index[d];
    map[r] = f;
    for (let d = 0; d < featureShape.length && ++index[d] === featureShape[d]; d++) index[d] = 0;
  }
  return map;
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** Elements between yields to the event loop (a few ms of work). */
const YIELD_EVERY = 1 << 23;

function badValue(array: NpyArray, v: number, k: number, N: number, T: number, F: number): never {
  const [n, t] = array.header.fortranOrder ? [k % N, Math.floor(k / N) % T] : [Math.floor(k / (T * F)), Math.floor(k / F) % T];
  throw ownDataError('DATA_BAD_VALUES', `${array.where} holds ${v} at sample ${n}, step ${t}: inputs must be finite numbers.`,
    'Replace them first, e.g. np.nan_to_num(x), then save again.', array.where);
}

/** Pass 1: the bits, or null at the first value that is not 0 or 1. */
async function readBits(array: NpyArray, N: number, T: number, F: number, featureShape: number[], options: SpikeArrayOptions): Promise<Uint8Array | null> {
  const Tp = packedSteps(T);
  const packed = new Uint8Array(N * Tp * F);
  const fortran = array.header.fortranOrder;
  const map = fortran ? fortranFeatureMap(featureShape) : null;
  const total = array.header.count;
  // C order: (n, t, f) with f fastest; Fortran: (n, t, r) with n fastest, r the Fortran feature index.
  let n = 0;
  let t = 0;
  let f = 0;
  let sinceYield = 0;
  for await (const { values, first } of npyValues(array)) {
    throwIfAborted(options.signal, array.where);
    const count = values.length;
    if (!fortran) {
      let base = (n * Tp + (t >> 3)) * F;
      let bit = 0x80 >> (t & 7);
      for (let j = 0; j < count; j++) {
        const v = values[j];
        if (v !== 0) {
          if (v !== 1) return null;
          packed[base + f] |= bit;
        }
        if (++f === F) {
          f = 0;
          if (++t === T) {
            t = 0;
            n++;
          }
          base = (n * Tp + (t >> 3)) * F;
          bit = 0x80 >> (t & 7);
        }
      }
    } else {
      for (let j = 0; j < count; j++) {
        const v = values[j];
        if (v !== 0) {
          if (v !== 1) return null;
          packed[(n * Tp + (t >> 3)) * F + (map ? map[f] : f)] |= 0x80 >> (t & 7);
        }
        if (++n === N) {
          n = 0;
          if (++t === T) {
            t = 0;
            f++;
          }
        }
      }
    }
    options.onProgress?.((first + count) / total, 1);
    sinceYield += count;
    if (sinceYield >= YIELD_EVERY) {
      sinceYield = 0;
      await pause();
    }
  }
  return packed;
}

/** Pass 2: the values as float32, [N, T, F] in C order. */
async function readValues(array: NpyArray, N: number, T: number, F: number, featureShape: number[], options: SpikeArrayOptions): Promise<Float32Array> {
  const out = new Float32Array(N * T * F);
  const fortran = array.header.fortranOrder;
  const map = fortran ? fortranFeatureMap(featureShape) : null;
  const total = array.header.count;
  let sinceYield = 0;
  for await (const { values, first } of npyValues(array)) {
    throwIfAborted(options.signal, array.where);
    const count = values.length;
    for (let j = 0; j < count; j++) if (!Number.isFinite(values[j])) badValue(array, values[j], first + j, N, T, F);
    if (!fortran) out.set(values, first);
    else {
      let n = first % N;
      let t = Math.floor(first / N) % T;
      let r = Math.floor(first / (N * T));
      for (let j = 0; j < count; j++) {
        out[(n * T + t) * F + (map ? map[r] : r)] = values[j];
        if (++n === N) {
          n = 0;
          if (++t === T) {
            t = 0;
            r++;
          }
        }
      }
    }
    options.onProgress?.((first + count) / total, 2);
    sinceYield += count;
    if (sinceYield >= YIELD_EVERY) {
      sinceYield = 0;
      await pause();
    }
  }
  return out;
}

/** Reads a spikes array: bit-packed when binary, else float32 values. */
export async function readSpikeArray(array: NpyArray, options: SpikeArrayOptions = {}): Promise<SpikeArray> {
  const { N, T, F, featureShape } = spikeShape(array);
  const maxBytes = options.maxBytes ?? MAX_DATASET_BYTES;
  const packedBytes = N * packedSteps(T) * F;
  if (packedBytes > maxBytes) throw tooManyBytes('DATA_TOO_LARGE', `Packing ${array.where} (${describeNpy(array.header)}) to bits`, packedBytes, maxBytes, array.where);
  const packed = await readBits(array, N, T, F, featureShape, options);
  if (packed) return { n: N, T, featureShape, packed };
  const valueBytes = N * T * F * 4;
  if (valueBytes > maxBytes) {
    const error = tooManyBytes('DATA_TOO_LARGE', `${array.where} holds values other than 0 and 1, kept as float32 inputs (4 bytes each): that`, valueBytes, maxBytes, array.where);
    throw new SpikelabError('DATA_TOO_LARGE', error.message, `Save spikes as 0/1 (e.g. (x > 0).astype(np.uint8)) to keep them as bits, ${Math.round(valueBytes / Math.max(1, packedBytes))}× smaller.`, array.where);
  }
  return { n: N, T, featureShape, values: await readValues(array, N, T, F, featureShape, options) };
}
