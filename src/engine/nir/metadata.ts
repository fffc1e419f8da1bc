/**
 * NIR `metadata` groups ↔ the graph model's `Metadata` (docs/specs/nir.md §4.5).
 *
 * Reading: scalar string → string; scalar number → number; h5py bool (enum) → boolean; 1-D
 * float64/int arrays → number[]; string arrays → string[]; float32 arrays and any array of rank ≥ 2
 * → NdArray; groups → nested Metadata. Anything else (vlen, compound…) is skipped with a warning.
 * Writing mirrors it: number → int64 if whole else float64; number[] → float64 (n,);
 * NdArray → float32 with its shape; string[] → vlen UTF-8 (n,).
 * h5wasm cannot create HDF5 enums, so a boolean is written as an int8 scalar marked with the
 * attribute `spikelab_type = "bool"` (nir.read ignores attributes and sees 0/1), read back as boolean.
 */
import type { H5Dataset, H5Group, H5WriteDataset, H5WriteGroup } from '../hdf5';
import { isNdArrayValue } from './ndarrays';
import type { Metadata, MetaValue } from '../graph/types';
import type { WarningList } from './warnings';
import { emptyRecord } from '../core/records';
import { float32Of, numbersOf, stringsOf } from './h5fields';

const BOOL_MARK = 'spikelab_type';

function isMarkedBool(ds: H5Dataset): boolean {
  const mark = ds.attrs[BOOL_MARK]?.value;
  return Array.isArray(mark) && mark[0] === 'bool';
}

export function readMetadata(group: H5Group, where: string, warnings: WarningList, node?: string): Metadata {
  const out: Metadata = emptyRecord<MetaValue>();
  for (const [key, child] of Object.entries(group.children)) {
    if (child.kind === 'group') {
      out[key] = readMetadata(child, `${where}/${key}`, warnings, node);
      continue;
    }
    const { dtype, shape } = child;
    const strings = stringsOf(child);
    if (strings) {
      out[key] = shape.length === 0 ? strings[0] : strings;
    } else if (dtype.class === 'bool' || isMarkedBool(child)) {
      const values = numbersOf(child, `${where}/${key}`);
      out[key] = shape.length === 0 ? values[0] !== 0 : values;
    } else if (dtype.class === 'int' || dtype.class === 'float') {
      if (shape.length === 0) out[key] = numbersOf(child, `${where}/${key}`)[0];
      else if (shape.length === 1 && !(dtype.class === 'float' && dtype.bytes <= 4)) out[key] = numbersOf(child, `${where}/${key}`);
      else out[key] = { shape: [...shape], data: float32Of(child, `${where}/${key}`) };
    } else {
      warnings.add('NIR_METADATA_SKIPPED', `Metadata ${where}/${key} (${dtype.class}) cannot be shown or kept by Spikelab; it was left out.`, node);
    }
  }
  return out;
}

function metaDataset(value: Exclude<MetaValue, Metadata>): H5WriteDataset {
  if (typeof value === 'string') return { kind: 'dataset', dtype: 'string', shape: [], value: [value] };
  if (typeof value === 'boolean') return { kind: 'dataset', dtype: 'int8', shape: [], value: [value ? 1 : 0], attrs: { [BOOL_MARK]: 'bool' } };
  if (typeof value === 'number') {
    return Number.isSafeInteger(value)
      ? { kind: 'dataset', dtype: 'int64', shape: [], value: [value] }
      : { kind: 'dataset', dtype: 'float64', shape: [], value: [value] };
  }
  if (isNdArrayValue(value)) return { kind: 'dataset', dtype: 'float32', shape: [...value.shape], value: value.data, compression: 'gzip' };
  if (value.length > 0 && typeof value[0] === 'string') return { kind: 'dataset', dtype: 'string', shape: [value.length], value: value as string[] };
  return { kind: 'dataset', dtype: 'float64', shape: [value.length], value: value as number[], compression: 'gzip' };
}

export function writeMetadata(metadata: Metadata): H5WriteGroup {
  const children: H5WriteGroup['children'] = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (value === undefined) continue;
    const isGroup = typeof value === 'object' && !Array.isArray(value) && !isNdArrayValue(value);
    children[key] = isGroup ? writeMetadata(value as Metadata) : metaDataset(value as Exclude<MetaValue, Metadata>);
  }
  return { kind: 'group', children };
}
