import { dataError } from '../errors';
import { SpikelabError } from '../../core/errors';
import { MAX_INFLATED_BYTES, RAISE_BYTES, formatBytes } from '../../core/limits';

/**
 * Gzip handling behind one tiny interface, so the same readers run in the browser worker
 * (DecompressionStream) and in Node (zlib, see gzipNode.ts). Files are recognised as gzip by
 * their magic bytes `1f 8b`, never by name or Content-Encoding (static hosts differ).
 *
 * Inflating is always a stream with a cap (`maxBytes`, default MAX_INFLATED_BYTES): a 2 MB gzip
 * bomb stops with DATA_TOO_LARGE once its output passes the cap, having held at most the cap.
 * The output is written into one buffer sized from the gzip trailer (ISIZE, the length mod 2^32)
 * when that fits the cap, so a legitimate file costs its size once, not twice.
 */
export interface GunzipCodec {
  gunzip(bytes: Uint8Array, maxBytes?: number): Promise<Uint8Array>;
  /** Raw DEFLATE (no header), for entries of .zip archives; `expectedBytes` sizes the output buffer. */
  inflateRaw(bytes: Uint8Array, maxBytes?: number, expectedBytes?: number): Promise<Uint8Array>;
}

/** A chunk source the capped collector reads from; `cancel` stops the decompressor early. */
export interface ChunkSource {
  next(): Promise<Uint8Array | undefined>;
  cancel(): void;
}

/** The uncompressed size a gzip member declares in its trailer (mod 2^32), or undefined. */
export function gzipDeclaredSize(bytes: Uint8Array): number | undefined {
  if (bytes.length < 18) return undefined;
  const at = bytes.length - 4;
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

/** DATA_TOO_LARGE: `what` inflates to more than `maxBytes`. */
export function inflatedTooLarge(what: string, maxBytes: number, where?: string): SpikelabError {
  return new SpikelabError('DATA_TOO_LARGE', `${what} decompresses to more than ${formatBytes(maxBytes)}, the cap on decompressed data (a "gzip bomb", or a very large file).`,
    `Check that the file is what you meant to open; to allow more, ${RAISE_BYTES}.`, where);
}

/** Collects chunks into one array, refusing to grow past `maxBytes`. */
export async function collectCapped(source: ChunkSource, maxBytes: number, expected: number | undefined, what: string): Promise<Uint8Array> {
  let out = new Uint8Array(expected !== undefined && expected <= maxBytes ? expected : Math.min(maxBytes, 1 << 20));
  let length = 0;
  for (let chunk = await source.next(); chunk !== undefined; chunk = await source.next()) {
    if (length + chunk.length > maxBytes) {
      source.cancel();
      throw inflatedTooLarge(what, maxBytes);
    }
    if (length + chunk.length > out.length) {
      const grown = new Uint8Array(Math.min(maxBytes, Math.max(out.length * 2, length + chunk.length)));
      grown.set(out.subarray(0, length));
      out = grown;
    }
    out.set(chunk, length);
    length += chunk.length;
  }
  return length === out.length ? out : out.slice(0, length);
}

function streamSource(bytes: Uint8Array, format: 'gzip' | 'deflate-raw'): ChunkSource {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream(format)).getReader();
  return {
    async next() {
      const { done, value } = await reader.read();
      return done ? undefined : value;
    },
    cancel() {
      void reader.cancel().catch(() => undefined);
    },
  };
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Decompresses with the web-standard DecompressionStream (browser workers and Node ≥ 18), chunk by chunk. */
export const streamGunzip: GunzipCodec = {
  gunzip: (bytes, maxBytes = MAX_INFLATED_BYTES) => collectCapped(streamSource(bytes, 'gzip'), maxBytes, gzipDeclaredSize(bytes), 'the gzip data'),
  inflateRaw: (bytes, maxBytes = MAX_INFLATED_BYTES, expected) => collectCapped(streamSource(bytes, 'deflate-raw'), maxBytes, expected, 'the zip entry'),
};

/** Returns the bytes unchanged unless they start with the gzip magic; then decompresses them (at most `maxBytes`). */
export async function maybeGunzip(bytes: Uint8Array, codec: GunzipCodec = streamGunzip, where?: string, maxBytes = MAX_INFLATED_BYTES): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  try {
    return await codec.gunzip(bytes, maxBytes);
  } catch (error) {
    if (error instanceof SpikelabError && error.code === 'DATA_TOO_LARGE') throw inflatedTooLarge(where ?? 'The file', maxBytes, where);
    throw dataError('DATA_BAD_GZIP',
      `The file starts like gzip but does not decompress (${error instanceof Error ? error.message : String(error)}).`,
      'The download was probably cut short: fetch or copy the file again.', where);
  }
}
