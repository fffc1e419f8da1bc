/**
 * Hostile HDF5 files for tests and the fuzz corpus (scripts/fuzz): what writeH5 refuses to make on
 * purpose. A HostileGroup is an H5WriteGroup whose members may also be
 *   { kind: 'softLink', target }              a soft link (possibly dangling or to an ancestor)
 *   { kind: 'externalLink', file, target }    a link into another file (never opened by the reader)
 *   { kind: 'hardLink', target }              a second name for an object written before it (an
 *                                             absolute path): 100,000 nodes sharing one group are 11 MB
 *   { kind: 'fill', dtype, shape, chunks }    a chunked dataset with no stored chunk: HDF5 stores
 *                                             nothing and a reader gets the fill value for every element
 * `toHostile(readH5(bytes))` turns a file back into this form, so a generator can start from a real
 * NIR file, change one thing, and write it again with writeHostileH5.
 */
import { h5, writtenFile } from '../module';
import type { H5Dataset, H5Group, H5WriteDataset, H5WriteDType } from '../tree';

export type HostileMember =
  | H5WriteDataset
  | HostileGroup
  | { kind: 'softLink'; target: string }
  | { kind: 'externalLink'; file: string; target: string }
  | { kind: 'hardLink'; target: string }
  | { kind: 'fill'; dtype: Exclude<H5WriteDType, 'string'>; shape: number[]; chunks: number[] };

export interface HostileGroup {
  kind: 'group';
  children: Record<string, HostileMember>;
}

const DTYPES: Record<Exclude<H5WriteDType, 'string'>, string> = {
  float32: '<f', float64: '<d', int8: '<b', int16: '<h', int32: '<i', int64: '<q', uint8: '<B', uint16: '<H', uint32: '<I',
};

type Group = InstanceType<typeof h5.Group>;

function typed(dtype: Exclude<H5WriteDType, 'string'>, values: ArrayLike<number>): ArrayBufferView {
  switch (dtype) {
    case 'float32': return Float32Array.from(values);
    case 'float64': return Float64Array.from(values);
    case 'int8': return Int8Array.from(values);
    case 'int16': return Int16Array.from(values);
    case 'int32': return Int32Array.from(values);
    case 'int64': return BigInt64Array.from(Array.from(values, (v) => BigInt(Math.trunc(Number.isFinite(v) ? v : 0))));
    case 'uint8': return Uint8Array.from(values);
    case 'uint16': return Uint16Array.from(values);
    case 'uint32': return Uint32Array.from(values);
  }
}

function writeMember(group: Group, name: string, member: HostileMember): void {
  switch (member.kind) {
    case 'group':
      writeChildren(group.create_group(name), member);
      return;
    case 'softLink':
      group.create_soft_link(member.target, name);
      return;
    case 'externalLink':
      group.create_external_link(member.file, member.target, name);
      return;
    case 'hardLink':
      group.create_hard_link(member.target, name);
      return;
    case 'fill': {
      const empty = member.shape.map(() => 0);
      group.create_dataset({ name, data: typed(member.dtype, []) as Float32Array, shape: empty, maxshape: member.shape.map(() => null), chunks: member.chunks, dtype: DTYPES[member.dtype] });
      (group.get(name) as unknown as { resize(shape: number[]): void }).resize(member.shape);
      return;
    }
    case 'dataset': {
      if (member.dtype === 'string') {
        const data = member.value as string[];
        group.create_dataset({ name, data: member.shape.length === 0 ? data[0] : data, shape: member.shape, dtype: 'S' });
        return;
      }
      const size = member.shape.reduce((a, b) => a * b, 1);
      const gzip = member.compression === 'gzip' && member.shape.length > 0 && size > 0;
      group.create_dataset({
        name, data: typed(member.dtype, member.value as ArrayLike<number>) as Float32Array, shape: member.shape, dtype: DTYPES[member.dtype],
        ...(gzip ? { chunks: member.shape, compression: 'gzip' as const, compression_opts: 9 } : {}),
      });
    }
  }
}

function writeChildren(group: Group, spec: HostileGroup): void {
  for (const [name, member] of Object.entries(spec.children)) writeMember(group, name, member);
}

/** Writes `root` as HDF5 bytes, links and fill-value datasets included. */
export async function writeHostileH5(root: HostileGroup): Promise<Uint8Array> {
  return writtenFile((file) => writeChildren(file, root));
}

function writeDType(dataset: H5Dataset): H5WriteDType {
  const { dtype } = dataset;
  if (dtype.class === 'string') return 'string';
  if (dtype.class === 'float') return dtype.bytes === 8 ? 'float64' : 'float32';
  if (dtype.class === 'int') return dtype.bytes === 8 ? 'int64' : (`${dtype.signed ? 'int' : 'uint'}${dtype.bytes * 8}` as H5WriteDType);
  return 'int8';
}

/** A read tree (values decoded) in the writable form, attributes dropped. */
export function toHostile(group: H5Group): HostileGroup {
  const children: Record<string, HostileMember> = {};
  for (const [name, child] of Object.entries(group.children)) {
    if (child.kind === 'group') {
      children[name] = toHostile(child);
      continue;
    }
    const dtype = writeDType(child);
    const value = child.value;
    const values = Array.isArray(value) ? (value as unknown[]).map((v) => (typeof v === 'boolean' ? Number(v) : v)) : value;
    children[name] = { kind: 'dataset', dtype, shape: [...child.shape], value: (values ?? []) as ArrayLike<number> | string[], compression: child.filters.length > 0 ? 'gzip' : 'none' };
  }
  return { kind: 'group', children };
}
