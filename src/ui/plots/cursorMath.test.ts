import { describe, expect, it } from 'vitest';
import { clampStep, playbackStep, stepAtX, stepsPerSecond, xOfStep } from './cursorMath';

describe('time cursor steps', () => {
  it('clamps a step to the sample, as an integer', () => {
    expect(clampStep(-3, 16)).toBe(0);
    expect(clampStep(40, 16)).toBe(15);
    expect(clampStep(4.4, 16)).toBe(4);
    expect(clampStep(7, 0)).toBe(0);
    expect(clampStep(Number.NaN, 16)).toBe(0);
  });

  it('finds the step under a point of a raster (centred cells) and of a trace', () => {
    expect(stepAtX(0, 160, 16, true)).toBe(0);
    expect(stepAtX(159, 160, 16, true)).toBe(15);
    expect(stepAtX(85, 160, 16, true)).toBe(8);
    expect(stepAtX(500, 160, 16, true)).toBe(15);
    expect(stepAtX(-20, 160, 16, true)).toBe(0);
    expect(stepAtX(150, 150, 16, false)).toBe(15);
    expect(stepAtX(75, 150, 16, false)).toBe(8); // 7.5 rounds up
  });

  it('draws a step where a press there would put it', () => {
    for (const centred of [true, false]) {
      for (let t = 0; t < 16; t++) expect(stepAtX(xOfStep(t, 160, 16, centred), 160, 16, centred)).toBe(t);
    }
  });
});

describe('playback', () => {
  it('turns a speed into steps per second from dt', () => {
    expect(stepsPerSecond({ kind: 'realtime', factor: 1 }, 1e-3)).toBe(1000);
    expect(stepsPerSecond({ kind: 'realtime', factor: 0.25 }, 1e-3)).toBe(250);
    expect(stepsPerSecond({ kind: 'realtime', factor: 4 }, 0)).toBeNull();
    expect(stepsPerSecond({ kind: 'steps', perSecond: 10 }, 0)).toBe(10);
  });

  it('advances with the wall clock and stops at the last step', () => {
    expect(playbackStep(3, 450, 10, 16)).toEqual({ t: 7, done: false });
    expect(playbackStep(3, 5000, 10, 16)).toEqual({ t: 15, done: true });
    expect(playbackStep(0, 16, 1000, 16)).toEqual({ t: 15, done: true });
  });
});
