import { describe, expect, it } from 'vitest';
import { maxCount, perClassAccuracy } from './confusion';

describe('confusion figures', () => {
  it('reads per-class accuracy off the rows, NaN for an empty class', () => {
    // class 0: 3 right, 1 taken for 1; class 1: 2 right; class 2: none
    const counts = Uint32Array.from([3, 1, 0, 0, 2, 0, 0, 0, 0]);
    const acc = perClassAccuracy(counts, 3, 3);
    expect(acc[0]).toBeCloseTo(0.75, 10);
    expect(acc[1]).toBe(1);
    expect(acc[2]).toBeNaN();
    expect(maxCount(counts)).toBe(3);
  });
});
