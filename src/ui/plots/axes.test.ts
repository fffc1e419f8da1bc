import { describe, expect, it } from 'vitest';
import { formatSeconds, formatStep, formatTick, indexTicks, niceStep, niceTicks, timeAxisTitle } from './axes';

describe('plot axes', () => {
  it('picks 1-2-5 steps', () => {
    expect(niceStep(10, 5)).toBe(2);
    expect(niceStep(1, 4)).toBe(0.2);
    expect(niceStep(320, 5)).toBe(50);
    expect(niceStep(0.03, 3)).toBeCloseTo(0.01, 12);
  });

  it('covers a range with round ticks inside it', () => {
    expect(niceTicks(0, 1, 4)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-0.35, 1.2, 3)).toEqual([0, 0.5, 1]);
    expect(niceTicks(2, 2)).toEqual([2]);
    expect(niceTicks(Number.NaN, 1)).toEqual([]);
  });

  it('labels integer axes from zero', () => {
    expect(indexTicks(39, 4)).toEqual([0, 10, 20, 30]);
    expect(indexTicks(3, 5)).toEqual([0, 1, 2, 3]);
    expect(indexTicks(0)).toEqual([0]);
  });

  it('writes ticks with the decimals their step needs', () => {
    expect(formatTick(0.5, 0.5)).toBe('0.5');
    expect(formatTick(20, 10)).toBe('20');
    expect(formatTick(0.25, 0.05)).toBe('0.25');
  });

  it('writes time in steps and seconds from dt', () => {
    expect(formatSeconds(0.04)).toBe('40 ms');
    expect(formatSeconds(1.5)).toBe('1.5 s');
    expect(formatSeconds(1e-4)).toBe('100 µs');
    expect(timeAxisTitle(40, 1e-3)).toBe('time (steps; 1 step = 1 ms, 40 steps = 40 ms)');
    expect(formatStep(12, 1e-4)).toBe('t = 12 (1.2 ms)');
    expect(timeAxisTitle(8, 0)).toBe('time (steps)');
  });
});
