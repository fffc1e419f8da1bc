import { describe, expect, it } from 'vitest';
import { etaSeconds, formatDuration } from './eta';

describe('ETA', () => {
  const started = 1_000_000;
  it('waits for three steps and two seconds of the run', () => {
    expect(etaSeconds(null, 10, 16, started)).toBeNull();
    expect(etaSeconds({ startedAt: started, steps: 2, secondsPerSample: [1, 0.1] }, 10, 16, started + 5000)).toBeNull();
    expect(etaSeconds({ startedAt: started, steps: 3, secondsPerSample: [1, 0.1, 0.1] }, 10, 16, started + 1500)).toBeNull();
  });

  it('averages the recent steps instead of trusting the first', () => {
    const eta = etaSeconds({ startedAt: started, steps: 4, secondsPerSample: [0.7, 0.1, 0.1, 0.1] }, 10, 16, started + 3000);
    expect(eta).toBeCloseTo(10 * 16 * 0.25, 6);
  });

  it('formats seconds and minutes', () => {
    expect(formatDuration(42.4)).toBe('42 s');
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});
