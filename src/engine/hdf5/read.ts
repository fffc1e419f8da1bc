/**
 * Reading HDF5 bytes into the plain tree of tree.ts (whole file) or lazily (H5Reader).
 * Every value is read through h5wasm's low-level `get_dataset_data` / `get_attribute_data` into
 * a heap buffer and decoded by decode.ts, so float16 and vlen<float16> work (h5wasm's own
 * `.value` throws "Float16 not supported"). Work is bounded: total decoded bytes and depth are capped.
 * Names are data: children and attributes live in prototype-free records (../core/records.ts).
 * Soft and external links and virtual datasets are refused (HDF5_LINK, HDF5_VIRTUAL_DATASET):
 * nothing outside the file's own objects is ever followed. `admit` lets a caller refuse a
 * dataset from its declared dtype and shape before its value is allocated (the NIR reader caps
 * shape-like fields that way); vlen payloads are charged to the budget before they are copied.
 * Known limit: a damaged vlen reference whose global-heap address is garbage makes HDF5 itself
 * allocate a huge buffer before failing (h5py too: 3.6 s on such a file); here that ends in
 * HDF5_READ_FAILED after seconds, and the wasm memory it grew to is not given back.
 */
import { SpikelabError } from '../core/errors';
import { MAX_DECODED_BYTES, tooMany, tooManyBytes } from '../core/limits';
import { emptyRecord } from '../core/records';
import { decodeElements, dtypeOf, type RawMetadata } from './decode';
import { DECODABLE_FILTERS, unsupportedFilterError } from './filters';
import { h5, loadH5, removeTemp, tempPath, type H5Module } from './module';
import { checkGlobalHeaps } from './globalHeap';
import { checkSignature } from './signature';
import type { H5Attribute, H5Dataset, H5Filter, H5Group, H5ReadOptions, H5Reader, H5Value } from './tree';

const DEFAULT_MAX_DEPTH = 64;
/** Groups, datasets and attributes one whole-file read may visit. */
const MAX_OBJECTS = 1_000_000;

interface OpenFile {
  module: H5Module;
  fileId: bigint;
  path: string;
  budget: number;
  cap: number;
  maxDepth: number;
  objects: number;
  admit?: H5ReadOptions['admit'];
  admitGroup?: H5ReadOptions['admitGroup'];
}

async function openBytes(bytes: Uint8Array, options: H5ReadOptions = {}): Promise<OpenFile> {
  checkGlobalHeaps(bytes, checkSignature(bytes));
  const module = await loadH5();
  const path = tempPath();
  // canOwn: MEMFS keeps a view of the caller's bytes instead of copying them (SHD files are
  // hundreds of MB); the caller must not modify `bytes` while the file is open.
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
  const cap = options.maxBytes ?? MAX_DECODED_BYTES;
  return { module, fileId, path, budget: cap, cap, maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH, objects: 0, admit: options.admit, admitGroup: options.admitGroup };
}

function closeFile(file: OpenFile): void {
  try {
    file.module.close_file(file.fileId);
  } catch {
    // a damaged file may fail to close cleanly; the temporary copy is removed regardless
  }
  removeTemp(file.module, file.path);
}

/** Runs one low-level step; anything h5wasm throws (it throws plain Errors such as "error - name
 * not defined!" on damaged object headers) becomes HDF5_CORRUPT naming the object. */
function guard<T>(path: string, step: () => T): T {
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

/** Reserves `bytes` from the file's decode budget (guards against absurd declared shapes). */
function spend(file: OpenFile, bytes: number, where: string): void {
  if (!Number.isFinite(bytes) || bytes > file.budget) {
    throw tooManyBytes('HDF5_TOO_LARGE', `Dataset ${where} (with what the file decoded before it)`, file.cap - file.budget + bytes, file.cap, where);
  }
  file.budget -= bytes;
}

/** Counts one more object against MAX_OBJECTS (a file of a million tiny groups costs its tree). */
function visit(file: OpenFile, where: string, count = 1): void {
  file.objects += count;
  if (file.objects > MAX_OBJECTS) throw tooMany('HDF5_TOO_LARGE', `The file holds more groups, datasets and attributes than this reader visits (at ${where})`, file.objects, MAX_OBJECTS, undefined, where);
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

function readAttribute(file: OpenFile, objectPath: string, name: string): H5Attribute {
  const { module } = file;
  const meta = module.get_attribute_metadata(file.fileId, objectPath, name) as unknown as RawMetadata;
  const dtype = dtypeOf(meta);
  const shape = shapeOf(meta);
  const count = meta.total_size;
  if (dtype.class === 'other' || meta.shape === null) return { dtype, shape, value: null };
  spend(file, meta.size * count, `${objectPath}@${name}`);
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

function readAttributes(file: OpenFile, objectPath: string): Record<string, H5Attribute> {
  const attrs = emptyRecord<H5Attribute>();
  for (const name of file.module.get_attribute_names(file.fileId, objectPath)) {
    visit(file, `${objectPath}@${name}`);
    attrs[name] = readAttribute(file, objectPath, name);
  }
  return attrs;
}

/** Reads `count` rows from `start` along dim 0 (or everything when `rows` is undefined). */
function readData(file: OpenFile, path: string, meta: RawMetadata, filters: H5Filter[], rows?: { start: number; count: number }): H5Value {
  const { module } = file;
  const dtype = dtypeOf(meta);
  const shape = shapeOf(meta);
  if (dtype.class === 'other' || meta.shape === null) return null;
  let count = meta.total_size;
  let selection: [bigint[], bigint[], bigint[]] | null = null;
  if (rows) {
    if (shape.length === 0) throw new SpikelabError('HDF5_BAD_SELECTION', `Dataset ${path} is a scalar; it has no rows.`, 'Read it whole with dataset(path).', path);
    const start = Math.max(0, Math.min(rows.start, shape[0]));
    const n = Math.max(0, Math.min(rows.count, shape[0] - start));
    const rowSize = shape.slice(1).reduce((a, b) => a * b, 1);
    count = n * rowSize;
    selection = [[BigInt(n), ...shape.slice(1).map(BigInt)], [BigInt(start), ...shape.slice(1).map(() => 0n)], shape.map(() => 1n)];
  }
  const unsupported = filters.filter((f) => !DECODABLE_FILTERS.has(f.id));
  if (unsupported.length > 0) throw unsupportedFilterError(path, unsupported);
  if (count === 0) return decodeElements(new Uint8Array(0), meta, dtype, 0, module);
  const bytes = meta.size * count;
  spend(file, bytes, path);
  const pointer = malloc(module, bytes, path);
  try {
    const status = module.get_dataset_data(file.fileId, path, selection?.[0] ?? null, selection?.[1] ?? null, selection?.[2] ?? null, BigInt(pointer));
    if (status < 0) {
      throw new SpikelabError('HDF5_READ_FAILED', `HDF5 could not read dataset ${path}${filters.length ? ` (filters: ${filters.map((f) => f.name || f.id).join(', ')})` : ''}; the file is damaged.`, 'Download or export the file again.', path);
    }
    const raw = module.HEAPU8.slice(pointer, pointer + bytes);
    const payload = vlenPayload(raw, meta, count);
    if (payload > 0) {
      try {
        spend(file, payload, path);
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

function datasetAt(file: OpenFile, path: string, withValue: boolean): H5Dataset {
  return guard(path, () => datasetUnguarded(file, path, withValue));
}

function refuseVirtual(meta: RawMetadata, path: string): void {
  if (!meta.virtual_sources) return;
  const sources = meta.virtual_sources.map((s) => `${s.file_name}:${s.dset_name}`).slice(0, 3).join(', ');
  throw new SpikelabError('HDF5_VIRTUAL_DATASET', `Dataset ${path} is a virtual dataset (it maps data from ${sources || 'other datasets'}); this reader does not follow it.`,
    'Store the data itself in the file (in h5py: f.create_dataset(name, data=...)).', path);
}

function datasetUnguarded(file: OpenFile, path: string, withValue: boolean): H5Dataset {
  const meta = file.module.get_dataset_metadata(file.fileId, path) as unknown as RawMetadata;
  refuseVirtual(meta, path);
  // Only chunked datasets can have filters (and each h5wasm call costs ~0.1 ms: skip it otherwise).
  const filters = meta.chunks ? (file.module.get_dataset_filters(file.fileId, path) ?? []).map((f) => ({ id: f.id, name: f.name })) : [];
  const dataset: H5Dataset = {
    kind: 'dataset',
    dtype: dtypeOf(meta),
    shape: shapeOf(meta),
    value: null,
    filters,
    layout: meta.chunks ? 'chunked' : 'contiguous',
    attrs: readAttributes(file, path),
  };
  file.admit?.(path, dataset);
  if (withValue) dataset.value = readData(file, path, meta, filters);
  return dataset;
}

/** Refuses a soft link in place of an object (one cheap call per member). */
function refuseSoftLink(file: OpenFile, path: string): void {
  const soft = file.module.get_symbolic_link(file.fileId, path);
  if (typeof soft === 'string') {
    throw new SpikelabError('HDF5_LINK', `${path} is a soft link (to ${soft}), not a group or dataset; this reader does not follow links.`,
      'Store the object itself at that name (in h5py, copy it: f.copy(source, name)).', path);
  }
}

/** HDF5_LINK when `path` is an external link (checked where a member cannot be read or typed). */
function refuseExternalLink(file: OpenFile, path: string): void {
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
function member<T>(file: OpenFile, path: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    refuseExternalLink(file, path);
    throw error;
  }
}

function groupAt(file: OpenFile, path: string, withValues: boolean, depth: number): H5Group {
  if (depth > file.maxDepth) {
    throw new SpikelabError('HDF5_TOO_DEEP', `The file nests groups more than ${file.maxDepth} levels deep (at ${path}).`, 'Check that the file is what you meant to open.', path);
  }
  const { module } = file;
  const group: H5Group = { kind: 'group', attrs: guard(path, () => readAttributes(file, path)), children: emptyRecord() };
  const names = guard(path, () => module.get_names(file.fileId, path, false));
  if (file.objects + names.length > MAX_OBJECTS) visit(file, `${path} (${names.length} members)`, names.length); // refuse before reading any
  file.admitGroup?.(path, names.length);
  for (const name of names) {
    const child = join(path, name);
    visit(file, child);
    guard(child, () => refuseSoftLink(file, child));
    // get_type resolves the path: an external link (its file is never in MEMFS) comes back as a link type.
    const type = guard(child, () => module.get_type(file.fileId, child));
    if (type === module.H5G_GROUP) group.children[name] = member(file, child, () => groupAt(file, child, withValues, depth + 1));
    else if (type === module.H5G_DATASET) group.children[name] = member(file, child, () => datasetAt(file, child, withValues));
    else {
      refuseExternalLink(file, child);
      if (type !== module.H5G_TYPE) {
        throw new SpikelabError('HDF5_LINK', `${child} is a link that does not lead to a group or dataset of this file.`, 'Store the object itself at that name.', child);
      }
    }
  }
  return group;
}

function normalise(path: string): string {
  return `/${path.split('/').filter((p) => p.length > 0).join('/')}`;
}

function requireDataset(file: OpenFile, path: string): string {
  const full = normalise(path);
  if (guard(full, () => file.module.get_type(file.fileId, full)) !== file.module.H5G_DATASET) {
    throw new SpikelabError('HDF5_NO_DATASET', `The file has no dataset ${full}.`, 'Check the path; structure() lists what the file holds.', full);
  }
  return full;
}

/** Reads the whole file: every group, attribute and dataset value. */
export async function readH5(bytes: Uint8Array, options?: H5ReadOptions): Promise<H5Group> {
  const file = await openBytes(bytes, options);
  try {
    return groupAt(file, '/', true, 0);
  } finally {
    closeFile(file);
  }
}

/** Opens the file for lazy reads. The file system keeps a view of `bytes` (no copy) until
 * `close()`: do not modify them meanwhile. */
export async function openH5(bytes: Uint8Array, options?: H5ReadOptions): Promise<H5Reader> {
  const file = await openBytes(bytes, { maxBytes: Number.MAX_SAFE_INTEGER, ...options });
  let open = true;
  const ensureOpen = () => {
    if (!open) throw new SpikelabError('HDF5_CLOSED', 'This HDF5 file was already closed.', 'Open it again with openH5(bytes).');
  };
  return {
    structure() {
      ensureOpen();
      file.objects = 0;
      return groupAt(file, '/', false, 0);
    },
    dataset(path) {
      ensureOpen();
      return datasetAt(file, requireDataset(file, path), true);
    },
    readRows(path, start, count) {
      ensureOpen();
      const full = requireDataset(file, path);
      return guard(full, () => {
        const meta = file.module.get_dataset_metadata(file.fileId, full) as unknown as RawMetadata;
        const filters = (file.module.get_dataset_filters(file.fileId, full) ?? []).map((f) => ({ id: f.id, name: f.name }));
        return readData(file, full, meta, filters, { start, count });
      });
    },
    close() {
      if (!open) return;
      open = false;
      closeFile(file);
    },
  };
}
