/**
 * Typed access to the datasets of one NIR node group, with errors that name the dataset and say
 * what was expected (docs/specs/nir.md §3.2: scalar strings, int64 integers, float arrays).
 */
import { SpikelabError, type ErrorCode } from '../core/errors';
import type { H5Dataset, H5Group, H5Value } from '../hdf5';
import { hasKey } from '../core/records';
import type { NdArray } from '../graph/types';

export function nirError(code: ErrorCode, message: string, hint: string, where?: string): SpikelabError {
  return new SpikelabError(code, message, hint, where);
}

function isNumeric(value: H5Value): value is Exclude<H5Value, string[] | boolean[] | unknown[]> {
  return value !== null && ArrayBuffer.isView(value);
}

function notNumeric(ds: H5Dataset, where: string): never {
  throw nirError('NIR_BAD_PARAMETER', `${where} holds ${ds.dtype.class} data where numbers are expected.`, 'Re-export the network; this dataset must be numeric.', where);
}

/** A numeric or boolean value as plain numbers (for small datasets: shapes, dims, metadata). */
export function numbersOf(ds: H5Dataset, where: string): number[] {
  const value = ds.value;
  if (isNumeric(value)) return Array.from(value as ArrayLike<number>, Number);
  if (Array.isArray(value) && value.every((v) => typeof v === 'boolean')) return (value as boolean[]).map(Number);
  return notNumeric(ds, where);
}

/** A numeric or boolean value as float32, without a detour through a JS array (weights can be large). */
export function float32Of(ds: H5Dataset, where: string): Float32Array {
  const value = ds.value;
  if (value instanceof Float32Array) return value;
  if (isNumeric(value)) return Float32Array.from(value as ArrayLike<number>);
  if (Array.isArray(value) && value.every((v) => typeof v === 'boolean')) return Float32Array.from(value as boolean[], Number);
  return notNumeric(ds, where);
}

export function stringsOf(ds: H5Dataset): string[] | undefined {
  const value = ds.value;
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
}

export class NodeFields {
  constructor(readonly group: H5Group, readonly where: string) {}

  has(key: string): boolean {
    return hasKey(this.group.children, key);
  }

  dataset(key: string): H5Dataset {
    const child = this.has(key) ? this.group.children[key] : undefined;
    if (child === undefined) {
      throw nirError('NIR_MISSING_PARAMETER', `${this.where} has no "${key}" dataset.`, 'Re-export the network with a current NIR version; this parameter is required.', this.where);
    }
    if (child.kind !== 'dataset') {
      throw nirError('NIR_BAD_PARAMETER', `${this.where}/${key} is a group where a dataset is expected.`, 'Re-export the network with a current NIR version.', this.where);
    }
    return child;
  }

  /** A float parameter with its stored shape (0-d stays `[]`; the reader broadcasts later). */
  floats(key: string, onInteger?: () => void): NdArray {
    const ds = this.dataset(key);
    if (ds.dtype.class === 'int' || ds.dtype.class === 'bool') onInteger?.();
    return { shape: [...ds.shape], data: float32Of(ds, `${this.where}/${key}`) };
  }

  /** Integers (any rank), with their shape. Float datasets are accepted if they hold whole numbers. */
  ints(key: string): { shape: number[]; values: number[] } {
    const ds = this.dataset(key);
    const values = numbersOf(ds, `${this.where}/${key}`);
    if (values.some((v) => !Number.isInteger(v))) {
      throw nirError('NIR_BAD_PARAMETER', `${this.where}/${key} must hold integers, got [${values.slice(0, 6).join(', ')}].`, 'Re-export the network; sizes, strides and dims are integers.', this.where);
    }
    return { shape: [...ds.shape], values };
  }

  /** A 0-d integer (Flatten dims, Conv groups, Conv1d input_shape). A 1-element array is refused, as nir.read does. */
  scalarInt(key: string): number {
    const { shape, values } = this.ints(key);
    if (shape.length !== 0) {
      throw nirError('NIR_BAD_PARAMETER_RANK', `${this.where}/${key} must be a 0-d integer, got an array of shape [${shape.join(', ')}].`, 'The official nir.read fails on this too: re-export with a scalar (e.g. nir.write of a current NIR version).', this.where);
    }
    return values[0];
  }

  /** A scalar string (node `type`, string padding). */
  scalarString(key: string): string | undefined {
    const ds = this.dataset(key);
    const strings = stringsOf(ds);
    if (!strings) return undefined;
    if (ds.shape.length !== 0) {
      throw nirError('NIR_BAD_PARAMETER_RANK', `${this.where}/${key} must be a scalar string, got a string array of shape [${ds.shape.join(', ')}].`, 'The official nir.read fails on this too: re-export the file with a current NIR version.', this.where);
    }
    return strings[0];
  }
}
