/**
 * A zip archive's entries read from a ByteSource (formats/byteSource.ts): the end-of-central-
 * directory record and the central directory from the end of the file, each entry's local header
 * when it is opened, never the whole archive. The same rules as formats/zip.ts (which works on
 * bytes in memory): sizes from the central directory, so archives written with data descriptors
 * (NumPy's np.savez, streamed zips) work; stored (0) or deflated (8) entries; encrypted and ZIP64
 * archives refused with DATA_BAD_ARCHIVE. Entries are read as streams (`entryStream`) or, when
 * small, whole (`readEntry`, through formats/zip.ts's `readZipEntry` and gzip.ts's inflate).
 */
import { dataError } from '../errors';
import type { ByteSource } from './byteSource';
import { streamGunzip } from './gzip';
import { isZip, readZipEntry, type ZipEntry } from './zip';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_SEARCH = 22 + 65535;

/** A central-directory entry; `localOffset` is resolved to the data offset on opening. */
export interface ZipSourceEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  localOffset: number;
}

function badZip(what: string, where: string): never {
  throw dataError('DATA_BAD_ARCHIVE', `${where} is a zip archive that cannot be opened: ${what}.`, 'Unzip it yourself and drop the files inside (or save arrays again with np.savez).', where);
}

export async function sourceIsZip(source: ByteSource): Promise<boolean> {
  return isZip(await source.read(0, 4));
}

export async function listZipSource(source: ByteSource): Promise<ZipSourceEntry[]> {
  const where = source.name;
  const tailStart = Math.max(0, source.size - EOCD_SEARCH);
  const tail = await source.read(tailStart, source.size - tailStart);
  const tailView = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tailView.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) badZip('it has no end-of-central-directory record (truncated?)', where);
  const count = tailView.getUint16(eocd + 10, true);
  const dirSize = tailView.getUint32(eocd + 12, true);
  const dirOffset = tailView.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) badZip('it needs ZIP64 (over 65,535 entries or 4 GB)', where);
  if (dirOffset + dirSize > source.size) badZip('its central directory lies past the end of the file', where);
  const dir = await source.read(dirOffset, dirSize);
  const view = new DataView(dir.buffer, dir.byteOffset, dir.byteLength);
  const entries: ZipSourceEntry[] = [];
  let at = 0;
  for (let k = 0; k < count; k++) {
    if (at + 46 > dir.length || view.getUint32(at, true) !== CENTRAL) badZip('its central directory is damaged', where);
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(dir.subarray(at + 46, at + 46 + nameLength));
    const entry: ZipSourceEntry = {
      name, method: view.getUint16(at + 10, true), crc32: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true), uncompressedSize: view.getUint32(at + 24, true), localOffset: view.getUint32(at + 42, true),
    };
    if (flags & 1) badZip(`${name} is encrypted`, where);
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localOffset === 0xffffffff) badZip(`${name} needs ZIP64 (over 4 GB)`, where);
    if (entry.method !== 0 && entry.method !== 8) badZip(`${name} uses compression method ${entry.method} (stored and deflated are read)`, where);
    entries.push(entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** Where an entry's data starts (after its local header, whose name and extra lengths may differ from the central directory's). */
export async function entryDataOffset(source: ByteSource, entry: ZipSourceEntry): Promise<number> {
  const local = await source.read(entry.localOffset, 30);
  const view = new DataView(local.buffer, local.byteOffset, local.byteLength);
  if (local.length < 30 || view.getUint32(0, true) !== LOCAL) badZip(`the local header of ${entry.name} is damaged`, source.name);
  const offset = entry.localOffset + 30 + view.getUint16(26, true) + view.getUint16(28, true);
  if (offset + entry.compressedSize > source.size) badZip(`${entry.name} runs past the end of the archive`, source.name);
  return offset;
}

/** The entry's uncompressed bytes as a stream (inflated as they arrive for method 8). */
export async function entryStream(source: ByteSource, entry: ZipSourceEntry): Promise<ReadableStream<Uint8Array>> {
  const raw = source.stream(await entryDataOffset(source, entry), entry.compressedSize);
  return entry.method === 0 ? raw : raw.pipeThrough(new DecompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>);
}

/** The whole entry, for small ones (labels, class names, a few-MB event file), through formats/zip.ts. */
export async function readEntry(source: ByteSource, entry: ZipSourceEntry): Promise<Uint8Array> {
  const dataOffset = await entryDataOffset(source, entry);
  const raw = await source.read(dataOffset, entry.compressedSize);
  const asZip: ZipEntry = { name: entry.name, method: entry.method, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize, dataOffset: 0 };
  return readZipEntry(raw, asZip, (data, expected) => streamGunzip.inflateRaw(data, undefined, expected), source.name);
}
