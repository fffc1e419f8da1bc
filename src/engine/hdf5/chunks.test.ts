/**
 * Issue 16, inside one HDF5 chunk: a deflate stream that inflates past its chunk's declared size
 * (HDF5's own filter doubles its buffer until the stream ends: 1 GiB from a 1 MB chunk), chunk
 * dimensions declaring far more than the dataset, streams that end short or are damaged, and vlen
 * lengths that declare more than the heap holds or the budget allows. Each is refused before the
 * memory it asks for exists; the files are a few hundred KB, made with writeH5 and changed with
 * ./testing/chunkSurgery.ts.
 */
import { describe, expect, it } from 'vitest';
import { SpikelabError } from '../core/errors';
import { inflateZlib, InflateOverflow } from './format/inflate';
import { lzfDecompress } from './format/lzf';
import { decodeChunk } from './format/unfilter';
import { loadH5 } from './module';
import { contiguousAddress, replaceChunk, setChunkDims, storedChunks, zeroDeflate } from './testing/chunkSurgery';
import { readH5, writeH5, type H5Dataset } from './index';

/** A file with one gzip dataset of `n` × `n` random float32 (its chunk ≈ 4n² bytes stored) and a vlen string. */
async function sample(n: number): Promise<Uint8Array> {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return writeH5({
    kind: 'group',
    children: {
      version: { kind: 'dataset', dtype: 'string', shape: [], value: ['1.0.7'] },
      weight: { kind: 'dataset', dtype: 'float32', shape: [n, n], value: Float32Array.from({ length: n * n }, () => random() * 2 - 1) },
    },
  });
}

async function refusal(bytes: Uint8Array, options?: Parameters<typeof readH5>[1]): Promise<SpikelabError> {
  const error = await readH5(bytes, options).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(SpikelabError);
  return error as SpikelabError;
}

describe('a compression bomb inside one chunk', () => {
  it('refuses a 1 MB chunk that inflates to 1 GiB before inflating it (no memory grows, no h5wasm decode)', async () => {
    const bytes = await sample(600);
    const [chunk] = storedChunks(bytes, '/weight');
    const bomb = zeroDeflate(2 ** 30);
    expect(bomb.length).toBeLessThan(chunk.size);
    const hostile = replaceChunk(bytes, '/weight', bomb);
    const heap = (await loadH5()).HEAPU8.length;
    const started = performance.now();
    const error = await refusal(hostile);
    expect(error).toMatchObject({ code: 'HDF5_CHUNK_TOO_LARGE', where: '/weight' });
    expect(error.message).toMatch(/decompresses to more than its declared 1\.4 MiB/);
    expect(performance.now() - started).toBeLessThan(5000);
    expect((await loadH5()).HEAPU8.length).toBe(heap);
  });

  it('reads the same chunk replaced by exactly its size of zeros, and refuses one byte less as damage', async () => {
    const bytes = await sample(64);
    const exact = await readH5(replaceChunk(bytes, '/weight', zeroDeflate(64 * 64 * 4)));
    expect((exact.children.weight as H5Dataset).value).toEqual(new Float32Array(64 * 64));
    expect((await refusal(replaceChunk(bytes, '/weight', zeroDeflate(64 * 64 * 4 - 1)))).code).toBe('HDF5_CORRUPT');
  });

  it('refuses a damaged stream (a flipped byte: Huffman codes or the Adler-32 trailer) with HDF5_CORRUPT', async () => {
    const bytes = await sample(64);
    const [chunk] = storedChunks(bytes, '/weight');
    for (const at of [chunk.address + 40, chunk.address + chunk.size - 2]) {
      const damaged = bytes.slice();
      damaged[at] ^= 0x5a;
      expect((await refusal(damaged)).code).toBe('HDF5_CORRUPT');
    }
  });

  it('refuses chunk dimensions that declare more than the budget, before allocating the chunk', async () => {
    const bytes = setChunkDims(await sample(64), '/weight', [1 << 14, 1 << 14]); // 1 GiB chunks for a 16 KB dataset
    const error = await refusal(bytes);
    expect(error.code).toBe('HDF5_TOO_LARGE');
    expect(error.message).toMatch(/A chunk of dataset \/weight \(its declared dimensions \[16384, 16384\]\) needs 1\.0 GiB/);
  });

  it('caps deflate and LZF output, counting without a buffer when only checking', () => {
    const bomb = zeroDeflate(2 ** 32); // 4 GiB of zeros in 4 MB
    expect(() => inflateZlib(bomb, 0, bomb.length, null, 2 ** 20)).toThrow(InflateOverflow);
    expect(inflateZlib(bomb, 0, bomb.length, null, 2 ** 33)).toBe(2 ** 32);
    // LZF: one literal zero, then back-references of 264 bytes at distance 1 (3 bytes each).
    const lzf = new Uint8Array(2 + 3 * 1000);
    for (let i = 0; i < 1000; i++) lzf.set([0xe0, 255, 0], 2 + 3 * i);
    expect(lzfDecompress(lzf, 0, lzf.length, null, 2 ** 30)).toBe(1 + 264 * 1000);
    expect(() => lzfDecompress(lzf, 0, lzf.length, new Uint8Array(1000), 1000)).toThrow(InflateOverflow);
    const filters = [{ id: 1, name: 'deflate', optional: false, values: [4] }];
    expect(() => decodeChunk(bomb, filters, 0, 1 << 20, 4, '/x', false)).toThrow(/decompresses to more than its declared 1\.0 MiB/);
    // scaleoffset (h5wasm decodes it) allocates cd_values[2] elements × cd_values[4] bytes: checked against the chunk.
    const scaleoffset = (elements: number) => [{ id: 6, name: 'scaleoffset', optional: false, values: [2, 0, elements, 0, 4, 0, 0, 1] }];
    expect(decodeChunk(new Uint8Array(64), scaleoffset(256), 0, 1024, 4, '/x', false)).toBeNull();
    expect(() => decodeChunk(new Uint8Array(64), scaleoffset(2 ** 28), 0, 1024, 4, '/x', false)).toThrow(/declared 1\.0 KiB/);
  });
});

describe('vlen lengths', () => {
  it('charges a vlen string from its declared length before reading the heap: 1 GiB is over the budget', async () => {
    const bytes = await sample(4);
    const at = contiguousAddress(bytes, '/version');
    const hostile = bytes.slice();
    new DataView(hostile.buffer).setUint32(at, 2 ** 30, true);
    const error = await refusal(hostile);
    expect(error).toMatchObject({ code: 'HDF5_TOO_LARGE', where: '/version' });
    expect(error.message).toMatch(/needs 1\.0 GiB/);
  });

  it('refuses a vlen length longer than its heap object with HDF5_CORRUPT', async () => {
    const bytes = await sample(4);
    const hostile = bytes.slice();
    new DataView(hostile.buffer).setUint32(contiguousAddress(bytes, '/version'), 5000, true);
    expect(await refusal(hostile, { maxBytes: 2 ** 20 })).toMatchObject({ code: 'HDF5_CORRUPT', where: '/version' });
  });
});
