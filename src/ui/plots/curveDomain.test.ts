import { describe, expect, it } from 'vitest';
import { curveDomain } from './curveDomain';

describe('curveDomain', () => {
  it('spans every series, skips non-finite values and pads y by 5%', () => {
    const domain = curveDomain([
      { name: 'a', color: '#000', points: [{ x: 1, y: 2 }, { x: 5, y: 12 }, { x: 6, y: Number.NaN }] },
      { name: 'b', color: '#000', points: [{ x: 3, y: 4 }, { x: 9, y: Number.POSITIVE_INFINITY }] },
    ]);
    expect(domain).toEqual({ x: [1, 5], y: [1.5, 12.5] });
  });

  it('keeps a fixed y range, widens a single point, and is null with no data', () => {
    expect(curveDomain([{ name: 'acc', color: '#000', points: [{ x: 4, y: 0.5 }] }], [0, 1])).toEqual({ x: [3, 5], y: [0, 1] });
    expect(curveDomain([{ name: 'loss', color: '#000', points: [{ x: 2, y: 10 }] }])).toEqual({ x: [1, 3], y: [8.9, 11.1] });
    expect(curveDomain([{ name: 'none', color: '#000', points: [] }])).toBeNull();
  });
});
