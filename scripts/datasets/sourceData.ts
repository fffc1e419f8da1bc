import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseCsv } from './csv';

/** Read-only access to the raw data folder (default ../shared/data from the repository root). */
export class SourceData {
  constructor(readonly root: string) {}

  bytes(path: string): Uint8Array {
    const raw = new Uint8Array(readFileSync(join(this.root, path)));
    return raw[0] === 0x1f && raw[1] === 0x8b ? new Uint8Array(gunzipSync(raw)) : raw;
  }

  csv(path: string): Record<string, string>[] {
    return parseCsv(readFileSync(join(this.root, path), 'utf8'));
  }

  /** Gunzipped chunk files, cached, so index rows can slice them by byte_offset/byte_length. */
  private chunks = new Map<string, Uint8Array>();

  slice(chunk: string, offset: number, length: number): Uint8Array {
    let whole = this.chunks.get(chunk);
    if (!whole) {
      whole = this.bytes(chunk);
      this.chunks.set(chunk, whole);
    }
    return whole.subarray(offset, offset + length);
  }
}
