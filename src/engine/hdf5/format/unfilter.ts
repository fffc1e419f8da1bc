/**
 * A chunk's filter pipeline run in reverse, in JavaScript: fletcher32 (checked and stripped),
 * deflate (./inflate.ts) and LZF (./lzf.ts) with an output cap, shuffle. The cap is the chunk's
 * declared size (its dimensions × element size): a chunk that would decode to one byte more is
 * refused with HDF5_CHUNK_TOO_LARGE before anything of that size exists, and one that decodes to
 * less is damage. `checkChunk` does the same without keeping any output, for chunks that h5wasm
 * decodes itself (nbit and scaleoffset, which size their output from their parameters: those
 * are checked against the chunk size instead).
 */
import { SpikelabError } from '../../core/errors';
import { formatBytes } from '../../core/limits';
import { fletcher32, swappedHalves } from './checksum';
import { inflateZlib, InflateError, InflateOverflow } from './inflate';
import type { Filter } from './layout';
import { lzfDecompress } from './lzf';
import { corrupt, Unsupported } from './view';

export const DEFLATE = 1;
export const SHUFFLE = 2;
export const FLETCHER32 = 3;
export const NBIT = 5;
export const SCALEOFFSET = 6;
export const LZF = 32000;

export function chunkTooLarge(where: string, chunkBytes: number): SpikelabError {
  return new SpikelabError('HDF5_CHUNK_TOO_LARGE', `A chunk of dataset ${where} decompresses to more than its declared ${formatBytes(chunkBytes)} (a compression bomb, or a damaged chunk); it was refused before being decompressed.`,
    'Check that the file is what you meant to open; re-export it if it came from a tool you trust.', where);
}

/** The largest an intermediate result may be while filters at lower indices (applied later in reverse) remain. */
function stageCap(filters: Filter[], below: number, mask: number, chunkBytes: number): number {
  let growth = 0;
  for (let i = 0; i < below; i++) {
    if (mask & (1 << i)) continue;
    const id = filters[i].id;
    if (id === FLETCHER32) growth += 4;
    else if (id === DEFLATE || id === LZF) growth += Math.ceil(chunkBytes / 1000) + 64; // what compressing incompressible data may add
  }
  return chunkBytes + growth;
}

/** Whether a compressing filter is still to be undone after filter `below` (its output is then needed even when only checking). */
function expandsBelow(filters: Filter[], below: number, mask: number): boolean {
  for (let i = 0; i < below; i++) if (!(mask & (1 << i)) && (filters[i].id === DEFLATE || filters[i].id === LZF)) return true;
  return false;
}

function unshuffle(data: Uint8Array, size: number): Uint8Array {
  if (size <= 1) return data;
  const n = Math.floor(data.length / size);
  const out = new Uint8Array(data.length);
  for (let j = 0; j < size; j++) {
    const from = j * n;
    for (let i = 0; i < n; i++) out[i * size + j] = data[from + i];
  }
  out.set(data.subarray(n * size), n * size);
  return out;
}

function expand(id: number, data: Uint8Array, cap: number, keep: boolean): [Uint8Array | null, number] {
  const out = keep ? new Uint8Array(cap) : null;
  const n = id === DEFLATE ? inflateZlib(data, 0, data.length, out, cap) : lzfDecompress(data, 0, data.length, out, cap);
  return [out && (n === cap ? out : out.subarray(0, n)), n];
}

/**
 * Decodes one stored chunk (`raw`) through `filters` (mask bit i: filter i skipped), to exactly
 * `chunkBytes` bytes; `elementSize` is the default shuffle width. With `keep` false only sizes
 * are checked and null is returned.
 */
export function decodeChunk(raw: Uint8Array, filters: Filter[], mask: number, chunkBytes: number, elementSize: number, where: string, keep = true): Uint8Array | null {
  let data: Uint8Array | null = raw;
  let size = raw.length;
  try {
    for (let i = filters.length - 1; i >= 0; i--) {
      if (mask & (1 << i)) continue;
      const filter = filters[i];
      switch (filter.id) {
        case FLETCHER32: {
          if (size < 4) throw corrupt(`a fletcher32 chunk of ${where} is shorter than its checksum`, where);
          if (data) {
            const stored = (data[size - 4] | (data[size - 3] << 8) | (data[size - 2] << 16) | (data[size - 1] << 24)) >>> 0;
            const sum = fletcher32(data, 0, size - 4);
            if (stored !== sum && stored !== swappedHalves(sum)) throw corrupt(`the fletcher32 checksum of a chunk of ${where} does not match`, where);
            data = data.subarray(0, size - 4);
          }
          size -= 4;
          break;
        }
        case DEFLATE:
        case LZF: {
          if (!data) throw new Unsupported('a compressed filter after one h5wasm decodes');
          [data, size] = expand(filter.id, data, stageCap(filters, i, mask, chunkBytes), keep || expandsBelow(filters, i, mask));
          break;
        }
        case SHUFFLE:
          if (data && keep) data = unshuffle(data, filter.values[0] ?? elementSize);
          break;
        case NBIT:
        case SCALEOFFSET: {
          // They allocate d_nelmts × element size from their parameters (cd_values[2], [4]).
          const claimed = (filter.values[2] ?? 0) * (filter.values[4] ?? 0);
          if (filter.values.length < 5 || claimed > chunkBytes) throw chunkTooLarge(where, chunkBytes);
          if (keep) throw new Unsupported(`filter ${filter.name || filter.id}`);
          data = null; // h5wasm decodes from here on: sizes are bounded by the parameters just checked
          size = chunkBytes;
          break;
        }
        default:
          throw new Unsupported(`filter ${filter.name || filter.id}`);
      }
    }
  } catch (error) {
    if (error instanceof InflateOverflow) throw chunkTooLarge(where, chunkBytes);
    if (error instanceof InflateError) throw corrupt(`a chunk of ${where} does not decompress (${error.message})`, where);
    throw error;
  }
  if (size !== chunkBytes) throw corrupt(`a chunk of ${where} decodes to ${size} bytes, not the ${chunkBytes} its dimensions declare`, where);
  return keep ? data : null;
}
