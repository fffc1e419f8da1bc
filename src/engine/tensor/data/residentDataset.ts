/**
 * A spike dataset resident on the compute device, uploaded once and never read back
 * (DESIGN.md §5, docs/specs/bench.md §1.8–1.9). Each batch is gathered by a permutation that
 * already lives on the device and unpacked there to the first layer's float input [T, B, F],
 * optionally shifted in time and channel per sample (augmentation).
 *
 * webgpu: the packed bytes as u32 words (1 bit per (t, feature), plus ≤ 3 bytes of padding) and
 * one WGSL gather+unpack dispatch (../webgpu/programs/gatherUnpackProgram.ts). wasm and cpu, whose device
 * memory is the host's: the packed bytes themselves (1 bit per (t, feature)), gathered and
 * unpacked by a JS loop (~25 ms for W1's 72 MB batch, against ~1.7 s for TF.js bit ops on wasm,
 * ../../../docs/specs/webgpu.md §4). webgl: plain TF.js ops on 16-step int32 lanes
 * (./packedWords.ts; 2 bits per (t, feature)). All three give the same values.
 * `packedBatch` (webgpu: ../webgpu/programs/gatherPackProgram.ts; wasm and cpu: a JS loop) gives the same
 * batch as 1-bit words for a first layer that reads bits (./packedBatch.ts, ../kernels/bitMatMulRegistry.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { SpikelabError } from '../../core/errors';
import { GatherPackProgram } from '../webgpu/programs/gatherPackProgram';
import { GatherUnpackProgram } from '../webgpu/programs/gatherUnpackProgram';
import { asTensor, webgpuBackend } from '../webgpu/webgpuBackend';
import { hostPackedBatchWords, wordsPerRow, type PackedBatch } from './packedBatch';
import { packedLanes16, packedWords } from './packedWords';

export interface PackedSource {
  /** [N, ⌈T/8⌉, F] bytes, np.packbits order along time. */
  packed: Uint8Array;
  /** [N] class labels. */
  labels: Uint8Array;
  N: number;
  T: number;
  F: number;
}

export interface Batch {
  /** [T, B, F] float32 of 0/1. */
  x: tf.Tensor3D;
  /** [B] int32. */
  y: tf.Tensor1D;
}

export interface ResidentDataset {
  readonly N: number;
  readonly T: number;
  readonly F: number;
  readonly layout: 'webgpu-words' | 'host-bits' | 'tfjs-lanes16';
  /** Bytes held on the device: packed data plus int32 labels. */
  readonly residentBytes: number;
  /**
   * Batch of columns perm[offset … offset + B). `shifts` ([B, 2] int32: Δt, Δf per column) moves
   * each sample later in time / up in channel, filling with zeros.
   */
  batch(perm: tf.Tensor1D, offset: number, B: number, shifts?: tf.Tensor2D): Batch;
  /**
   * The same batch left as bits for a first layer that reads them (./packedBatch.ts): words
   * [T·B, ⌈F/32⌉], bit f mod 32 of word ⌊f/32⌋ of row t·B + b = batch(…).x[t, b, f]. Present on
   * 'webgpu-words' and 'host-bits'; absent on 'tfjs-lanes16' (callers use batch()).
   */
  packedBatch?(perm: tf.Tensor1D, offset: number, B: number, shifts?: tf.Tensor2D): PackedBatch;
  dispose(): void;
}

function check(source: PackedSource): void {
  const expected = source.N * Math.ceil(source.T / 8) * source.F;
  if (source.packed.length !== expected || source.labels.length !== source.N) {
    throw new SpikelabError('DATA_PACKED_SIZE', `The packed dataset has ${source.packed.length} bytes and ${source.labels.length} labels; [N=${source.N}, ⌈T/8⌉=${Math.ceil(source.T / 8)}, F=${source.F}] needs ${expected} bytes and ${source.N} labels.`,
      'Pack along time with np.packbits(x, axis=1) and pass the N, T and F it was packed with.');
  }
}

function checkRange(N: number, offset: number, B: number, permLength: number): void {
  if (offset < 0 || offset + B > permLength || permLength > N) {
    throw new SpikelabError('DATA_BATCH_RANGE', `Batch [${offset}, ${offset + B}) is outside the permutation of ${permLength} (N = ${N}).`,
      'Take ⌊N/B⌋ batches per epoch and drop the remainder, as the benchmark protocol does (specs/bench.md §1.9).');
  }
}

function labelsOf(labels: tf.Tensor1D, perm: tf.Tensor1D, offset: number, B: number): tf.Tensor1D {
  return tf.gather(labels, tf.slice(perm, [offset], [B]));
}

/** Uploads `source` to the active backend's memory; the one host→device copy. */
export function uploadDataset(source: PackedSource): ResidentDataset {
  check(source);
  const { N, T, F } = source;
  const labels = tf.tensor1d(Int32Array.from(source.labels), 'int32');
  if (tf.getBackend() === 'webgpu') {
    webgpuBackend();
    const words = tf.tensor1d(packedWords(source.packed), 'int32');
    const Tp = Math.ceil(T / 8);
    return {
      N, T, F, layout: 'webgpu-words', residentBytes: words.size * 4 + labels.size * 4,
      batch(perm, offset, B, shifts) {
        checkRange(N, offset, B, perm.size);
        const program = new GatherUnpackProgram(T, B, F, shifts !== undefined);
        const inputs = shifts ? [words, perm, shifts] : [words, perm];
        const uniforms = [T, B, F, Tp, offset].map((v) => ({ type: 'int32', data: [v] }));
        const x = asTensor(webgpuBackend().runWebGPUProgram(program, inputs, 'float32', uniforms)) as tf.Tensor3D;
        return { x, y: labelsOf(labels, perm, offset, B) };
      },
      packedBatch(perm, offset, B, shifts) {
        checkRange(N, offset, B, perm.size);
        const program = new GatherPackProgram(T, B, F, shifts !== undefined);
        const inputs = shifts ? [words, perm, shifts] : [words, perm];
        const uniforms = [T, B, F, Tp, offset, wordsPerRow(F)].map((v) => ({ type: 'int32', data: [v] }));
        const out = asTensor(webgpuBackend().runWebGPUProgram(program, inputs, 'int32', uniforms)) as tf.Tensor2D;
        return { words: out, T, B, F, y: labelsOf(labels, perm, offset, B) };
      },
      dispose: () => tf.dispose([words, labels]),
    };
  }
  if (tf.getBackend() === 'wasm' || tf.getBackend() === 'cpu') return hostBits(source, labels);
  const L = Math.ceil(T / 16);
  const lanes = tf.tensor3d(packedLanes16(source.packed, N, T, F), [N, L, F], 'int32');
  const powers = tf.tensor4d(Int32Array.from({ length: 16 }, (_, k) => 2 ** (15 - k)), [1, 1, 16, 1], 'int32');
  return {
    N, T, F, layout: 'tfjs-lanes16', residentBytes: lanes.size * 4 + labels.size * 4,
    batch(perm, offset, B, shifts) {
      checkRange(N, offset, B, perm.size);
      const x = tf.tidy(() => {
        const picked = tf.gather(lanes, tf.slice(perm, [offset], [B])); // [B, L, F]
        const bits = tf.mod(tf.floorDiv(tf.expandDims(picked, 2), powers), 2); // [B, L, 16, F]
        let sample = tf.slice(tf.reshape(bits, [B, L * 16, F]), [0, 0, 0], [B, T, F]); // [B, T, F]
        if (shifts) sample = shiftSamples(sample, shifts, T, F);
        return tf.cast(tf.transpose(sample, [1, 0, 2]), 'float32') as tf.Tensor3D;
      });
      return { x, y: labelsOf(labels, perm, offset, B) };
    },
    dispose: () => tf.dispose([lanes, powers, labels]),
  };
}

/**
 * The CPU backends' resident layout: the packed bytes stay as they are; a batch reads the
 * permutation's B indices (host memory on wasm/cpu, no device readback) and unpacks
 *   x[t, b, f] = bit 7 − (t' mod 8) of packed[perm[offset + b], ⌊t'/8⌋, f'],  t' = t − Δt_b, f' = f − Δf_b
 * (zero where t' or f' falls outside), time-major as the first layer wants it. `packedBatch` gives
 * the same bits as int32 words (./packedBatch.ts hostPackedBatchWords).
 */
function hostBits(source: PackedSource, labels: tf.Tensor1D): ResidentDataset {
  const { N, T, F, packed } = source;
  const Tp = Math.ceil(T / 8);
  return {
    N, T, F, layout: 'host-bits', residentBytes: packed.length + labels.size * 4,
    batch(perm, offset, B, shifts) {
      checkRange(N, offset, B, perm.size);
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
      return { x: tf.tensor3d(out, [T, B, F]), y: labelsOf(labels, perm, offset, B) };
    },
    packedBatch(perm, offset, B, shifts) {
      checkRange(N, offset, B, perm.size);
      const order = perm.dataSync().subarray(offset, offset + B);
      const words = hostPackedBatchWords(packed, T, F, order, shifts ? shifts.dataSync() : null);
      return { words: tf.tensor2d(words, [T * B, wordsPerRow(F)], 'int32'), T, B, F, y: labelsOf(labels, perm, offset, B) };
    },
    dispose: () => labels.dispose(),
  };
}

/**
 * out[b, t, f] = x[b, t − Δt_b, f − Δf_b], zero outside; plain TF.js. Each shift is a gather along
 * the flattened (sample, axis) rows: tfjs-backend-wasm 4.22 mis-handles gather with batchDims.
 */
function shiftSamples(x: tf.Tensor, shifts: tf.Tensor2D, T: number, F: number): tf.Tensor {
  const B = x.shape[0];
  const int = (v: number) => tf.scalar(v, 'int32');
  /** Shifts axis 1 of y [B, size, rest] by column `column` of shifts. */
  const shiftAxis1 = (y: tf.Tensor, size: number, rest: number, column: number) => {
    const idx = tf.sub(tf.expandDims(tf.range(0, size, 1, 'int32'), 0), tf.slice(shifts, [0, column], [B, 1])); // [B, size]
    const valid = tf.cast(tf.logicalAnd(tf.greaterEqual(idx, int(0)), tf.less(idx, int(size))), y.dtype);
    // min/max, not clipByValue: tfjs-backend-wasm 4.22 does not clip int32 tensors.
    const clipped = tf.minimum(tf.maximum(idx, int(0)), int(size - 1));
    const rows = tf.add(clipped, tf.mul(tf.expandDims(tf.range(0, B, 1, 'int32'), 1), int(size)));
    const picked = tf.reshape(tf.gather(tf.reshape(y, [B * size, rest]), tf.reshape(rows, [B * size])), [B, size, rest]);
    return tf.mul(picked, tf.expandDims(valid, 2));
  };
  const timeShifted = shiftAxis1(x, T, F, 0);
  const chanShifted = shiftAxis1(tf.transpose(timeShifted, [0, 2, 1]), F, T, 1);
  return tf.transpose(chanShifted, [0, 2, 1]);
}
