/** What the web datasets panel says while a fetch runs. */
import { describe, expect, it } from 'vitest';
import type { FetchProgress } from '../../workers/api';
import { transferFraction, transferText } from './transferText';

const base: FetchProgress = { phase: 'download', file: 1, files: 2, split: 'train', fileName: 'shd_train.h5.gz', transfer: null, fraction: null, stage: 'Downloading shd_train.h5.gz' };

describe('transferText', () => {
  it('gives bytes, rate and time left as they become known', () => {
    expect(transferText(base)).toBe('Connecting for shd_train.h5.gz (file 1 of 2, train)…');
    const early = { ...base, transfer: { receivedBytes: 65536, totalBytes: 4 * 2 ** 20, bytesPerSecond: null, etaSeconds: null }, fraction: 1 / 64 };
    expect(transferText(early)).toBe('Downloading shd_train.h5.gz (file 1 of 2, train): 64.0 KiB of 4.0 MiB');
    const steady = { ...base, transfer: { receivedBytes: 2 ** 21, totalBytes: 2 ** 22, bytesPerSecond: 2 ** 20, etaSeconds: 2 }, fraction: 0.5 };
    expect(transferText(steady)).toBe('Downloading shd_train.h5.gz (file 1 of 2, train): 2.0 MiB of 4.0 MiB · 1.0 MiB/s · 2 s left');
    expect(transferText({ ...steady, files: 1, transfer: { ...steady.transfer, totalBytes: null, etaSeconds: null } })).toBe('Downloading shd_train.h5.gz: 2.0 MiB · 1.0 MiB/s');
    expect(transferFraction(steady)).toBe(0.5);
  });

  it('then the loader\'s stage, then keeping it', () => {
    expect(transferText({ ...base, phase: 'unpack', stage: 'Reading shd_train.h5', fraction: 0.25 })).toBe('Unpacking shd_train.h5.gz (file 1 of 2, train): Reading shd_train.h5 25 %');
    const store = { ...base, phase: 'store' as const, stage: "Keeping SHD in this browser's storage for the lab (OPFS)", fraction: null };
    expect(transferText(store)).toBe("Keeping SHD in this browser's storage for the lab (OPFS)…");
    expect(transferFraction(store)).toBeNull();
  });
});
