/**
 * The h5wasm reader (HDF5 2.0 in WebAssembly), kept as the fallback of ./jsRead.ts for what the
 * JavaScript reader does not parse (nbit and scaleoffset filters, the shared-message heap, a few
 * rare structures) and for files whose superblock it does not know. Every value is read through
 * h5wasm's low-level `get_dataset_data` / `get_attribute_data` into a heap buffer and decoded by
 * decode.ts, so float16 and vlen<float16> work (h5wasm's own `.value` throws "Float16 not
 * supported"). Names are data: children and attributes live in prototype-free records.
 * Soft and external links and virtual datasets are refused (HDF5_LINK, HDF5_VIRTUAL_DATASET).
 * Before h5wasm reads a dataset's elements, `file.beforeData` (set by jsRead.ts) checks its
 * chunks (HDF5's deflate filter inflates a chunk without bound) and charges its vlen payloads
 * from their declared lengths; where it cannot (`false`: a datatype in the shared-message heap),
 * payloads are charged after the read, as are vlen attributes read here (dense attributes in a
 * filtered heap): both are outside what h5py or writeH5 produce.
 * Each h5wasm call costs 0.05–0.13 ms (it opens the object by path), which is why the JavaScript
 * reader exists: a 10,000-node NIR file took 22 s here.
 */
import { SpikelabError } from '../core/errors';
import { emptyRecord } from '../core/records';
import { decodeElements, dtypeOf, type RawMetadata } from './decode';
import { DECODABLE_FILTERS, unsupportedFilterError } from './filters';
import { h5, removeTemp, tempPath, type H5Module } from './module';
import { MAX_OBJECTS, type ReadLimits } from './limits';
import type { H5Attribute, H5Dataset, H5Filter, H5Group, H5Value } from './tree';

export interface WasmFile {
  module: H5Module;
  fileId: bigint;
  path: string;
  /** Called before a dataset's elements are read; returns true when it charged the vlen payloads. */
  beforeData?: (path: string, rows?: { start: number; count: number }) => boolean;
  /** Called with the number of members or attributes about to be read one call each (the caller caps them). */
  willRead?: (count: number, where: string) => void;
}

/** Opens `bytes` in h5wasm (the module must be loaded). MEMFS keeps a view of the bytes (canOwn), not a copy. */
export function openWasm(module: H5Module, bytes: Uint8Array): WasmFile {
  const path = tempPath();
  const writeFile = module.FS.writeFile as (path: string, data: Uint8Array, opts: { canOwn: boolean }) => void;
  writeFile(path, bytes, { canOwn: true });
  let fileId: bigint;
  try {
    fileId = new h5.File(path, 'r').file_id;
  } catch {
    fileId = -1n;
  }
  if (fileId < 0n) {
    removeTemp(module, path);
    throw new SpikelabError('HDF5_CORRUPT', 'The file has an HDF5 signature but its structure is damaged; HDF5 cannot open it.', 'Download or export the file again.');
  }
  return { module, fileId, path };
}

export function closeWasm(file: WasmFile): void {
  try {
    file.module.close_file(file.fileId);
  } catch {
    // a damaged file may fail to close cleanly; the temporary copy is removed regardless
  }
  removeTemp(file.module, file.path);
}

/** Runs one low-level step; anything h5wasm throws (plain Errors such as "error - name not defined!") becomes HDF5_CORRUPT naming the object. */
export function guard<T>(path: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof SpikelabError) throw error;
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new SpikelabError('HDF5_CORRUPT', `The HDF5 object ${path} is damaged and cannot be read (${detail}).`, 'Download or export the file again.', path);
  }
}

function join(parent: string, name: string): string {
  return parent === '/' ? `/${name}` : `${parent}/${name}`;
}

function shapeOf(meta: RawMetadata): number[] {
  return (meta.shape ?? []).map(Number);
}

/** Bytes the vlen sequences of a read buffer point to (length × element size, summed). */
function vlenPayload(raw: Uint8Array, meta: RawMetadata, count: number): number {
  const base = meta.vlen_type;
  if (!base || meta.type !== 9) return 0;
  const pairs = new Uint32Array(raw.buffer, raw.byteOffset, Math.min(count * 2, Math.floor(raw.byteLength / 4)));
  let total = 0;
  for (let i = 0; i < pairs.length; i += 2) total += pairs[i] * base.size;
  return total;
}

function malloc(module: H5Module, bytes: number, where: string): number {
  const pointer = module._malloc(Math.max(bytes, 1));
  if (!pointer) throw new SpikelabError('HDF5_TOO_LARGE', `Not enough memory to read ${where} (${bytes} bytes).`, 'Close other tabs or use a smaller file.', where);
  return pointer;
}

function readAttribute(file: WasmFile, limits: ReadLimits, objectPath: string, name: string): H5Attribute {
  const { module } = file;
  const meta = module.get_attribute_metadata(file.fileId, objectPath, name) as unknown as RawMetadata;
  const dtype = dtypeOf(meta);
  const shape = shapeOf(meta);
  const count = meta.total_size;
  if (dtype.class === 'other' || meta.shape === null) return { dtype, shape, value: null };
  limits.spend(meta.size * count, `${objectPath}@${name}`);
  const pointer = malloc(module, meta.size * count, name);
  try {
    module.get_attribute_data(file.fileId, objectPath, name, BigInt(pointer));
    const raw = module.HEAPU8.slice(pointer, pointer + meta.size * count);
    const value = decodeElements(raw, meta, dtype, count, module);
    if (meta.vlen || dtype.class === 'vlen') module.reclaim_vlen_memory(file.fileId, objectPath, name, BigInt(pointer));
    return { dtype, shape, value };
  } finally {
    module._free(pointer);
  }
}

export function wasmAttributes(file: WasmFile, limits: ReadLimits, objectPath: string): Record<string, H5Attribute> {
  return guard(objectPath, () => {
    const attrs = emptyRecord<H5Attribute>();
    const names = file.module.get_attribute_names(file.fileId, objectPath);
    file.willRead?.(names.length, objectPath);
    for (const name of names) {
      limits.visit(`${objectPath}@${name}`);
      attrs[name] = readAttribute(file, limits, objectPath, name);
    }
    return attrs;
  });
}

/** Reads `count` rows from `start` along dim 0 (or everything when `rows` is undefined). */
function readData(file: WasmFile, limits: ReadLimits, path: string, meta: RawMetadata, filters: H5Filter[], rows?: { start: number; count: number }): H5Value {
  const { module } = file;
  const dtype = dtypeOf(meta);
  const shape = shapeOf(meta);
  if (dtype.class === 'other' || meta.shape === null) return null;
  let count = meta.total_size;
  let selection: [bigint[], bigint[], bigint[]] | null = null;
  let start = 0;
  if (rows) {
    if (shape.length === 0) throw new SpikelabError('HDF5_BAD_SELECTION', `Dataset ${path} is a scalar; it has no rows.`, 'Read it whole with dataset(path).', path);
    start = Math.max(0, Math.min(rows.start, shape[0]));
    const n = Math.max(0, Math.min(rows.count, shape[0] - start));
    const rowSize = shape.slice(1).reduce((a, b) => a * b, 1);
    count = n * rowSize;
    selection = [[BigInt(n), ...shape.slice(1).map(BigInt)], [BigInt(start), ...shape.slice(1).map(() => 0n)], shape.map(() => 1n)];
  }
  const unsupported = filters.filter((f) => !DECODABLE_FILTERS.has(f.id));
  if (unsupported.length > 0) throw unsupportedFilterError(path, unsupported);
  if (count === 0) return decodeElements(new Uint8Array(0), meta, dtype, 0, module);
  const bytes = meta.size * count;
  limits.spend(bytes, path);
  const charged = file.beforeData?.(path, selection ? { start, count: Number(selection[0][0]) } : undefined) ?? false;
  const pointer = malloc(module, bytes, path);
  try {
    const status = module.get_dataset_data(file.fileId, path, selection?.[0] ?? null, selection?.[1] ?? null, selection?.[2] ?? null, BigInt(pointer));
    if (status < 0) {
      throw new SpikelabError('HDF5_READ_FAILED', `HDF5 could not read dataset ${path}${filters.length ? ` (filters: ${filters.map((f) => f.name || f.id).join(', ')})` : ''}; the file is damaged.`, 'Download or export the file again.', path);
    }
    const raw = module.HEAPU8.slice(pointer, pointer + bytes);
    const payload = charged ? 0 : vlenPayload(raw, meta, count);
    if (payload > 0) {
      try {
        limits.spend(payload, path);
      } catch (error) {
        module.reclaim_vlen_memory(file.fileId, path, '', BigInt(pointer));
        throw error;
      }
    }
    const value = decodeElements(raw, meta, dtype, count, module);
    if (meta.vlen || dtype.class === 'vlen') {
      if (selection) module.reclaim_vlen_memory_count(file.fileId, path, '', BigInt(pointer), selection[0]);
      else module.reclaim_vlen_memory(file.fileId, path, '', BigInt(pointer));
    }
    return value;
  } finally {
    module._free(pointer);
  }
}

function refuseVirtual(meta: RawMetadata, path: string): void {
  if (!meta.virtual_sources) return;
  const sources = meta.virtual_sources.map((s) => `${s.file_name}:${s.dset_name}`).slice(0, 3).join(', ');
  throw new SpikelabError('HDF5_VIRTUAL_DATASET', `Dataset ${path} is a virtual dataset (it maps data from ${sources || 'other datasets'}); this reader does not follow it.`,
    'Store the data itself in the file (in h5py: f.create_dataset(name, data=...)).', path);
}

function filtersOf(file: WasmFile, path: string, meta: RawMetadata): H5Filter[] {
  // Only chunked datasets can have filters (and each h5wasm call costs ~0.1 ms: skip it otherwise).
  return meta.chunks ? (file.module.get_dataset_filters(file.fileId, path) ?? []).map((f) => ({ id: f.id, name: f.name })) : [];
}

/** One dataset: metadata, attributes, `admit`, then (with `withValue`) its elements. */
export function wasmDataset(file: WasmFile, limits: ReadLimits, path: string, withValue: boolean): H5Dataset {
  return guard(path, () => {
    const meta = file.module.get_dataset_metadata(file.fileId, path) as unknown as RawMetadata;
    refuseVirtual(meta, path);
    const filters = filtersOf(file, path, meta);
    const dataset: H5Dataset = {
      kind: 'dataset', dtype: dtypeOf(meta), shape: shapeOf(meta), value: null, filters,
      layout: meta.chunks ? 'chunked' : 'contiguous', attrs: wasmAttributes(file, limits, path),
    };
    limits.admit?.(path, dataset);
    if (withValue) dataset.value = readData(file, limits, path, meta, filters);
    return dataset;
  });
}

/** The whole value of the dataset at `path`. */
export function wasmValue(file: WasmFile, limits: ReadLimits, path: string): H5Value {
  return guard(path, () => {
    const meta = file.module.get_dataset_metadata(file.fileId, path) as unknown as RawMetadata;
    refuseVirtual(meta, path);
    return readData(file, limits, path, meta, filtersOf(file, path, meta));
  });
}

export function wasmRows(file: WasmFile, limits: ReadLimits, path: string, start: number, count: number): H5Value {
  return guard(path, () => {
    const meta = file.module.get_dataset_metadata(file.fileId, path) as unknown as RawMetadata;
    refuseVirtual(meta, path);
    return readData(file, limits, path, meta, filtersOf(file, path, meta), { start, count });
  });
}

/** Refuses a soft link in place of an object (one cheap call per member). */
function refuseSoftLink(file: WasmFile, path: string): void {
  const soft = file.module.get_symbolic_link(file.fileId, path);
  if (typeof soft === 'string') {
    throw new SpikelabError('HDF5_LINK', `${path} is a soft link (to ${soft}), not a group or dataset; this reader does not follow links.`,
      'Store the object itself at that name (in h5py, copy it: f.copy(source, name)).', path);
  }
}

/** HDF5_LINK when `path` is an external link (checked where a member cannot be read or typed). */
function refuseExternalLink(file: WasmFile, path: string): void {
  let external: { filename?: string; obj_path?: string } | undefined;
  try {
    external = file.module.get_external_link(file.fileId, path) as { filename?: string; obj_path?: string };
  } catch {
    return;
  }
  if (external?.filename !== undefined) {
    throw new SpikelabError('HDF5_LINK', `${path} is an external link (to ${external.filename}:${external.obj_path ?? ''}); this reader never opens other files.`,
      'Store the object itself in this file.', path);
  }
}

/** Reads one member: external links are named as such when they fail to open (they always do: MEMFS holds no other file). */
function member<T>(file: WasmFile, path: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    refuseExternalLink(file, path);
    throw error;
  }
}

/** A group and everything below it, read by h5wasm. */
export function wasmGroup(file: WasmFile, limits: ReadLimits, path: string, withValues: boolean, depth: number): H5Group {
  limits.depth(depth, path);
  const { module } = file;
  const group: H5Group = { kind: 'group', attrs: wasmAttributes(file, limits, path), children: emptyRecord() };
  const names = guard(path, () => module.get_names(file.fileId, path, false));
  if (limits.objects + names.length > MAX_OBJECTS) limits.visit(`${path} (${names.length} members)`, names.length); // refuse before reading any
  file.willRead?.(names.length, path);
  limits.admitGroup?.(path, names.length);
  for (const name of names) {
    const child = join(path, name);
    limits.visit(child);
    guard(child, () => refuseSoftLink(file, child));
    // get_type resolves the path: an external link (its file is never in MEMFS) comes back as a link type.
    const type = guard(child, () => module.get_type(file.fileId, child));
    if (type === module.H5G_GROUP) group.children[name] = member(file, child, () => wasmGroup(file, limits, child, withValues, depth + 1));
    else if (type === module.H5G_DATASET) group.children[name] = member(file, child, () => wasmDataset(file, limits, child, withValues));
    else {
      refuseExternalLink(file, child);
      if (type !== module.H5G_TYPE) {
        throw new SpikelabError('HDF5_LINK', `${child} is a link that does not lead to a group or dataset of this file.`, 'Store the object itself at that name.', child);
      }
    }
  }
  return group;
}

/** The member names of the group at `path`. */
export function wasmNames(file: WasmFile, path: string): string[] {
  const names = guard(path, () => file.module.get_names(file.fileId, path, false));
  file.willRead?.(names.length, path);
  return names;
}

/**
 * What the member at `path` is: a group or dataset (its object header address, relative to the
 * base address), undefined for a committed datatype; links are refused (HDF5_LINK).
 */
export function wasmMember(file: WasmFile, path: string): number | undefined {
  guard(path, () => refuseSoftLink(file, path));
  const type = guard(path, () => file.module.get_type(file.fileId, path));
  if (type === file.module.H5G_GROUP || type === file.module.H5G_DATASET) return member(file, path, () => wasmAddress(file, path));
  refuseExternalLink(file, path);
  if (type === file.module.H5G_TYPE) return undefined;
  throw new SpikelabError('HDF5_LINK', `${path} is a link that does not lead to a group or dataset of this file.`, 'Store the object itself at that name.', path);
}

/** The object header address (relative to the base address) of the object at `path`. */
export function wasmAddress(file: WasmFile, path: string): number {
  const ref = guard(path, () => file.module.create_object_reference(file.fileId, path)) as ArrayLike<number>;
  let value = 0;
  for (let i = Math.min(ref.length, 8) - 1; i >= 0; i--) value = value * 256 + ref[i];
  return value;
}

/** Whether `path` names a dataset (HDF5_NO_DATASET otherwise). */
export function requireWasmDataset(file: WasmFile, path: string): void {
  if (guard(path, () => file.module.get_type(file.fileId, path)) !== file.module.H5G_DATASET) {
    throw new SpikelabError('HDF5_NO_DATASET', `The file has no dataset ${path}.`, 'Check the path; structure() lists what the file holds.', path);
  }
}
