import { describe, expect, it } from 'vitest';
import { CheckpointSchedule } from './checkpointSchedule';

describe('checkpoint schedule', () => {
  it('checkpoints at an epoch end, and every interval without one', () => {
    const schedule = new CheckpointSchedule(0, 30_000, 1000);
    expect(schedule.due(5000, false)).toBe(false);
    expect(schedule.due(6000, true)).toBe(true);
    schedule.started(6000);
    schedule.finished();
    expect(schedule.due(35_000, false)).toBe(false);
    expect(schedule.due(36_000, false)).toBe(true);
  });

  it('takes one at a time, and an epoch end inside the minimum gap once the gap has passed', () => {
    const schedule = new CheckpointSchedule(0, 30_000, 1000);
    expect(schedule.due(2000, true)).toBe(true);
    schedule.started(2000);
    expect(schedule.due(4000, true)).toBe(false); // the first is still being taken
    schedule.finished();
    schedule.started(4000);
    schedule.finished();
    expect(schedule.due(4500, true)).toBe(false); // inside the gap: remembered
    expect(schedule.due(5100, false)).toBe(true);
  });
});
