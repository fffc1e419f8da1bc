/**
 * The resident dataset on the CPU backends ('host-bits', op 'residentDataset' of
 * ../kernels/registry.ts for wasm and cpu; contract in ../kernels/residentDataset.ts), whose device
 * memory is the host's: the packed bytes stay as they are (1 bit per (t, feature)); a batch reads
 * the permutation's B indices (host memory on wasm/cpu, no device readback) and unpacks
 *   x[t, b, f] = bit 7 − (t' mod 8) of packed[perm[offset + b], ⌊t'/8⌋, f'],  t' = t − Δt_b, f' = f − Δf_b
 * (zero where t' or f' falls outside), time-major as the first layer wants it, in a JS loop (~25 ms
 * for W1's 72 MB batch, against ~1.7 s for TF.js bit ops on wasm, ../../../docs/specs/webgpu.md §4).
 * `packedBatch` gives the same bits as int32 words (`hostPackedBatchWords` below; layout in
 * ../kernels/packedBatch.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { wordsPerRow } from '../kernels/packedBatch';
import { batchLabels, checkBatchRange, type UploadResident } from '../kernels/residentDataset';

export const uploadHostBits: UploadResident = (source, labels) => {
  const { N, T, F, packed } = source;
  const Tp = Math.ceil(T / 8);
  return {
    N, T, F, layout: 'host-bits', residentBytes: packed.length + labels.size * 4,
    batch(perm, offset, B, shifts) {
      checkBatchRange(N, offset, B, perm.size);
      const order = perm.dataSync().subarray(offset, offset + B);
      const moves = shifts?.dataSync();
      const out = new Float32Array(T * B * F);
      for (let b = 0; b < B; b++) {
        const base = order[b] * Tp * F;
        const dt = moves ? moves[2 * b] : 0;
        const df = moves ? moves[2 * b + 1] : 0;
        for (let t = Math.max(0, dt); t < Math.min(T, T + dt); t++) {
          const ts = t - dt;
          const row = base + (ts >> 3) * F;
          const bit = 0x80 >> (ts & 7);
          const dst = (t * B + b) * F;
          for (let f = Math.max(0, df); f < Math.min(F, F + df); f++) if (packed[row + f - df] & bit) out[dst + f] = 1;
        }
      }
      return { x: tf.tensor3d(out, [T, B, F]), y: batchLabels(labels, perm, offset, B) };
    },
    packedBatch(perm, offset, B, shifts) {
      checkBatchRange(N, offset, B, perm.size);
      const order = perm.dataSync().subarray(offset, offset + B);
      const words = hostPackedBatchWords(packed, T, F, order, shifts ? shifts.dataSync() : null);
      return { words: tf.tensor2d(words, [T * B, wordsPerRow(F)], 'int32'), T, B, F, y: batchLabels(labels, perm, offset, B) };
    },
    dispose: () => labels.dispose(),
  };
};

/**
 * Gather + pack on the host from the packed bytes [N, Tp = ⌈T/8⌉, F] (np.packbits order: step t at
 * bit 7 − t mod 8 of byte ⌊t/8⌋):
 *   out[(t·B + b)·W + ⌊f/32⌋] bit (f mod 32) = bit 7 − (t' mod 8) of packed[n, ⌊t'/8⌋, f'],
 *   n = order[b],  t' = t − Δt_b,  f' = f − Δf_b   (0 where t' ∉ [0, T) or f' ∉ [0, F)).
 * Each source byte is read once and its set bits (8 steps) scattered, so the cost is ~N·Tp·F byte
 * reads plus one write per spike, not T·B·F tests as the float unpack.
 */
function hostPackedBatchWords(packed: Uint8Array, T: number, F: number, order: ArrayLike<number>, shifts: ArrayLike<number> | null): Int32Array {
  const B = order.length;
  const Tp = Math.ceil(T / 8);
  const W = wordsPerRow(F);
  const out = new Int32Array(T * B * W);
  for (let b = 0; b < B; b++) {
    const dt = shifts ? shifts[2 * b] : 0;
    const df = shifts ? shifts[2 * b + 1] : 0;
    const fsStart = Math.max(0, -df);
    const fsEnd = Math.min(F, F - df);
    for (let tb = 0; tb < Tp; tb++) {
      const row = (order[b] * Tp + tb) * F;
      for (let fs = fsStart; fs < fsEnd; fs++) {
        let byte = packed[row + fs];
        if (byte === 0) continue;
        const f = fs + df;
        const word = f >> 5;
        const mask = 1 << (f & 31);
        while (byte !== 0) {
          const p = 31 - Math.clz32(byte); // highest set bit: the earliest step left
          byte ^= 1 << p;
          const ts = 8 * tb + 7 - p;
          const t = ts + dt;
          if (ts < T && t >= 0 && t < T) out[(t * B + b) * W + word] |= mask;
        }
      }
    }
  }
  return out;
}
