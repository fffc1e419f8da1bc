import { dataError } from '../errors';

/**
 * Gzip handling behind one tiny interface, so the same readers run in the browser worker
 * (DecompressionStream) and in Node (zlib, see gzipNode.ts). Files are recognised as gzip by
 * their magic bytes `1f 8b`, never by name or Content-Encoding (static hosts differ).
 */
export interface GunzipCodec {
  gunzip(bytes: Uint8Array): Promise<Uint8Array>;
  /** Raw DEFLATE (no header), for entries of .zip archives. */
  inflateRaw(bytes: Uint8Array): Promise<Uint8Array>;
}

async function throughStream(bytes: Uint8Array, format: 'gzip' | 'deflate-raw'): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream(format));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Decompresses with the web-standard DecompressionStream (browser workers and Node ≥ 18). */
export const streamGunzip: GunzipCodec = {
  gunzip: (bytes) => throughStream(bytes, 'gzip'),
  inflateRaw: (bytes) => throughStream(bytes, 'deflate-raw'),
};

/** Returns the bytes unchanged unless they start with the gzip magic; then decompresses them. */
export async function maybeGunzip(bytes: Uint8Array, codec: GunzipCodec = streamGunzip, where?: string): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  try {
    return await codec.gunzip(bytes);
  } catch (error) {
    throw dataError('DATA_BAD_GZIP',
      `The file starts like gzip but does not decompress (${error instanceof Error ? error.message : String(error)}).`,
      'The download was probably cut short: fetch or copy the file again.', where);
  }
}
