import { describe, expect, it } from 'vitest';
import { binRaster, binsToRgba, parseColor } from './rasterBins';

describe('raster bins', () => {
  // T = 4 steps × 4 neurons, time-major: spikes at (t0,n0) (t1,n1) (t3,n3) (t3,n2).
  const spikes = Uint8Array.from([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);

  it('keeps one bin per cell when the plot is larger than the data', () => {
    const bins = binRaster(spikes, 4, 4, 300, 100);
    expect([bins.cols, bins.rows, bins.max]).toEqual([4, 4, 1]);
    expect(bins.counts[0 * 4 + 0]).toBe(1); // neuron 0, t 0
    expect(bins.counts[1 * 4 + 1]).toBe(1);
    expect(bins.counts[3 * 4 + 3]).toBe(1);
    expect(bins.counts.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('sums spikes into coarser bins when there are more cells than pixels', () => {
    const bins = binRaster(spikes, 4, 4, 2, 2);
    expect([bins.cols, bins.rows]).toEqual([2, 2]);
    expect(Array.from(bins.counts)).toEqual([2, 0, 0, 2]);
    expect(bins.max).toBe(2);
  });

  it('paints empty bins transparent and the busiest opaque', () => {
    const rgba = binsToRgba(binRaster(spikes, 4, 4, 2, 2), [10, 20, 30]);
    expect(Array.from(rgba.slice(0, 4))).toEqual([10, 20, 30, 255]);
    expect(rgba[7]).toBe(0);
    const graded = binsToRgba({ cols: 2, rows: 1, counts: Uint32Array.from([1, 3]), max: 3 }, [0, 0, 0]);
    expect([graded[3], graded[7]]).toEqual([89, 255]);
  });

  it('reads theme colours', () => {
    expect(parseColor('#1d2430')).toEqual([29, 36, 48]);
    expect(parseColor('#fff')).toEqual([255, 255, 255]);
    expect(parseColor('rgb(227, 231, 238)')).toEqual([227, 231, 238]);
    expect(parseColor('nonsense')).toEqual([0, 0, 0]);
  });
});
