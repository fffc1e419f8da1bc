/** The rate is taken over the last few seconds, and the ETA follows from it and the total. */
import { describe, expect, it } from 'vitest';
import { TransferRate, WINDOW_MS } from './transferRate';

describe('TransferRate', () => {
  it('says nothing for the first half second, then bytes per second and seconds left', () => {
    const rate = new TransferRate(10_000_000, 0);
    expect(rate.at(100, 50_000)).toEqual({ receivedBytes: 50_000, totalBytes: 10_000_000, bytesPerSecond: null, etaSeconds: null });
    const later = rate.at(2000, 2_000_000);
    expect(later.bytesPerSecond).toBe(1_000_000);
    expect(later.etaSeconds).toBe(8);
  });

  it('forgets samples older than the window, so a stall shows as a falling rate', () => {
    const rate = new TransferRate(null, 0);
    for (let t = 1000; t <= 10_000; t += 1000) rate.at(t, t * 1000); // 1 MB/s for 10 s
    const stalled = rate.at(10_000 + WINDOW_MS, 10_000_000); // nothing more for a whole window
    expect(stalled.bytesPerSecond).toBeLessThan(250_000);
    expect(stalled.etaSeconds).toBeNull(); // no total: no ETA
  });
});
