/**
 * Random access to the bytes of a file without holding all of it: a dropped File (Blob.slice,
 * read a piece at a time) or bytes already in memory. The readers of dropped data (.npy, .npz,
 * zip archives of event files) read headers, central directories and data chunk by chunk through
 * this, so a 1 GB file is never copied whole into memory; `stream` hands a byte range to a
 * decompressor (DecompressionStream) as it arrives.
 */
export interface ByteSource {
  /** File name (or path inside a dropped folder), for messages. */
  readonly name: string;
  readonly size: number;
  /** Bytes [offset, offset + length) clipped to the end of the source. */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** The same range as a stream of chunks. */
  stream(offset: number, length: number): ReadableStream<Uint8Array>;
}

/** The chunk size of reads through a source (4 MiB: a few ms of work per chunk). */
export const SOURCE_CHUNK = 4 * 2 ** 20;

function clip(size: number, offset: number, length: number): [number, number] {
  const start = Math.min(Math.max(0, offset), size);
  return [start, Math.min(size, start + Math.max(0, length))];
}

/** Bytes in memory as a source (tests, the CLI, entries already read). */
export function bytesSource(bytes: Uint8Array, name: string): ByteSource {
  return {
    name, size: bytes.length,
    read: async (offset, length) => {
      const [start, end] = clip(bytes.length, offset, length);
      return bytes.subarray(start, end);
    },
    stream: (offset, length) => {
      const [start, end] = clip(bytes.length, offset, length);
      let at = start;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (at >= end) return controller.close();
          const next = Math.min(end, at + SOURCE_CHUNK);
          controller.enqueue(bytes.slice(at, next));
          at = next;
        },
      });
    },
  };
}

/** A Blob or File as a source: each read is one `slice().arrayBuffer()`. */
export function blobSource(blob: Blob, name: string): ByteSource {
  return {
    name, size: blob.size,
    read: async (offset, length) => {
      const [start, end] = clip(blob.size, offset, length);
      return new Uint8Array(await blob.slice(start, end).arrayBuffer());
    },
    stream: (offset, length) => {
      const [start, end] = clip(blob.size, offset, length);
      return blob.slice(start, end).stream() as ReadableStream<Uint8Array>;
    },
  };
}

/** Reads the whole source (for the loaders that need all the bytes: HDF5, safetensors, event files). */
export function readAll(source: ByteSource): Promise<Uint8Array> {
  return source.read(0, source.size);
}
