/**
 * The resident dataset on the CPU backends ('host-bits', op 'residentDataset' of
 * ../kernels/registry.ts for wasm and cpu; contract in ../kernels/residentDataset.ts), whose device
 * memory is the host's: the packed bytes stay as they are (1 bit per (t, feature)); a batch reads
 * the permutation's B indices (host memory on wasm/cpu, no device readback) and unpacks
 *   x[t, b, f] = bit 7 − (t' mod 8) of packed[perm[offset + b], ⌊t'/8⌋, f'],  t' = t − Δt_b, f' = f − Δf_b
 * (zero where t' or f' falls outside), time-major as the first layer wants it, in a JS loop that
 * visits only the set bits, into one array reused from batch to batch (against ~1.7 s for TF.js bit ops on wasm for W1's 72 MB batch,
 * ../../../docs/specs/webgpu.md §4).
 * `packedBatch` gives the same bits as int32 words (layout in ../kernels/packedBatch.ts): with
 * WebAssembly SIMD by the bit transpose of ./bitKernels.ts over a copy of the packed bytes kept in
 * that module's memory (`simdGather` below), else, and for a batch with shifts (augmentation), by
 * the JS loop (`hostPackedBatchWords`).
 */
import * as tf from '@tensorflow/tfjs-core';
import { SpikelabError } from '../../core/errors';
import { wordsPerRow } from '../kernels/packedBatch';
import { batchLabels, checkBatchRange, type UploadResident } from '../kernels/residentDataset';
import { align16, BIT_PAD, bitKernels } from './bitKernels';
import { tensorOfView } from './tensorValues';

export const uploadHostBits: UploadResident = (source, labels) => {
  const { N, T, F, packed } = source;
  const words = wordsOf(packed);
  const simd = simdGather(packed, N, T, F);
  // One batch's floats, reused from batch to batch: a fresh 10 MB array costs a page fault per 4 kB it is written to.
  let scratch = new Float32Array(0);
  return {
    N, T, F, layout: 'host-bits', residentBytes: packed.length + labels.size * 4,
    batch(perm, offset, B, shifts) {
      checkBatchRange(N, offset, B, perm.size);
      const order = perm.dataSync().subarray(offset, offset + B);
      const moves = shifts?.dataSync();
      if (scratch.length !== T * B * F) scratch = new Float32Array(T * B * F);
      const out = scratch;
      out.fill(0);
      forEachSpike(words, T, F, order, moves ?? null, (t, b, f) => {
        out[(t * B + b) * F + f] = 1;
      });
      return { x: tensorOfView(out, [T, B, F]) as tf.Tensor3D, y: batchLabels(labels, perm, offset, B) };
    },
    packedBatch(perm, offset, B, shifts) {
      checkBatchRange(N, offset, B, perm.size);
      const order = perm.dataSync().subarray(offset, offset + B);
      const fast = shifts ? null : simd?.(order);
      const bits = fast ?? hostPackedBatchWords(words, T, F, order, shifts ? shifts.dataSync() : null);
      return { words: tensorOfView(bits, [T * B, wordsPerRow(F)]) as tf.Tensor2D, T, B, F, y: batchLabels(labels, perm, offset, B) };
    },
    dispose: () => labels.dispose(),
  };
};

/**
 * The SIMD gather (./bitKernels.ts gatherWords): the packed bytes are copied once into the module's
 * memory (with BIT_PAD zero bytes after them), then each batch's words are a view of that memory
 * (valid until the next batch: ./tensorValues.ts tensorOfView makes it a tensor). null without
 * WebAssembly SIMD or when the memory cannot hold the bytes; a batch returns null when the memory
 * cannot grow for it (the JS loop runs then).
 */
function simdGather(packed: Uint8Array, N: number, T: number, F: number): ((order: ArrayLike<number>) => Int32Array | null) | null {
  const k = typeof WebAssembly === 'undefined' ? null : bitKernels();
  const orderAt = align16(packed.length + BIT_PAD);
  if (!k || !k.reserve(orderAt)) return null;
  new Uint8Array(k.memory.buffer, 0, packed.length).set(packed);
  const Tp = Math.ceil(T / 8);
  const W = wordsPerRow(F);
  return (order) => {
    const B = order.length;
    const outAt = orderAt + align16(B * 4);
    if (!k.reserve(outAt + T * B * W * 4)) return null;
    const samples = new Int32Array(k.memory.buffer, orderAt, B);
    for (let b = 0; b < B; b++) {
      const n = order[b];
      if (!(n >= 0 && n < N)) throw new SpikelabError('INTERNAL', `Batch sample ${n} is outside the resident dataset's ${N} samples.`, 'This is a bug in the batch order.');
      samples[b] = n;
    }
    k.gatherWords(0, orderAt, B, Tp, F, T, outAt, W);
    return new Int32Array(k.memory.buffer, outAt, T * B * W);
  };
}

/**
 * The packed bytes as little-endian 32-bit words (byte j of a word is bits 8j..8j+7), so the gather
 * skips four zero bytes with one test (at 2% density over 8 steps about half the words are 0): a
 * view where the bytes are 4-byte aligned and whole words long, else an aligned, zero-padded copy
 * (made once, at upload).
 */
function wordsOf(packed: Uint8Array): Uint32Array {
  if (packed.byteOffset % 4 === 0 && packed.length % 4 === 0) return new Uint32Array(packed.buffer, packed.byteOffset, packed.length / 4);
  const padded = new Uint8Array(Math.ceil(packed.length / 4) * 4);
  padded.set(packed);
  return new Uint32Array(padded.buffer);
}

/**
 * Every spike of the batch from the packed bytes [N, Tp = ⌈T/8⌉, F] (np.packbits order: step t at
 * bit 7 − t mod 8 of byte ⌊t/8⌋), read through `words` (./wordsOf): `spike(t, b, f)` for each set
 * bit 7 − (t' mod 8) of packed[n, ⌊t'/8⌋, f'], n = order[b], t = t' + Δt_b, f = f' + Δf_b, where
 * t ∈ [0, T), f ∈ [0, F). Each source word is read once and only its non-zero bytes' set bits
 * (8 steps) visited, so the cost is ~B·Tp·F/4 word reads plus one call per spike, not T·B·F tests.
 */
function forEachSpike(words: Uint32Array, T: number, F: number, order: ArrayLike<number>, shifts: ArrayLike<number> | null, spike: (t: number, b: number, f: number) => void): void {
  const Tp = Math.ceil(T / 8);
  for (let b = 0; b < order.length; b++) {
    const dt = shifts ? shifts[2 * b] : 0;
    const df = shifts ? shifts[2 * b + 1] : 0;
    for (let tb = 0; tb < Tp; tb++) {
      const row = (order[b] * Tp + tb) * F;
      const first = row + Math.max(0, -df); // the row's bytes [first, last) that land inside [0, F)
      const last = row + Math.min(F, F - df);
      for (let q = first >> 2; q < (last + 3) >> 2; q++) {
        let v = words[q];
        for (let at = 4 * q; v !== 0; at++, v >>>= 8) {
          let byte = v & 0xff;
          if (byte === 0 || at < first || at >= last) continue;
          const f = at - row + df;
          while (byte !== 0) {
            const p = 31 - Math.clz32(byte); // highest set bit: the earliest step left
            byte ^= 1 << p;
            const ts = 8 * tb + 7 - p;
            const t = ts + dt;
            if (ts < T && t >= 0 && t < T) spike(t, b, f);
          }
        }
      }
    }
  }
}

/**
 * Gather + pack on the host: out[(t·B + b)·W + ⌊f/32⌋] bit (f mod 32) set for every spike
 * (t, b, f) of `forEachSpike`.
 */
function hostPackedBatchWords(words: Uint32Array, T: number, F: number, order: ArrayLike<number>, shifts: ArrayLike<number> | null): Int32Array {
  const B = order.length;
  const W = wordsPerRow(F);
  const out = new Int32Array(T * B * W);
  forEachSpike(words, T, F, order, shifts, (t, b, f) => {
    out[(t * B + b) * W + (f >> 5)] |= 1 << (f & 31);
  });
  return out;
}
