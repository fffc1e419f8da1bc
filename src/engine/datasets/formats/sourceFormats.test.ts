import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../scripts/datasets/csv';
import { readIdx } from './idx';
import { readWav } from './wav';

// Real source files of ../shared/data (FSDD WAVs, MNIST IDX): formats as specs/datasets.md §2 gives them.
describe('source formats', () => {
  it('reads an FSDD recording as 8 kHz mono and rejects non-WAV bytes with DATA_NOT_WAV', () => {
    const row = parseCsv(readFileSync('../shared/data/fsdd/fsdd_index.csv', 'utf8'))[0];
    const chunk = gunzipSync(readFileSync(`../shared/data/fsdd/${row.chunk_file}`));
    const wav = readWav(new Uint8Array(chunk.subarray(Number(row.byte_offset), Number(row.byte_offset) + Number(row.byte_length))));
    expect(wav.sampleRate).toBe(8000);
    // 16-bit mono: (byte_length − 44-byte header) / 2 samples for a canonical WAV.
    expect(wav.samples.length).toBe((Number(row.byte_length) - 44) / 2);
    expect(Math.max(...wav.samples.map(Math.abs))).toBeGreaterThan(0.01);
    expect(() => readWav(new TextEncoder().encode('RIFX....WAVE'))).toThrow(expect.objectContaining({ code: 'DATA_NOT_WAV' }));
  });

  it('reads the MNIST IDX labels (10,000, by class) and rejects a bad magic with DATA_NOT_IDX', () => {
    const labels = readIdx(new Uint8Array(gunzipSync(readFileSync('../shared/data/mnist_npm10k/mnist-train-first10k-byclass-labels-idx1-ubyte.gz'))));
    expect(labels.shape).toEqual([10000]);
    expect(labels.data[0]).toBe(0);
    expect(labels.data[9999]).toBe(9);
    expect(() => readIdx(Uint8Array.of(0, 0, 9, 1, 0, 0, 0, 0))).toThrow(expect.objectContaining({ code: 'DATA_NOT_IDX' }));
  });
});
