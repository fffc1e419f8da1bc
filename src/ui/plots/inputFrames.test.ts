import { describe, expect, it } from 'vitest';
import { channelsOverTime, framesOverTime } from './inputFrames';

describe('input pictures', () => {
  it('draws a 1-D input as channels (rows) over time (columns)', () => {
    const picture = channelsOverTime(Float32Array.from([1, 0, 0, 2]), 2, 2);
    expect([picture.width, picture.height]).toEqual([2, 2]);
    expect(Array.from(picture.rgb.filter((_, i) => i % 3 === 0))).toEqual([0.5, 0, 0, 1]);
  });

  it('sums image inputs over slices of time', () => {
    const T = 4;
    const input = new Float32Array(T * 4);
    input[0] = 1; // t0, pixel 0
    input[3 * 4 + 3] = 1; // t3, pixel 3
    const frames = framesOverTime(input, T, [2, 2], 2);
    expect(frames.map((f) => f.caption)).toEqual(['t 0–1', 't 2–3']);
    expect(frames[0].rgb[0]).toBe(1);
    expect(frames[1].rgb[9]).toBe(1);
  });
});

describe('input frames at the time cursor', () => {
  it('finds the frame holding a step, and draws one step alone', async () => {
    const { frameOfStep, frameAtStep } = await import('./inputFrames');
    expect(frameOfStep(0, 16, 8)).toBe(0);
    expect(frameOfStep(3, 16, 8)).toBe(1);
    expect(frameOfStep(15, 16, 8)).toBe(7);
    expect(frameOfStep(2, 3, 8)).toBe(2);
    const input = new Float32Array(2 * 4);
    input[4 + 3] = 1; // step 1, pixel (1, 1) of a 2 × 2 frame
    const picture = frameAtStep(input, 2, [2, 2], 1);
    expect(picture.caption).toBe('at t = 1');
    expect(Array.from(picture.rgb.subarray(9, 12))).toEqual([1, 1, 1]);
  });
});
