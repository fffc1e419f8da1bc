import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../scripts/datasets/csv';
import { fixture } from '../../../../test/paths';
import { countSpikes, packedSteps, spikeAt } from '../formats/bitpack';
import { eventsBefore, type EventStream } from '../formats/events';
import { decodeNmnistBin, NMNIST_SENSOR } from '../formats/nmnistBin';
import { binEventsToPackedFrames, sliceCountByTime } from './toFrame';

// tonic's own test recording (neuromorphs/tonic test/test_data/sample_nmnist.bin, test/README.md);
// statistics from specs/datasets.md §4.3 (docs/datasets.md), golden md5s of Spyx/tonic packed frames from
// test/fixtures/data/synthetic_format_fixtures/golden_binning.csv (made with tonic + np.packbits).
const sampleBytes = new Uint8Array(readFileSync(fixture('data', 'nmnist', 'tonic_sample_nmnist.bin')));
const golden = parseCsv(readFileSync(fixture('data', 'synthetic_format_fixtures', 'golden_binning.csv'), 'utf8'))
  .filter((r) => r.input === 'tonic_sample_nmnist.bin');
const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');

describe('tonic ToFrame on the tonic N-MNIST sample', () => {
  const events = decodeNmnistBin(sampleBytes);

  // datasets.md §4.3 counts "2,180 ON / 2,145 OFF"; those are the events with polarity bit 0 and 1
  // respectively, as tonic reads the bit (p = byte2 >> 7), which is the p the golden md5s index by.
  it('decodes the sample with tonic\'s statistics (4,325 events, t 654..311,175 µs, 2,180 / 2,145 per polarity)', () => {
    expect(events.t.length).toBe(4325);
    expect(events.t[0]).toBe(654);
    expect(events.t[events.t.length - 1]).toBe(311175);
    const p1 = events.p.reduce((a, p) => a + p, 0);
    expect(events.t.length - p1).toBe(2180);
    expect(p1).toBe(2145);
    expect(Math.max(...events.x)).toBeLessThan(34);
    expect(Math.max(...events.y)).toBeLessThan(34);
  });

  it(`reproduces all ${golden.length} golden md5s (all saccades / first saccade, T = 40 and 64)`, () => {
    expect(golden).toHaveLength(4);
    for (const row of golden) {
      const T = Number(row.T);
      const input = row.binning === 'all' ? events : eventsBefore(events, 1e5);
      const out = new Uint8Array(packedSteps(T) * 2 * 34 * 34);
      const used = binEventsToPackedFrames(input, NMNIST_SENSOR, { nTimeBins: T }, out);
      expect(row.packed_shape).toBe(`${packedSteps(T)}x2x34x34`);
      expect(countSpikes(out)).toBe(Number(row.ones));
      expect(md5(out)).toBe(row.md5_of_packed_bytes);
      // tonic drops the events at or after t_first + T·w, so the last event is always lost.
      expect(used).toBe(input.t.length - 1);
    }
  });

  it('slices by 1 ms windows like SliceByTime (⌊(t_last − t_first − w)/w⌋ + 1 slices)', () => {
    expect(sliceCountByTime(events, 1000)).toBe(Math.floor((311175 - 654 - 1000) / 1000) + 1);
    const T = 320;
    const out = new Uint8Array(packedSteps(T) * 2312);
    const used = binEventsToPackedFrames(events, NMNIST_SENSOR, { timeWindowUs: 1000, T }, out);
    // 310 slices cover [654, 310654): every event before 310654 µs is used.
    expect(used).toBe(events.t.filter((t) => t < 310654).length);
    const first = { x: events.x[0], y: events.y[0], p: events.p[0] };
    expect(spikeAt(out, 0, 2312, 0, (first.p * 34 + first.y) * 34 + first.x)).toBe(1);
    // Steps 310..319 are zero padding: bytes 38 and 39 (steps 304..319) hold nothing past step 309.
    let late = 0;
    for (let t = 310; t < T; t++) for (let f = 0; f < 2312; f++) late += spikeAt(out, 0, 2312, t, f);
    expect(late).toBe(0);
  });

  it('puts an event at index [t, p, y, x] and binarises counts', () => {
    const ev: EventStream = { x: Uint16Array.of(3, 3, 5), y: Uint16Array.of(2, 2, 1), p: Uint8Array.of(1, 1, 0), t: Float64Array.of(0, 1, 100) };
    const out = new Uint8Array(packedSteps(4) * 2312);
    binEventsToPackedFrames(ev, NMNIST_SENSOR, { nTimeBins: 4 }, out);
    // w = ⌊100/4⌋ = 25: the two events at t 0 and 1 fall in bin 0 (one spike), t = 100 is dropped.
    expect(spikeAt(out, 0, 2312, 0, (1 * 34 + 2) * 34 + 3)).toBe(1);
    expect(countSpikes(out)).toBe(1);
  });
});
