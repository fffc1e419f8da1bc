import { describe, expect, it } from 'vitest';
import { refusedNote, storagePlan } from './storagePlan';

const MiB = 2 ** 20;

describe('keeping an own dataset across reloads', () => {
  it('keeps what fits in 80 % of the quota left, and says how much that is', () => {
    expect(storagePlan(10 * MiB, { usage: 100 * MiB, quota: 1000 * MiB })).toEqual({
      keep: true, note: 'Kept in this browser (IndexedDB, 10.0 MiB of the 900.0 MiB it allows the lab), so it is listed after a reload.',
    });
  });
  it('holds a file too large to keep for this session only, with the numbers', () => {
    const plan = storagePlan(1024 * MiB, { usage: 200 * MiB, quota: 1000 * MiB });
    expect(plan.keep).toBe(false);
    expect(plan.note).toBe('Too large to keep across reloads: it needs 1.0 GiB and this browser allows the lab 800.0 MiB more. It works for this session; drop the file again after a reload.');
    expect(storagePlan(750 * MiB, { usage: 0, quota: 900 * MiB }).keep).toBe(false); // over 80 % of what is left
  });
  it('tries to keep when the browser gives no estimate, and says when it refused', () => {
    expect(storagePlan(5 * MiB, null).keep).toBe(true);
    expect(refusedNote('QuotaExceededError')).toMatch(/^Not kept across reloads: the browser refused to store it \(QuotaExceededError\)\. It works for this session/);
  });
});
