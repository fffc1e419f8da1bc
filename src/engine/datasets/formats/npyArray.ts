/**
 * One .npy array whose data is read when it is needed, chunk by chunk: a dropped `.npy` file, or
 * an entry of a `.npz` (formats/npz.ts). `values()` yields the elements in file order, decoded
 * (formats/npy.ts), a chunk at a time, so an array larger than memory can be packed as it is read;
 * it checks that the file holds all the data its header declares, and the zip CRC-32 where there
 * is one.
 */
import { ownDataError } from '../own/errors';
import type { ByteSource } from './byteSource';
import { crc32 } from './crc32';
import { decodeElements, decodeStrings, describeNpy, NPY_PREAMBLE_BYTES, npyHeaderLength, parseNpyHeader, type NpyHeader } from './npy';

export interface NpyArray {
  /** The array's name: the .npz key ("spikes") or the file's stem. */
  name: string;
  /** "data.npz: spikes.npy" or "spikes.npy", for messages. */
  where: string;
  header: NpyHeader;
  /** The data bytes in file order, in chunks of any size (exactly header.dataBytes in all). */
  bytes(): AsyncGenerator<Uint8Array>;
}

/** A stream's next chunk; a failure (a deflate stream that does not inflate, a file that went away) becomes a DATA_ error. */
async function nextChunk(reader: ReadableStreamDefaultReader<Uint8Array>, where: string, zipped: boolean): Promise<ReadableStreamReadResult<Uint8Array>> {
  try {
    return await reader.read();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw zipped
      ? ownDataError('DATA_BAD_NPZ', `${where} does not decompress (${why}): the archive is damaged.`, 'Copy or save the .npz again.', where)
      : ownDataError('DATA_BAD_NPY', `${where} could not be read (${why}).`, 'The file may have been moved or changed since it was dropped: drop it again.', where);
  }
}

/** Bytes [skip, skip + length) of a stream, checking it holds them (and its CRC-32 over everything, when given, and at most `maxTotal` bytes in all). */
export async function* exactBytes(stream: ReadableStream<Uint8Array>, skip: number, length: number, where: string, expectedCrc?: number, maxTotal = Infinity): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let seen = 0;
  let crc = 0;
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await nextChunk(reader, where, expectedCrc !== undefined);
      if (done) break;
      if (expectedCrc !== undefined) crc = crc32(value, crc);
      const start = Math.max(0, skip - seen);
      const end = Math.min(value.length, skip + length - seen);
      seen += value.length;
      if (seen > maxTotal) {
        throw ownDataError('DATA_BAD_NPZ', `${where} inflates to more than the ${maxTotal} bytes its archive declares: the archive is damaged or hostile.`, 'Save the .npz again with NumPy.', where);
      }
      if (end > start) yield value.subarray(start, end);
      if (seen >= skip + length && expectedCrc === undefined) break;
    }
    if (seen < skip + length) {
      throw ownDataError('DATA_BAD_NPY', `${where} ends after ${Math.max(0, seen - skip)} of the ${length} data bytes its header declares.`,
        'The file was cut short: copy or save it again.', where);
    }
    if (expectedCrc !== undefined && crc !== expectedCrc) {
      throw ownDataError('DATA_BAD_NPZ', `${where} fails its CRC-32 check: the archive is damaged.`, 'Copy or save the .npz again.', where);
    }
    finished = true;
  } finally {
    if (!finished) void reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** Reads the header of a stream's .npy (its first bytes), then stops the stream. */
export async function headerOfStream(stream: ReadableStream<Uint8Array>, where: string, zipped = true): Promise<NpyHeader> {
  const reader = stream.getReader();
  let head = new Uint8Array(0);
  let needed = NPY_PREAMBLE_BYTES;
  try {
    while (head.length < needed) {
      const { done, value } = await nextChunk(reader, where, zipped);
      if (done) break;
      const joined = new Uint8Array(head.length + value.length);
      joined.set(head);
      joined.set(value, head.length);
      head = joined;
      if (head.length >= NPY_PREAMBLE_BYTES) needed = npyHeaderLength(head.subarray(0, NPY_PREAMBLE_BYTES), where);
    }
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  if (head.length < NPY_PREAMBLE_BYTES) npyHeaderLength(head, where); // too short: says what it holds
  return parseNpyHeader(head, where);
}

function truncated(where: string, header: NpyHeader, holds: number): never {
  throw ownDataError('DATA_BAD_NPY', `${where} holds ${holds} bytes of data, but its header declares ${describeNpy(header)} = ${header.dataBytes} bytes.`,
    'The file was cut short: copy or save it again.', where);
}

/** A dropped .npy file as an array (its header read now, its data when iterated). */
export async function openNpy(source: ByteSource, name = stemOf(source.name)): Promise<NpyArray> {
  const where = source.name;
  const length = npyHeaderLength(await source.read(0, NPY_PREAMBLE_BYTES), where);
  const header = parseNpyHeader(await source.read(0, length), where);
  if (source.size < header.dataOffset + header.dataBytes) truncated(where, header, source.size - header.dataOffset);
  return { name, where, header, bytes: () => exactBytes(source.stream(header.dataOffset, header.dataBytes), 0, header.dataBytes, where) };
}

/** "spikes.npy" → "spikes"; "a/b/x_train.npy" → "x_train". */
export function stemOf(name: string): string {
  return (name.split(/[\\/]/).pop() ?? name).replace(/\.npy$/i, '');
}

/** Decoded values of a numeric array in file order: each chunk with the index of its first element. */
export async function* npyValues(array: NpyArray): AsyncGenerator<{ values: ArrayLike<number>; first: number }> {
  const { itemSize } = array.header.dtype;
  let carry = new Uint8Array(0);
  let first = 0;
  for await (const chunk of array.bytes()) {
    let bytes = chunk;
    if (carry.length > 0) {
      bytes = new Uint8Array(carry.length + chunk.length);
      bytes.set(carry);
      bytes.set(chunk, carry.length);
    }
    const whole = bytes.length - (bytes.length % itemSize);
    carry = bytes.slice(whole);
    if (whole === 0) continue;
    const values = decodeElements(bytes.subarray(0, whole), array.header.dtype);
    yield { values, first };
    first += values.length;
  }
}

/** All the data of a small array (labels, class names) in one piece. */
export async function readNpyData(array: NpyArray): Promise<Uint8Array> {
  const out = new Uint8Array(array.header.dataBytes);
  let at = 0;
  for await (const chunk of array.bytes()) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** A small numeric array's values as numbers. */
export async function readNpyNumbers(array: NpyArray): Promise<ArrayLike<number>> {
  return decodeElements(await readNpyData(array), array.header.dtype);
}

/** A string array's values (class names). */
export async function readNpyStrings(array: NpyArray): Promise<string[]> {
  return decodeStrings(await readNpyData(array), array.header.dtype);
}
