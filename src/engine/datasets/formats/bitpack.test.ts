import { describe, expect, it } from 'vitest';
import { countSpikes, packedFrom, packRasterInto, packedSteps, spikeAt, unpackSampleInto } from './bitpack';

describe('bit packing in np.packbits order', () => {
  it('matches np.packbits([1,0,1,1,0,0,0,1,1,1]) = [177, 192] (MSB first, zero tail)', () => {
    // numpy: np.packbits(np.array([1,0,1,1,0,0,0,1,1,1], np.uint8)) → array([177, 192], dtype=uint8)
    const out = new Uint8Array(2);
    packRasterInto([1, 0, 1, 1, 0, 0, 0, 1, 1, 1], 10, 1, out);
    expect(Array.from(out)).toEqual([177, 192]);
  });

  it('packs along time with features contiguous: byte (⌊t/8⌋, f)', () => {
    const T = 11;
    const F = 3;
    const raster = Array.from({ length: T * F }, (_, i) => ((i * 7) % 5 === 0 ? 1 : 0));
    const out = new Uint8Array(packedSteps(T) * F);
    packRasterInto(raster, T, F, out);
    for (let t = 0; t < T; t++) for (let f = 0; f < F; f++) expect(spikeAt(out, 0, F, t, f)).toBe(raster[t * F + f]);
    const back = new Float32Array(T * F);
    unpackSampleInto(out, 0, T, F, back, F, 0);
    expect(Array.from(back)).toEqual(raster);
    expect(countSpikes(out)).toBe(raster.reduce((a: number, b) => a + b, 0));
  });

  it('fills a block from a byte source in index order and zeroes the tail bits past T', () => {
    // N 2, T 11 (Tp 2, 5 tail bits), F 3: bytes 0..11; the second byte row of each sample keeps its top 3 bits.
    let next = 0;
    const packed = packedFrom(2, 11, 3, () => 0xf0 | next++);
    expect(Array.from(packed)).toEqual([0xf0, 0xf1, 0xf2, 0xe0, 0xe0, 0xe0, 0xf6, 0xf7, 0xf8, 0xe0, 0xe0, 0xe0]);
    expect(packedFrom(1, 16, 2, () => 0xff).every((b) => b === 0xff)).toBe(true);
  });
});
