import { SpikelabError } from '../../core/errors';
import { dataError } from '../errors';

/**
 * Just enough ZIP to open tonic's `shd_train.h5.zip`: find the entry by the central directory
 * (so archives written with data descriptors work), then store (method 0) or raw deflate
 * (method 8). ZIP64 and encryption are refused. Little-endian throughout (APPNOTE 6.3).
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As the central directory declares it (sizes the output buffer; the cap still applies). */
  uncompressedSize: number;
  dataOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
}

function badZip(what: string, where?: string): never {
  throw dataError('DATA_BAD_ARCHIVE', `This zip archive cannot be opened: ${what}.`, 'Unzip it yourself and drop the file inside.', where);
}

export function listZip(bytes: Uint8Array, where?: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) badZip('it has no end-of-central-directory record (truncated?)', where);
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) badZip('its central directory is damaged', where);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (flags & 1) badZip(`${name} is encrypted`, where);
    if (compressedSize === 0xffffffff || local === 0xffffffff) badZip(`${name} needs ZIP64`, where);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) badZip(`the local header of ${name} is damaged`, where);
    const dataOffset = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (dataOffset + compressedSize > bytes.length) badZip(`${name} runs past the end of the archive`, where);
    entries.push({ name, method, compressedSize, uncompressedSize, dataOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The bytes of one entry; `inflateRaw` undoes method 8 (given the declared size; it applies its own cap). */
export async function readZipEntry(bytes: Uint8Array, entry: ZipEntry, inflateRaw: (data: Uint8Array, expectedBytes: number) => Promise<Uint8Array>, where?: string): Promise<Uint8Array> {
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8) badZip(`${entry.name} uses compression method ${entry.method}`, where);
  try {
    return await inflateRaw(data, entry.uncompressedSize);
  } catch (error) {
    if (error instanceof SpikelabError && error.code === 'DATA_TOO_LARGE') throw error;
    return badZip(`${entry.name} does not inflate (${error instanceof Error ? error.message : String(error)})`, where);
  }
}
