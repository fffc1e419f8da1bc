import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { startNodeBackend } from '../runtime/loaders.node';
import { packedWords } from '../webgpu/packedWords';
import { packedLanes16 } from './residentDataset';
import { fisherYates } from './permutation';
import { runUnpackConformance } from '../../../harness/conformance/unpackConformance';

describe('resident dataset on the CPU backends (Node: wasm and cpu): packed bytes, JS gather and unpack', () => {
  beforeAll(async () => {
    await startNodeBackend('wasm');
    await startNodeBackend('cpu');
  });

  for (const backend of ['wasm', 'cpu'] as const) {
    it(`gathers and unpacks bit-exactly against a JS unpack of the same bytes, with and without shifts (${backend})`, async () => {
      await tf.setBackend(backend);
      const results = await runUnpackConformance(backend);
      expect(results.map((r) => r.error ?? '')).toEqual(results.map(() => ''));
      expect(results.every((r) => r.ok && r.layout === 'host-bits')).toBe(true);
      expect(tf.getBackend()).toBe(backend);
    });
  }

  it('reads bytes as little-endian words and 16-step lanes (byte 0 in the low bits; step 0 at bit 15)', () => {
    expect(Array.from(packedWords(Uint8Array.from([0x04, 0x5a, 0x43, 0x66, 0x11])))).toEqual([0x66435a04, 0x11]);
    // N = 1, T = 12 (Tp = 2), F = 2: lane = byte(t 0–7) << 8 | byte(t 8–15)
    expect(Array.from(packedLanes16(Uint8Array.from([0x80, 0x01, 0xf0, 0x10]), 1, 12, 2))).toEqual([0x80f0, 0x0110]);
  });

  it('draws the Fisher–Yates permutation of bench.md §1.9 (a permutation, seeded by the epoch)', () => {
    const p = fisherYates(50, 0);
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(fisherYates(50, 0))).toEqual(Array.from(p));
    expect(Array.from(fisherYates(50, 1))).not.toEqual(Array.from(p));
  });
});
