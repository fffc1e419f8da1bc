/**
 * The first layer's bit path on the CPU backends (Node: wasm and cpu): the SIMD bit scan into rows
 * against the JS one, packedBatch bit-exact against batch() of the same resident dataset (SIMD
 * gather without shifts, JS with), and bitMatMul (y = x·Wᵀ, ∂W of L = Σ y ⊙ r with a
 * random r) against a dense tf.matMul of the unpacked floats, in SIMD and in JS, with an empty and
 * an all-ones row; then the shared conformance suite (../../../harness/conformance/bitMatMulConformance.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../core/rng';
import { startNodeBackend } from '../runtime/loaders.node';
import { kernelFor } from '../kernels/registry';
import { randomWordRows, runBitMatMulConformance } from '../../../harness/conformance/bitMatMulConformance';
import { packFloatRows, unpackWordRows, wordsPerRow } from '../kernels/packedBatch';
import { fisherYates } from '../data/permutation';
import { uploadDataset } from '../data/residentDataset';
import { maxError } from '../../../harness/conformance/maxError';
import { bitKernels } from './bitKernels';
import { bitMatMul, wordRows, wordRowsSimd } from './bitMatMul';

/** y and ∂W of bitMatMul (`simd` on/off) and of tf.matMul on the unpacked floats. */
function compare(M: number, F: number, O: number, words: Int32Array, simd: boolean): void {
  const r = mulberry32(M * 31 + F);
  const wHost = Float32Array.from({ length: O * F }, () => r.uniform() - 0.5);
  const rHost = Float32Array.from({ length: M * O }, () => 2 * r.uniform() - 1);
  const results = [true, false].map((bits) => tf.tidy(() => {
    const x = tf.tensor2d(unpackWordRows(words, M, F), [M, F]);
    const packed = tf.tensor2d(words, [M, wordsPerRow(F)], 'int32');
    const w = tf.tensor2d(wHost, [O, F]);
    const rr = tf.tensor2d(rHost, [M, O]);
    const mm = (wi: tf.Tensor) => (bits ? bitMatMul(packed, F, wi as tf.Tensor2D, { simd }) : tf.matMul(x, wi, false, true));
    const y = mm(w);
    const dW = tf.grad((wi: tf.Tensor) => tf.sum(tf.mul(mm(wi), rr)))(w);
    return [y, dW].map((t) => t.dataSync() as Float32Array);
  }));
  const [got, want] = results;
  ['y', 'dW'].forEach((name, i) => {
    const { err, scale } = maxError(got[i], want[i]);
    expect(scale, name).toBeGreaterThan(0);
    expect(err, `${name}: scale ${scale}`).toBeLessThanOrEqual(1e-5 * scale);
  });
  // Row 0 is empty: y = 0 exactly; row 1 is all ones: y = Σ_f W[o, f].
  for (let o = 0; o < O; o++) {
    expect(got[0][o]).toBe(0);
    let sum = 0;
    for (let f = 0; f < F; f++) sum += wHost[o * F + f];
    expect(Math.abs(got[0][O + o] - sum)).toBeLessThanOrEqual(1e-5 * F);
  }
}

describe('first layer on bit-packed batches (Node: wasm and cpu)', () => {
  beforeAll(async () => {
    await startNodeBackend('wasm');
    await startNodeBackend('cpu');
  });

  it('scans set bits into CSR rows, ignoring padding bits past F', () => {
    // F = 35: row 0 bits 0, 3, 31 and 33 (word 1 bit 1), plus padding bit 34 + 4 = word 1 bit 6; row 1 empty.
    const words = Int32Array.from([(1 << 0) | (1 << 3) | (1 << 31), (1 << 1) | (1 << 6), 0, 0]);
    const rows = wordRows(words, 2, 35, 100)!;
    expect(Array.from(rows.rowStart)).toEqual([0, 4, 4]);
    expect(Array.from(rows.cols.subarray(0, rows.nnz))).toEqual([0, 3, 31, 33]);
    expect(rows.vals).toBeNull();
    expect(wordRows(words, 2, 35, 3)).toBeNull();
    expect(Array.from(packFloatRows(Float32Array.from([1, 0, 0, 1, 1]), 1, 5))).toEqual([0b11001]);
  });

  it('scans the same rows in the SIMD bit module, with a bias column when asked', () => {
    const k = bitKernels();
    expect(k).not.toBeNull();
    for (const [M, F, density] of [[50, 45, 0.1], [40, 700, 0.02], [9, 32, 0.5], [7, 10, 0.3]] as const) {
      const words = randomWordRows(M, F, density, M + F);
      if (F % 32 !== 0) words[words.length - 1] |= 1 << 31; // a padding bit, ignored
      const want = wordRows(words, M, F, M * F)!;
      const got = wordRowsSimd(k!, words, M, F, M * F)!;
      expect(got.nnz).toBe(want.nnz);
      expect(Array.from(got.rowStart)).toEqual(Array.from(want.rowStart));
      expect(Array.from(got.cols.subarray(0, got.nnz))).toEqual(Array.from(want.cols.subarray(0, want.nnz)));
      const biased = wordRowsSimd(k!, words, M, F, M * F + M, true)!;
      expect(biased.K).toBe(F + 1);
      const withBias: number[] = [];
      for (let m = 0; m < M; m++) withBias.push(...want.cols.subarray(want.rowStart[m], want.rowStart[m + 1]), F);
      expect(Array.from(biased.cols.subarray(0, biased.nnz))).toEqual(withBias);
      expect(wordRowsSimd(k!, words, M, F, want.nnz - 1)).toBeNull();
    }
  });

  for (const backend of ['wasm', 'cpu'] as const) {
    it(`packedBatch equals batch() bit for bit, with and without shifts (${backend})`, async () => {
      await tf.setBackend(backend);
      // F = 10: one word, one half word past F; [4, 100, 700, 4, 0]: W1's rows, and the batch ends with the last sample (the SIMD gather reads past it).
      for (const [N, T, F, B, offset] of [[11, 13, 45, 6, 3], [8, 100, 70, 5, 2], [6, 7, 32, 4, 1], [5, 9, 10, 5, 0], [4, 100, 700, 4, 0]]) {
        const r = mulberry32(N * T + F);
        const packed = Uint8Array.from({ length: N * Math.ceil(T / 8) * F }, () => r.nextU32() & r.nextU32() & 0xff);
        if (T % 8) for (let i = 0; i < packed.length; i++) if (Math.floor(i / F) % Math.ceil(T / 8) === Math.ceil(T / 8) - 1) packed[i] &= (0xff << (8 - (T % 8))) & 0xff;
        const dataset = uploadDataset({ packed, labels: Uint8Array.from({ length: N }, (_, i) => i % 4), N, T, F });
        expect(dataset.layout).toBe('host-bits');
        const perm = tf.tensor1d(fisherYates(N, 3), 'int32');
        const shifts = tf.tensor2d(Int32Array.from({ length: 2 * B }, (_, i) => (i % 2 === 0 ? (i % 6) - 2 : 4 - (i % 7) * 2)), [B, 2], 'int32');
        for (const s of [undefined, shifts]) {
          const bits = dataset.packedBatch!(perm, offset, B, s);
          const floats = dataset.batch(perm, offset, B, s);
          const x = floats.x.dataSync();
          expect(bits.words.shape).toEqual([T * B, wordsPerRow(F)]);
          expect(bits.words.dtype).toBe('int32');
          expect(Array.from(bits.words.dataSync())).toEqual(Array.from(packFloatRows(x, T * B, F)));
          expect(Array.from(unpackWordRows(bits.words.dataSync(), T * B, F))).toEqual(Array.from(x));
          expect(Array.from(bits.y.dataSync())).toEqual(Array.from(floats.y.dataSync()));
          expect(Array.from(x).reduce((a, v) => a + v, 0)).toBeGreaterThan(0);
          tf.dispose([bits.words, bits.y, floats.x, floats.y]);
        }
        tf.dispose([perm, shifts]);
        dataset.dispose();
      }
    });

    it(`bitMatMul gives tf.matMul's y and ∂W (${backend})`, async () => {
      await tf.setBackend(backend);
      expect(kernelFor('bitMatMul', backend)).toBeDefined();
      for (const simd of [true, false]) {
        compare(64, 70, 12, randomWordRows(64, 70, 0.05, 1), simd);
        compare(40, 45, 7, randomWordRows(40, 45, 0.2, 2), simd); // O not a multiple of 4: JS sums
        compare(30, 64, 8, randomWordRows(30, 64, 0.1, 3), simd);
        compare(20, 33, 8, randomWordRows(20, 33, 0.8, 4), simd); // past MAX_DENSITY: dense fallback
      }
    });

    it(`passes the bit-path conformance suite (${backend})`, async () => {
      await tf.setBackend(backend);
      const results = await runBitMatMulConformance(backend);
      expect(results.map((r) => r.error ?? '')).toEqual(results.map(() => ''));
      expect(results.filter((r) => !r.ok).map((r) => `${r.name} ${JSON.stringify(r.relErr)} ${r.mismatches}`)).toEqual([]);
      expect(results.length).toBe(8);
    });
  }
});
