import { describe, expect, it } from 'vitest';
import { packRasterInto, spikeAt } from './formats/bitpack';
import type { SpikeDataset } from './spikeDataset';
import { mergePolarities, selectClasses } from './transforms';

function toy(): SpikeDataset {
  // 3 samples, T = 9, features [2, 3]; sample s has ON spike at (t = s, c = 0) and OFF at (t = 8, c = 2).
  const T = 9;
  const F = 6;
  const packed = new Uint8Array(3 * 2 * F);
  for (let s = 0; s < 3; s++) {
    const raster = new Array(T * F).fill(0);
    raster[s * F + 0] = 1;
    raster[8 * F + 3 + 2] = 1;
    packRasterInto(raster, T, F, packed, s * 2 * F);
  }
  return {
    id: 'toy', name: 'toy', split: 'test', n: 3, T, dt: 0.005, featureShape: [2, 3], packed,
    labels: Uint8Array.of(0, 1, 2), classes: ['Space', 'A', 'B'], licence: 'CC0', attribution: '-',
  };
}

describe('dataset transforms', () => {
  it('mergePolarities ORs ON and OFF into one channel per taxel', () => {
    const merged = mergePolarities(toy());
    expect(merged.featureShape).toEqual([3]);
    for (let s = 0; s < 3; s++) {
      expect(spikeAt(merged.packed, s * 2 * 3, 3, s, 0)).toBe(1);
      expect(spikeAt(merged.packed, s * 2 * 3, 3, 8, 2)).toBe(1);
      expect(spikeAt(merged.packed, s * 2 * 3, 3, 8, 1)).toBe(0);
    }
  });

  it('selectClasses keeps and renumbers the named classes', () => {
    const picked = selectClasses(toy(), ['B', 'Space']);
    expect(picked.n).toBe(2);
    expect(picked.classes).toEqual(['B', 'Space']);
    expect(Array.from(picked.labels)).toEqual([1, 0]);
    // The sample that was index 2 (label B) now sits at index 1 with its ON spike at t = 2.
    expect(spikeAt(picked.packed, 1 * 2 * 6, 6, 2, 0)).toBe(1);
    expect(() => selectClasses(toy(), ['Z'])).toThrow(expect.objectContaining({ code: 'DATA_BAD_OPTIONS' }));
  });
});
