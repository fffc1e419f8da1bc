/**
 * Uploading a spike dataset to the compute device (contract: ../kernels/residentDataset.ts). The
 * size is checked, the labels uploaded, and the bytes handed to the active backend's layout (op
 * 'residentDataset' of ../kernels/registry.ts: 'webgpu-words' on webgpu, 'host-bits' on wasm and
 * cpu). Where no backend registered one (webgl) the plain TF.js layout below runs: 16 time steps
 * per int32 lane (2 bits per (t, feature)), unpacked by TF.js integer ops. All layouts give the
 * same values.
 */
import * as tf from '@tensorflow/tfjs-core';
import { SpikelabError } from '../../core/errors';
import { kernelFor } from '../kernels/registry';
import { batchLabels, checkBatchRange, type PackedSource, type ResidentDataset } from '../kernels/residentDataset';

function check(source: PackedSource): void {
  const expected = source.N * Math.ceil(source.T / 8) * source.F;
  if (source.packed.length !== expected || source.labels.length !== source.N) {
    throw new SpikelabError('DATA_PACKED_SIZE', `The packed dataset has ${source.packed.length} bytes and ${source.labels.length} labels; [N=${source.N}, ⌈T/8⌉=${Math.ceil(source.T / 8)}, F=${source.F}] needs ${expected} bytes and ${source.N} labels.`,
      'Pack along time with np.packbits(x, axis=1) and pass the N, T and F it was packed with.');
  }
}

/** Uploads `source` to the active backend's memory; the one host→device copy. */
export function uploadDataset(source: PackedSource): ResidentDataset {
  check(source);
  const { N, T, F } = source;
  const labels = tf.tensor1d(Int32Array.from(source.labels), 'int32');
  const upload = kernelFor('residentDataset');
  if (upload) return upload(source, labels);
  const L = Math.ceil(T / 16);
  const lanes = tf.tensor3d(packedLanes16(source.packed, N, T, F), [N, L, F], 'int32');
  const powers = tf.tensor4d(Int32Array.from({ length: 16 }, (_, k) => 2 ** (15 - k)), [1, 1, 16, 1], 'int32');
  return {
    N, T, F, layout: 'tfjs-lanes16', residentBytes: lanes.size * 4 + labels.size * 4,
    batch(perm, offset, B, shifts) {
      checkBatchRange(N, offset, B, perm.size);
      const x = tf.tidy(() => {
        const picked = tf.gather(lanes, tf.slice(perm, [offset], [B])); // [B, L, F]
        const bits = tf.mod(tf.floorDiv(tf.expandDims(picked, 2), powers), 2); // [B, L, 16, F]
        let sample = tf.slice(tf.reshape(bits, [B, L * 16, F]), [0, 0, 0], [B, T, F]); // [B, T, F]
        if (shifts) sample = shiftSamples(sample, shifts, T, F);
        return tf.cast(tf.transpose(sample, [1, 0, 2]), 'float32') as tf.Tensor3D;
      });
      return { x, y: batchLabels(labels, perm, offset, B) };
    },
    dispose: () => tf.dispose([lanes, powers, labels]),
  };
}

/**
 * The plain TF.js layout: 16 time steps per int32 lane, [N, ⌈T/16⌉, F], step t = 16·j + k of lane
 * j at bit 15 − k (values < 2¹⁶, exact even where integer ops run in float32; docs/specs/bench.md §1.8).
 */
export function packedLanes16(bytes: Uint8Array, N: number, T: number, F: number): Int32Array {
  const Tp = Math.ceil(T / 8);
  const L = Math.ceil(T / 16);
  const lanes = new Int32Array(N * L * F);
  for (let n = 0; n < N; n++) {
    for (let j = 0; j < L; j++) {
      const hi = (n * Tp + 2 * j) * F;
      const lo = hi + F;
      const hasLo = 2 * j + 1 < Tp;
      const dst = (n * L + j) * F;
      for (let f = 0; f < F; f++) lanes[dst + f] = (bytes[hi + f] << 8) | (hasLo ? bytes[lo + f] : 0);
    }
  }
  return lanes;
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
