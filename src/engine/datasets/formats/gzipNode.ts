import { gunzipSync, gzipSync, inflateRawSync } from 'node:zlib';
import type { GunzipCodec } from './gzip';

/** Node's zlib behind the GunzipCodec interface (CLI, conversion script, tests). */
export const zlibGunzip: GunzipCodec = {
  async gunzip(bytes: Uint8Array): Promise<Uint8Array> {
    return new Uint8Array(gunzipSync(bytes));
  },
  async inflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
    return new Uint8Array(inflateRawSync(bytes));
  },
};

/** Gzip at level 9 with a zero mtime, so the same input always gives the same bytes. */
export function gzipDeterministic(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(gzipSync(bytes, { level: 9 }));
}
