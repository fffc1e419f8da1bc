import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../test/paths';
import { readIdx } from './idx';
import { readWav } from './wav';

// Real source files (FSDD's recording 0_george_0.wav, the MNIST IDX labels; test/README.md): formats as
// specs/datasets.md §2 gives them (docs/datasets.md).
describe('source formats', () => {
  it('reads an FSDD recording as 8 kHz mono and rejects non-WAV bytes with DATA_NOT_WAV', () => {
    const bytes = new Uint8Array(readFileSync(fixture('data', 'fsdd', '0_george_0.wav')));
    const wav = readWav(bytes);
    expect(wav.sampleRate).toBe(8000);
    // 16-bit mono: (4,812 bytes − 44-byte header) / 2 samples for a canonical WAV.
    expect(bytes.length).toBe(4812);
    expect(wav.samples.length).toBe((bytes.length - 44) / 2);
    expect(Math.max(...wav.samples.map(Math.abs))).toBeGreaterThan(0.01);
    expect(() => readWav(new TextEncoder().encode('RIFX....WAVE'))).toThrow(expect.objectContaining({ code: 'DATA_NOT_WAV' }));
  });

  it('reads the MNIST IDX labels (10,000, by class) and rejects a bad magic with DATA_NOT_IDX', () => {
    const labels = readIdx(new Uint8Array(gunzipSync(readFileSync(fixture('data', 'mnist', 'mnist-train-first10k-byclass-labels-idx1-ubyte.gz')))));
    expect(labels.shape).toEqual([10000]);
    expect(labels.data[0]).toBe(0);
    expect(labels.data[9999]).toBe(9);
    expect(() => readIdx(Uint8Array.of(0, 0, 9, 1, 0, 0, 0, 0))).toThrow(expect.objectContaining({ code: 'DATA_NOT_IDX' }));
  });
});
