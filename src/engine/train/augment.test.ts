import { describe, expect, it } from 'vitest';
import { checkAugment, drawShifts, shiftBatch } from './augment';

describe('shift augmentation', () => {
  it('draws every shift in [−max, max], reproducibly, and a new set each step', () => {
    const augment = { timeShift: 3, channelShift: 2 };
    const a = drawShifts(500, augment, 42, 7);
    expect(drawShifts(500, augment, 42, 7)).toEqual(a);
    expect(drawShifts(500, augment, 42, 8)).not.toEqual(a);
    const dts = new Set(Array.from({ length: 500 }, (_, b) => a[2 * b]));
    const dfs = new Set(Array.from({ length: 500 }, (_, b) => a[2 * b + 1]));
    expect([...dts].sort((x, y) => x - y)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect([...dfs].sort((x, y) => x - y)).toEqual([-2, -1, 0, 1, 2]);
    expect(drawShifts(4, { timeShift: 0, channelShift: 0 }, 1, 1)).toEqual(new Int32Array(8));
  });

  it('moves each sample later in time and up in channel, zero-filled, nothing wrapping round', () => {
    const T = 3;
    const B = 2;
    const F = 4;
    // x[t, b, f] = 100·t + 10·b + f + 1, so every entry names where it came from.
    const x = Float32Array.from({ length: T * B * F }, (_, i) => 100 * Math.floor(i / (B * F)) + 10 * (Math.floor(i / F) % B) + (i % F) + 1);
    const out = shiftBatch(x, T, B, F, Int32Array.from([1, -1, 0, 2]));
    const at = (t: number, b: number) => Array.from(out.subarray((t * B + b) * F, (t * B + b + 1) * F));
    // sample 0: Δt = 1, Δf = −1 → x'[t, f] = x[t − 1, f + 1]
    expect(at(0, 0)).toEqual([0, 0, 0, 0]);
    expect(at(1, 0)).toEqual([2, 3, 4, 0]);
    expect(at(2, 0)).toEqual([102, 103, 104, 0]);
    // sample 1: Δt = 0, Δf = 2 → x'[t, f] = x[t, f − 2]
    expect(at(0, 1)).toEqual([0, 0, 11, 12]);
    expect(at(2, 1)).toEqual([0, 0, 211, 212]);
  });

  it('refuses shifts that are negative, too large, or a channel shift of images', () => {
    expect(() => checkAugment({ timeShift: -1, channelShift: 0 }, 10, [4])).toThrow(expect.objectContaining({ code: 'TRAIN_BAD_CONFIG' }));
    expect(() => checkAugment({ timeShift: 10, channelShift: 0 }, 10, [4])).toThrow(/moves every sample out/);
    expect(() => checkAugment({ timeShift: 0, channelShift: 4 }, 10, [4])).toThrow(/channels/);
    expect(() => checkAugment({ timeShift: 0, channelShift: 1 }, 10, [2, 34, 34])).toThrow(/one feature axis/);
    expect(() => checkAugment({ timeShift: 2, channelShift: 0 }, 10, [2, 34, 34])).not.toThrow();
    expect(() => checkAugment({ timeShift: 2, channelShift: 1 }, 10, [4])).not.toThrow();
  });
});
