/**
 * Reading bytes in order, in exact lengths, from a stream (a DecompressionStream's output: a
 * .tar.gz read as it inflates) or from a ByteSource (./byteSource.ts: a file on disk, in OPFS or
 * dropped; skipping is then a seek, and what is skipped is never read). The tar reader (./tar.ts)
 * walks an archive through this, holding at most the chunk in hand and the entry it was asked for.
 */
import type { ByteSource } from './byteSource';

export interface OrderedBytes {
  /** Bytes read or skipped so far. */
  readonly position: number;
  /** The next `length` bytes; fewer only where the input ends. */
  read(length: number): Promise<Uint8Array>;
  /** Passes over the next `length` bytes; answers how many there were (fewer where the input ends). */
  skip(length: number): Promise<number>;
  /** Stops reading (cancels the stream). */
  close(): Promise<void>;
}

/** A stream read in order; a failed read (a gzip stream that does not inflate) becomes `failed(error, position)`. */
export function streamBytes(stream: ReadableStream<Uint8Array>, failed: (error: unknown, position: number) => Error): OrderedBytes {
  const reader = stream.getReader();
  let chunk: Uint8Array = new Uint8Array(0);
  let at = 0;
  let ended = false;
  let position = 0;
  /** Makes sure unread bytes are in hand; false at the end of the stream. */
  const fill = async (): Promise<boolean> => {
    while (at >= chunk.length) {
      if (ended) return false;
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        ended = true;
        throw failed(error, position);
      }
      if (next.done) {
        ended = true;
        return false;
      }
      chunk = next.value;
      at = 0;
    }
    return true;
  };
  /** Takes up to `length` bytes off the stream, handing each piece to `use`. */
  const take = async (length: number, use: (piece: Uint8Array, offset: number) => void): Promise<number> => {
    let got = 0;
    while (got < length && (await fill())) {
      const n = Math.min(length - got, chunk.length - at);
      use(chunk.subarray(at, at + n), got);
      at += n;
      got += n;
    }
    position += got;
    return got;
  };
  return {
    get position() {
      return position;
    },
    async read(length) {
      const out = new Uint8Array(length);
      const got = await take(length, (piece, offset) => out.set(piece, offset));
      return got === length ? out : out.subarray(0, got);
    },
    skip: (length) => take(length, () => undefined),
    async close() {
      ended = true;
      await reader.cancel().catch(() => undefined);
    },
  };
}

/** A ByteSource read in order: reads are `source.read`, skips move the position. */
export function sourceBytes(source: ByteSource): OrderedBytes {
  let position = 0;
  return {
    get position() {
      return position;
    },
    async read(length) {
      const bytes = await source.read(position, length);
      position += bytes.length;
      return bytes;
    },
    async skip(length) {
      const n = Math.max(0, Math.min(length, source.size - position));
      position += n;
      return n;
    },
    close: async () => undefined,
  };
}
