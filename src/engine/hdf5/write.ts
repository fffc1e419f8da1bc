/**
 * Writing an H5WriteGroup tree to HDF5 bytes with h5wasm (in MEMFS, then read back and unlinked).
 * Layout choices match h5py's defaults so every HDF5 reader accepts the file: strings are scalar
 * or array vlen UTF-8; numbers keep the requested dtype; gzip (deflate level 4) with one chunk
 * covering the whole dataset wherever HDF5 allows a filter (not scalars, not empty, not vlen).
 */
import { SpikelabError } from '../core/errors';
import { h5, writtenFile } from './module';
import type { H5WriteDataset, H5WriteDType, H5WriteGroup } from './tree';

const DTYPES: Record<Exclude<H5WriteDType, 'string'>, string> = {
  float32: '<f', float64: '<d', int8: '<b', int16: '<h', int32: '<i', int64: '<q', uint8: '<B', uint16: '<H', uint32: '<I',
};

type H5Group = InstanceType<typeof h5.Group>;

function typedValue(spec: H5WriteDataset): ArrayBufferView {
  const values = spec.value as ArrayLike<number>;
  switch (spec.dtype) {
    case 'float32': return Float32Array.from(values);
    case 'float64': return Float64Array.from(values);
    case 'int8': return Int8Array.from(values);
    case 'int16': return Int16Array.from(values);
    case 'int32': return Int32Array.from(values);
    case 'int64': return BigInt64Array.from(Array.from(values, (v) => BigInt(Math.trunc(v))));
    case 'uint8': return Uint8Array.from(values);
    case 'uint16': return Uint16Array.from(values);
    case 'uint32': return Uint32Array.from(values);
    case 'string': throw new Error('unreachable');
  }
}

function writeAttrs(target: H5Group, attrs: Record<string, string | number> | undefined): void {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (typeof value === 'string') target.create_attribute(name, value);
    else target.create_attribute(name, new Float64Array([value]), [], '<d');
  }
}

function writeDataset(group: H5Group, name: string, spec: H5WriteDataset, where: string): void {
  const size = spec.shape.reduce((a, b) => a * b, 1);
  if (spec.value.length !== size) {
    throw new SpikelabError('HDF5_WRITE_SHAPE', `Cannot write ${where}: ${spec.value.length} values for shape [${spec.shape.join(', ')}].`, 'This is a bug in the caller; the value count must equal the product of the shape.', where);
  }
  if (spec.dtype === 'string') {
    const data = spec.value as string[];
    group.create_dataset({ name, data: spec.shape.length === 0 ? data[0] : data, shape: spec.shape, dtype: 'S' });
  } else {
    const gzip = spec.compression !== 'none' && spec.shape.length > 0 && size > 0;
    group.create_dataset({
      name,
      data: typedValue(spec) as Float32Array,
      shape: spec.shape,
      dtype: DTYPES[spec.dtype],
      ...(gzip ? { chunks: spec.shape, compression: 'gzip' as const, compression_opts: 4 } : {}),
    });
  }
  const dataset = group.get(name);
  if (spec.attrs && dataset) writeAttrs(dataset as unknown as H5Group, spec.attrs);
}

function writeGroup(group: H5Group, spec: H5WriteGroup, where: string): void {
  writeAttrs(group, spec.attrs);
  for (const [name, child] of Object.entries(spec.children)) {
    if (name.length === 0 || name.includes('/') || name === '.') {
      throw new SpikelabError('HDF5_BAD_NAME', `Cannot write "${name}" in ${where}: HDF5 names must be non-empty, without "/", and not ".".`, 'Rename the node or key.', where);
    }
    const path = where === '/' ? `/${name}` : `${where}/${name}`;
    if (child.kind === 'group') writeGroup(group.create_group(name), child, path);
    else writeDataset(group, name, child, path);
  }
}

/** Writes `root` as a new HDF5 file and returns its bytes. */
export async function writeH5(root: H5WriteGroup): Promise<Uint8Array> {
  return writtenFile((file) => writeGroup(file, root, '/'));
}
