import { describe, expect, it } from 'vitest';
import { divergingRgb, membraneColor, membraneRatio } from './membraneColor';

describe('membrane colour scale', () => {
  it('is relative to the threshold, clamped to ±1', () => {
    expect(membraneRatio(0.5, 1)).toBe(0.5);
    expect(membraneRatio(2, 1)).toBe(1);
    expect(membraneRatio(-3, 1.5)).toBe(-1);
    expect(membraneRatio(1, 2)).toBe(0.5);
  });

  it('falls back to the sample scale without a positive threshold', () => {
    expect(membraneRatio(2, null, 4)).toBe(0.5);
    expect(membraneRatio(2, 0, 4)).toBe(0.5);
    expect(membraneRatio(Number.NaN, 1)).toBe(0);
  });

  it('diverges from near-white at rest to red at threshold and blue below', () => {
    expect(divergingRgb(0)).toEqual([247, 247, 247]);
    expect(divergingRgb(1)).toEqual([178, 24, 43]);
    expect(divergingRgb(-1)).toEqual([33, 102, 172]);
    const half = divergingRgb(0.5);
    expect(half[0]).toBeGreaterThan(half[2]); // reddish
    expect(membraneColor(1.2, 1)).toBe('rgb(178, 24, 43)');
  });
});
