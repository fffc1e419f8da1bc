import { createGunzip, createInflateRaw, gzipSync } from 'node:zlib';
import { MAX_INFLATED_BYTES } from '../../core/limits';
import { collectCapped, gzipDeclaredSize, type ChunkSource, type GunzipCodec } from './gzip';

/** A zlib transform fed `bytes`, read chunk by chunk (never the whole output at once). */
function zlibSource(bytes: Uint8Array, stream: ReturnType<typeof createGunzip>): ChunkSource {
  const chunks = stream[Symbol.asyncIterator]();
  stream.end(bytes);
  return {
    async next() {
      const { done, value } = await chunks.next();
      return done ? undefined : new Uint8Array((value as Buffer).buffer, (value as Buffer).byteOffset, (value as Buffer).byteLength);
    },
    cancel() {
      stream.destroy();
    },
  };
}

/** Node's zlib behind the GunzipCodec interface (CLI, conversion script, tests): streamed, with a cap. */
export const zlibGunzip: GunzipCodec = {
  gunzip(bytes: Uint8Array, maxBytes = MAX_INFLATED_BYTES): Promise<Uint8Array> {
    return collectCapped(zlibSource(bytes, createGunzip()), maxBytes, gzipDeclaredSize(bytes), 'the gzip data');
  },
  inflateRaw(bytes: Uint8Array, maxBytes = MAX_INFLATED_BYTES, expected?: number): Promise<Uint8Array> {
    return collectCapped(zlibSource(bytes, createInflateRaw()), maxBytes, expected, 'the zip entry');
  },
};

/** Gzip at level 9 with a zero mtime, so the same input always gives the same bytes. */
export function gzipDeterministic(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(gzipSync(bytes, { level: 9 }));
}
