import { describe, expect, it } from 'vitest';
import { MicroBatchPlanner, splitBatch } from './microBatches';

describe('micro-batch planning', () => {
  it('splits a batch into pieces of a size, the remainder last', () => {
    expect(splitBatch(8, 3)).toEqual([3, 3, 2]);
    expect(splitBatch(8, 8)).toEqual([8]);
    expect(splitBatch(5, 0)).toEqual([1, 1, 1, 1, 1]);
  });

  it('keeps the whole batch without a mode, and a fixed size with one', () => {
    expect(new MicroBatchPlanner(undefined).nextPiece(32, 32)).toBe(32);
    expect(new MicroBatchPlanner(5).nextPiece(32, 32)).toBe(5);
    expect(new MicroBatchPlanner(5).nextPiece(32, 2)).toBe(2);
  });

  it('probes first, then cuts slow batches into power-of-two pieces under the target', () => {
    const planner = new MicroBatchPlanner('auto', 400);
    expect(planner.nextPiece(16, 16)).toBe(2); // ⌈16/8⌉
    planner.observe(2, 1500); // the N-MNIST conv net on wasm: 750 ms a sample
    expect(planner.nextPiece(16, 14)).toBe(1);
    const fast = new MicroBatchPlanner('auto', 400);
    fast.observe(32, 64); // 2 ms a sample: a 256 batch takes 512 ms, within the slack
    expect(fast.nextPiece(256, 256)).toBe(256);
    fast.observe(256, 256 * 8); // slower now: 5 ms on average, so 64 samples fit in 400 ms
    expect(fast.estimate).toBe(5);
    expect(fast.nextPiece(256, 256)).toBe(64);
  });
});
