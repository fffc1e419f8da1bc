import { describe, expect, it } from 'vitest';
import { learningRateAt, parseSchedule, scheduleText, type LrSchedule } from './schedule';

const rates = (schedule: LrSchedule, stepsPerEpoch: number, totalSteps: number) =>
  Array.from({ length: totalSteps }, (_, step) => learningRateAt(schedule, 0.1, { step, stepsPerEpoch, totalSteps }));

describe('learning-rate schedules', () => {
  it('keeps a constant rate', () => {
    expect(rates({ kind: 'constant' }, 2, 4)).toEqual([0.1, 0.1, 0.1, 0.1]);
  });

  it('warms up linearly over the warm-up epochs, then follows half a cosine down to 0', () => {
    // 2 steps per epoch, 1 warm-up epoch, 6 steps: warm-up 0.05, 0.1; cosine over the 4 steps after.
    const got = rates({ kind: 'cosine', warmupEpochs: 1 }, 2, 6);
    const cosine = [0, 1, 2, 3].map((k) => 0.05 * (1 + Math.cos((Math.PI * k) / 4)));
    [0.05, 0.1, ...cosine].forEach((v, i) => expect(got[i]).toBeCloseTo(v, 12));
    expect(got[2]).toBeCloseTo(0.1, 12); // the cosine starts at the full rate
    expect(learningRateAt({ kind: 'cosine', warmupEpochs: 1 }, 0.1, { step: 6, stepsPerEpoch: 2, totalSteps: 6 })).toBeCloseTo(0, 12);
    expect(rates({ kind: 'cosine', warmupEpochs: 0 }, 2, 2)).toEqual([0.1, 0.05]);
  });

  it('drops by the factor every k epochs', () => {
    const got = rates({ kind: 'step', everyEpochs: 2, factor: 0.5 }, 3, 15);
    expect(got).toEqual([...Array(6).fill(0.1), ...Array(6).fill(0.05), ...Array(3).fill(0.025)]);
  });

  it('reads and writes the --schedule text, refusing nonsense', () => {
    expect(parseSchedule('constant')).toEqual({ kind: 'constant' });
    expect(parseSchedule('cosine:warmup=2')).toEqual({ kind: 'cosine', warmupEpochs: 2 });
    expect(parseSchedule('cosine')).toEqual({ kind: 'cosine', warmupEpochs: 0 });
    expect(parseSchedule('step:every=5,factor=0.5')).toEqual({ kind: 'step', everyEpochs: 5, factor: 0.5 });
    for (const text of ['constant', 'cosine:warmup=2', 'step:every=5,factor=0.5']) expect(scheduleText(parseSchedule(text))).toBe(text);
    for (const bad of ['linear', 'cosine:every=2', 'step:every=0', 'step:factor=2', 'cosine:warmup=x', 'cosine:warmup=-1']) {
      expect(() => parseSchedule(bad)).toThrow(expect.objectContaining({ code: 'CLI_BAD_OPTION' }));
    }
  });
});
