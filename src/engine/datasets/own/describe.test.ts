import { describe, expect, it } from 'vitest';
import { classCountsText, filesLabel, ownId } from './describe';

describe('how an own dataset is named and described', () => {
  it('names it after the file(s)', () => {
    expect(filesLabel([{ name: 'data.npz' }])).toBe('data.npz');
    expect(filesLabel([{ name: 'a/x.npy' }, { name: 'a/y.npy' }])).toBe('x.npy + y.npy');
    expect(filesLabel([{ name: 'Train/1/a.bin' }, { name: 'Train/2/b.bin' }, { name: 'Test/3/c.bin' }])).toBe('Train/, Test/ (3 files)');
    expect(filesLabel([{ name: 'a.bin' }, { name: 'b.bin' }, { name: 'c.bin' }])).toBe('a.bin and 2 more');
  });
  it('gives the same files the same id, and other files another', () => {
    expect(ownId([{ name: 'My Data.npz', size: 10 }])).toMatch(/^own:my-data-npz-[0-9a-z]+$/);
    expect(ownId([{ name: 'My Data.npz', size: 10 }])).toBe(ownId([{ name: 'My Data.npz', size: 10 }]));
    expect(ownId([{ name: 'My Data.npz', size: 11 }])).not.toBe(ownId([{ name: 'My Data.npz', size: 10 }]));
  });
  it('says how many samples each class has', () => {
    expect(classCountsText([20, 20, 20])).toBe('20 per class');
    expect(classCountsText([90, 110])).toBe('90 / 110 per class');
    expect(classCountsText([0, 4, 9])).toBe('0 / 4 / 9 per class, 1 class with none');
    expect(classCountsText([3, 40, 5, 6, 7])).toBe('3–40 per class');
  });
});
