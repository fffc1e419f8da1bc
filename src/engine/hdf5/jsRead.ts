/**
 * The HDF5 reader in JavaScript: groups, datasets and attributes parsed from the file's bytes
 * (./format/), values decoded without h5wasm. Why: each h5wasm call opens its object by path
 * and costs 0.05–0.13 ms, five or six of them per dataset, so a 10,000-node NIR file took 22 s;
 * parsing the object headers here costs microseconds. And why it must be this way for safety:
 * HDF5's deflate filter inflates a chunk without bound (a 1 MB chunk can inflate to 1 GB inside
 * the wasm heap, which never shrinks), so every chunk is inflated here into a buffer of exactly
 * its declared size (./format/unfilter.ts) and vlen payloads are charged from their declared
 * lengths before they are decoded.
 * What the JavaScript side does not parse (an `Unsupported` structure: nbit or scaleoffset
 * filters, the shared-message heap, vlen sequences of non-numbers, filtered fractal heaps) is
 * read by h5wasm (./wasmRead.ts) for that object only, after its chunks were checked here; at
 * most MAX_WASM_OBJECTS objects per file go that slower way, so no file can make the reader slow.
 */
import { SpikelabError } from '../core/errors';
import { tooManyBytes } from '../core/limits';
import { emptyRecord } from '../core/records';
import { DECODABLE_FILTERS, unsupportedFilterError } from './filters';
import { objectAttributes, type RawAttribute } from './format/attributes';
import { chunkBytes } from './format/chunks';
import { checkChunks, datasetInfo, rawElements, type DatasetInfo, type Rows } from './format/dataset';
import { GlobalHeaps } from './format/globalHeapObjects';
import { groupLinks, type Link } from './format/links';
import { MSG, readObjectHeader, type ObjectHeader } from './format/objectHeader';
import { readSuperblock } from './format/superblock';
import { decodeValue, vlenPayload } from './format/values';
import { FileView, Unsupported, utf8 } from './format/view';
import { MAX_OBJECTS, type ReadLimits } from './limits';
import type { H5Module } from './module';
import type { H5Attribute, H5Dataset, H5Filter, H5Group, H5Value } from './tree';
import { closeWasm, openWasm, requireWasmDataset, wasmAddress, wasmAttributes, wasmDataset, wasmMember, wasmNames, wasmRows, wasmValue, type WasmFile } from './wasmRead';

/** Objects of one file that may be read through h5wasm (~0.5 ms each): 20,000 keep that under 10 s. */
export const MAX_WASM_OBJECTS = 20_000;

type Kind = 'group' | 'dataset' | 'datatype';

/**
 * Bytes one element costs once decoded: its stored size, and for elements that become JavaScript
 * objects (a string, a vlen sequence's typed array) what V8 spends on each, so that the budget
 * bounds the real memory (256 MiB of 16-byte vlen references would otherwise be 16 M strings).
 */
function elementCost(type: DatasetInfo['type']): number {
  const stored = Math.max(type.memSize, type.size);
  if (type.dtype.class === 'string') return stored + 64;
  if (type.dtype.class === 'vlen') return stored + 128;
  return stored;
}

function join(parent: string, name: string): string {
  return parent === '/' ? `/${name}` : `${parent}/${name}`;
}

function linkError(link: Link, path: string): SpikelabError {
  if (link.kind === 'soft') {
    return new SpikelabError('HDF5_LINK', `${path} is a soft link (to ${link.target}), not a group or dataset; this reader does not follow links.`,
      'Store the object itself at that name (in h5py, copy it: f.copy(source, name)).', path);
  }
  if (link.kind === 'external') {
    return new SpikelabError('HDF5_LINK', `${path} is an external link (to ${link.file}:${link.path}); this reader never opens other files.`, 'Store the object itself in this file.', path);
  }
  return new SpikelabError('HDF5_LINK', `${path} is a link that does not lead to a group or dataset of this file.`, 'Store the object itself at that name.', path);
}

/** Adds `where` to damage found without knowing the object, and turns allocation failures into HDF5_TOO_LARGE. */
function relocated(error: unknown, path: string): unknown {
  if (error instanceof SpikelabError) {
    if (error.where === undefined && error.code === 'HDF5_CORRUPT') return new SpikelabError(error.code, error.message.replace(/\.$/, ` (at ${path}).`), error.hint, path);
    return error;
  }
  if (error instanceof RangeError) return new SpikelabError('HDF5_TOO_LARGE', `Not enough memory to read ${path} (${error.message}).`, 'Close other tabs or use a smaller file.', path);
  return error;
}

function located<T>(path: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw relocated(error, path);
  }
}

/** Shared by every dataset without filters (the tree is read-only data). */
const NO_FILTERS: H5Filter[] = Object.freeze([]) as unknown as H5Filter[];

export class JsReader {
  readonly file: FileView;
  private readonly heaps: GlobalHeaps;
  private readonly headers = new Map<number, ObjectHeader>();
  private readonly links = new Map<number, Map<string, Link>>();
  private readonly root: number;
  private wasm?: WasmFile;
  private wasmObjects = 0;

  constructor(private readonly bytes: Uint8Array, superblock: number, private readonly module: H5Module, readonly limits: ReadLimits) {
    this.file = new FileView(bytes);
    this.root = readSuperblock(this.file, superblock).root;
    this.heaps = new GlobalHeaps(this.file);
  }

  close(): void {
    if (this.wasm) closeWasm(this.wasm);
    this.wasm = undefined;
  }

  /** The whole tree from the root group. */
  tree(withValues: boolean): H5Group {
    return this.group(this.root, '/', withValues, 0);
  }

  /** The dataset at `path` (no links followed), with its value. */
  dataset(given: string): H5Dataset {
    const path = normalise(given);
    const { header, kind } = this.resolve(path);
    if (kind !== 'dataset') throw noDataset(path);
    return this.datasetOf(header, path, true);
  }

  /** Rows [start, start + count) along dimension 0 of the dataset at `path`, only the chunks they touch decoded. */
  rows(given: string, start: number, count: number): H5Value {
    const path = normalise(given);
    const { header, kind } = this.resolve(path);
    if (kind !== 'dataset') throw noDataset(path);
    return located(path, () => {
      let info: DatasetInfo;
      try {
        info = datasetInfo(this.file, header);
      } catch (error) {
        if (!(error instanceof Unsupported)) throw error;
        return this.viaWasm(path, error, (wasm) => {
          requireWasmDataset(wasm, path);
          return wasmRows(wasm, this.limits, path, start, count);
        });
      }
      refuseVirtual(info, path);
      const shape = info.space.shape ?? [];
      if (info.space.shape !== null && shape.length === 0 && info.type.dtype.class !== 'other') {
        throw new SpikelabError('HDF5_BAD_SELECTION', `Dataset ${path} is a scalar; it has no rows.`, 'Read it whole with dataset(path).', path);
      }
      const from = Math.max(0, Math.min(start, shape[0] ?? 0));
      const n = Math.max(0, Math.min(count, (shape[0] ?? 0) - from));
      return this.value(info, path, { start: from, count: n });
    });
  }

  /** An object header; groups' headers are kept (path lookups and hard-linked subtrees repeat them), datasets' are not. */
  private header(address: number, path: string): ObjectHeader {
    const known = this.headers.get(address);
    if (known) return known;
    let header: ObjectHeader;
    try {
      header = readObjectHeader(this.file, address, path);
    } catch (error) {
      throw relocated(error, path);
    }
    if (header.messages.some((m) => m.type === MSG.SYMBOL_TABLE || m.type === MSG.LINK_INFO)) this.headers.set(address, header);
    return header;
  }

  private kindOf(header: ObjectHeader, path: string): Kind {
    let datatype = false;
    let dataspace = false;
    for (const m of header.messages) {
      if (m.type === MSG.SYMBOL_TABLE || m.type === MSG.LINK_INFO) return 'group';
      if (m.type === MSG.DATATYPE) datatype = true;
      else if (m.type === MSG.DATASPACE) dataspace = true;
    }
    if (datatype && dataspace) return 'dataset';
    if (datatype) return 'datatype';
    throw new SpikelabError('HDF5_CORRUPT', `The HDF5 object ${path} is neither a group, a dataset nor a datatype; the file is damaged.`, 'Download or export the file again.', path);
  }

  /** Members of the group at `address`, by name (cached: path lookups repeat). */
  private memberMap(header: ObjectHeader, path: string): Map<string, Link> | undefined {
    let map = this.links.get(header.address);
    if (!map) {
      const links = located(path, () => groupLinks(this.file, header));
      if (!links) return undefined;
      map = new Map(links.map((l) => [utf8(l.name), l]));
      this.links.set(header.address, map);
    }
    return map;
  }

  private resolve(path: string): { header: ObjectHeader; kind: Kind } {
    const parts = path.split('/').filter((p) => p.length > 0);
    let header = this.header(this.root, '/');
    let at = '/';
    for (const part of parts) {
      let members: Map<string, Link> | undefined;
      try {
        members = this.memberMap(header, at);
      } catch (error) {
        if (!(error instanceof Unsupported)) throw error;
        const full = `/${parts.join('/')}`;
        const address = this.viaWasm(full, error, (wasm) => wasmAddress(wasm, full));
        const target = this.header(this.file.base + address, full);
        return { header: target, kind: this.kindOf(target, full) };
      }
      const child = join(at, part);
      const link = members?.get(part);
      if (!link) throw noDataset(`/${parts.join('/')}`);
      if (link.kind !== 'hard') throw linkError(link, child);
      header = this.header(link.address, child);
      at = child;
    }
    return { header, kind: this.kindOf(header, at) };
  }

  private group(address: number, path: string, withValues: boolean, depth: number): H5Group {
    this.limits.depth(depth, path);
    const header = this.header(address, path);
    let links: Link[] | undefined;
    try {
      links = groupLinks(this.file, header);
    } catch (error) {
      if (!(error instanceof Unsupported)) throw relocated(error, path);
      // h5wasm lists the members (one call each, counted); each is then read here.
      const names = this.viaWasm(path, error, (wasm) => wasmNames(wasm, path));
      links = [];
      for (const name of names) {
        const address = this.viaWasm(join(path, name), error, (wasm) => wasmMember(wasm, join(path, name)));
        if (address !== undefined) links.push({ name: new TextEncoder().encode(name), kind: 'hard', address: this.file.base + address });
      }
    }
    if (!links) throw new SpikelabError('HDF5_CORRUPT', `The HDF5 object ${path} is not a group; the file is damaged.`, 'Download or export the file again.', path);
    const group: H5Group = { kind: 'group', attrs: this.attributes(header, path), children: emptyRecord() };
    const limits = this.limits;
    if (limits.objects + links.length > MAX_OBJECTS) limits.visit(`${path} (${links.length} members)`, links.length); // refuse before reading any
    limits.admitGroup?.(path, links.length);
    for (const link of links) {
      const name = utf8(link.name);
      const child = join(path, name);
      limits.visit(child);
      if (link.kind !== 'hard') throw linkError(link, child);
      const target = this.header(link.address, child);
      const kind = this.kindOf(target, child);
      if (kind === 'group') group.children[name] = this.group(link.address, child, withValues, depth + 1);
      else if (kind === 'dataset') group.children[name] = this.datasetOf(target, child, withValues);
    }
    return group;
  }

  private attributes(header: ObjectHeader, path: string): Record<string, H5Attribute> {
    let raw: RawAttribute[];
    try {
      raw = objectAttributes(this.file, header);
    } catch (error) {
      if (!(error instanceof Unsupported)) throw relocated(error, path);
      return this.viaWasm(path, error, (wasm) => wasmAttributes(wasm, this.limits, path));
    }
    const attrs = emptyRecord<H5Attribute>();
    if (raw.length === 0) return attrs;
    for (const a of raw) {
      const name = utf8(a.name);
      const where = `${path}@${name}`;
      this.limits.visit(where);
      try {
        attrs[name] = this.attribute(a, where);
      } catch (error) {
        if (!(error instanceof Unsupported)) throw relocated(error, where);
        return this.viaWasm(path, error, (wasm) => wasmAttributes(wasm, this.limits, path));
      }
    }
    return attrs;
  }

  private attribute(a: RawAttribute, where: string): H5Attribute {
    const { dtype } = a.type;
    const shape = a.space.shape ?? [];
    if (dtype.class === 'other' || a.space.shape === null) return { dtype, shape, value: null };
    const count = shape.reduce((x, y) => x * y, 1);
    this.limits.spend(elementCost(a.type) * count, where);
    if (a.dataSize < count * a.type.size) throw new SpikelabError('HDF5_CORRUPT', `The attribute ${where} stores ${a.dataSize} bytes for ${count} elements; the file is damaged.`, 'Download or export the file again.', where);
    const raw = this.file.bytes.slice(a.dataAt, a.dataAt + count * a.type.size);
    return { dtype, shape, value: decodeValue(this.file, this.heaps, a.type, raw, count, (bytes) => this.limits.spend(bytes, where)) };
  }

  private datasetOf(header: ObjectHeader, path: string, withValue: boolean): H5Dataset {
    let info: DatasetInfo;
    try {
      info = datasetInfo(this.file, header);
    } catch (error) {
      if (!(error instanceof Unsupported)) throw relocated(error, path);
      return this.viaWasm(path, error, (wasm) => wasmDataset(wasm, this.limits, path, withValue));
    }
    refuseVirtual(info, path);
    const dataset: H5Dataset = {
      kind: 'dataset', dtype: info.type.dtype, shape: info.space.shape ?? [], value: null,
      filters: info.filters.length === 0 ? NO_FILTERS : info.filters.map((f) => ({ id: f.id, name: f.name })), layout: info.layout.kind === 'chunked' ? 'chunked' : 'contiguous',
      attrs: this.attributes(header, path),
    };
    this.limits.admit?.(path, dataset);
    if (withValue) {
      try {
        dataset.value = this.value(info, path);
      } catch (error) {
        if (!(error instanceof Unsupported)) throw relocated(error, path);
        dataset.value = this.viaWasm(path, error, (wasm) => wasmValue(wasm, this.limits, path));
      }
    }
    return dataset;
  }

  /** A dataset's elements (or rows of them), charged to the budget before they are allocated. */
  private value(info: DatasetInfo, path: string, rows?: Rows): H5Value {
    const { type } = info;
    if (type.dtype.class === 'other' || info.space.shape === null) return null;
    if (info.filters.length > 0) {
      const unsupported = info.filters.filter((f) => !DECODABLE_FILTERS.has(f.id));
      if (unsupported.length > 0) throw unsupportedFilterError(path, unsupported);
    }
    this.chunkFits(info, path);
    const shape = info.space.shape;
    const count = rows ? rows.count * shape.slice(1).reduce((a, b) => a * b, 1) : shape.reduce((a, b) => a * b, 1);
    const charge = (bytes: number) => this.limits.spend(bytes, path);
    if (count === 0) return decodeValue(this.file, this.heaps, type, new Uint8Array(0), 0, charge);
    this.limits.spend(elementCost(type) * count, path);
    return decodeValue(this.file, this.heaps, type, rawElements(this.file, info, path, rows), count, charge);
  }

  /**
   * A chunk is decoded into a buffer of its declared size (dimensions × element size), which the
   * file chooses apart from the dataset's shape: a 10-element dataset may declare 1 GiB chunks
   * (HDF5 would allocate them). The chunk must fit in what is left of the budget.
   */
  private chunkFits(info: DatasetInfo, path: string): void {
    if (info.layout.kind !== 'chunked') return;
    const bytes = chunkBytes(info.layout);
    if (bytes > this.limits.left) throw tooManyBytes('HDF5_TOO_LARGE', `A chunk of dataset ${path} (its declared dimensions [${info.layout.chunk.join(', ')}])`, bytes, this.limits.left, path);
  }

  /**
   * Runs `read` through h5wasm (opened on first need), counting it against MAX_WASM_OBJECTS.
   * Before h5wasm reads a dataset's elements, its chunks are checked and its vlen payloads
   * charged here (`beforeData`); a filtered dataset whose chunks cannot be checked is refused.
   */
  private viaWasm<T>(path: string, why: Unsupported, read: (wasm: WasmFile) => T): T {
    this.countWasm(1, path, why);
    if (!this.wasm) {
      this.wasm = openWasm(this.module, this.bytes);
      this.wasm.beforeData = (dataPath, rows) => this.beforeWasmData(dataPath, rows);
      this.wasm.willRead = (count, where) => this.countWasm(count, where, why);
    }
    return read(this.wasm);
  }

  private countWasm(count: number, path: string, why: Unsupported): void {
    this.wasmObjects += count;
    if (this.wasmObjects > MAX_WASM_OBJECTS) {
      throw new SpikelabError('HDF5_TOO_LARGE', `More than ${MAX_WASM_OBJECTS} objects of this file need the slower h5wasm reader (at ${path}: ${why.what}).`,
        'Re-save the file with h5py defaults (gzip, no nbit/scaleoffset filters, no shared-message table).', path);
    }
  }

  private beforeWasmData(path: string, rows?: Rows): boolean {
    const wasm = this.wasm!;
    return located(path, () => {
      const header = this.header(this.file.base + wasmAddress(wasm, path), path);
      let info: DatasetInfo;
      try {
        info = datasetInfo(this.file, header);
      } catch (error) {
        if (!(error instanceof Unsupported)) throw error;
        if (header.messages.some((m) => m.type === MSG.PIPELINE)) throw uncheckable(path, error.what);
        return false;
      }
      try {
        this.chunkFits(info, path);
        checkChunks(this.file, info, path, rows);
      } catch (error) {
        if (error instanceof Unsupported) throw uncheckable(path, error.what);
        throw error;
      }
      if (!info.type.vlen) return false;
      try {
        const raw = rawElements(this.file, info, path, rows);
        const count = raw.length / info.type.size;
        this.limits.spend(vlenPayload(this.file, info.type, raw, count), path);
        return true;
      } catch (error) {
        if (error instanceof Unsupported) return false;
        throw error;
      }
    });
  }
}

function normalise(path: string): string {
  return `/${path.split('/').filter((p) => p.length > 0).join('/')}`;
}

function refuseVirtual(info: DatasetInfo, path: string): void {
  if (info.layout.kind !== 'virtual') return;
  throw new SpikelabError('HDF5_VIRTUAL_DATASET', `Dataset ${path} is a virtual dataset (it maps data from other datasets); this reader does not follow it.`,
    'Store the data itself in the file (in h5py: f.create_dataset(name, data=...)).', path);
}

function noDataset(path: string): SpikelabError {
  return new SpikelabError('HDF5_NO_DATASET', `The file has no dataset ${path}.`, 'Check the path; structure() lists what the file holds.', path);
}

function uncheckable(path: string, what: string): SpikelabError {
  return new SpikelabError('HDF5_UNSUPPORTED_FILTER', `Dataset ${path} is compressed, and its chunks cannot be checked before decoding (${what}).`,
    'Re-save the file with h5py defaults (gzip, without a shared-message table).', path);
}
