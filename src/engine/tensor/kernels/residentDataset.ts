/**
 * The resident-dataset contract: a spike dataset uploaded once to the compute device and never
 * read back (DESIGN.md §5, docs/specs/bench.md §1.8–1.9). Each batch is gathered by a permutation
 * that already lives on the device and unpacked there to the first layer's float input [T, B, F],
 * optionally shifted in time and channel per sample (augmentation), or left as bits
 * (./packedBatch.ts) for a first layer that reads them.
 *
 * A backend with its own layout registers op 'residentDataset' in ./registry.ts: 'webgpu-words'
 * (../webgpu/residentWords.ts, WGSL gather + unpack) and 'host-bits' on wasm and cpu
 * (../cpu/hostBits.ts, JS loops over the packed bytes); ../data/residentDataset.ts uploads
 * through it, or with plain TF.js ops on 16-step lanes ('tfjs-lanes16') where none is registered.
 * All layouts give the same values.
 */
import * as tf from '@tensorflow/tfjs-core';
import { SpikelabError } from '../../core/errors';
import type { PackedBatch } from './packedBatch';

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

/** A backend's upload of a checked source, with its labels already on the device ([N] int32). */
export type UploadResident = (source: PackedSource, labels: tf.Tensor1D) => ResidentDataset;

/** Throws DATA_BATCH_RANGE unless columns [offset, offset + B) lie in a permutation of at most N. */
export function checkBatchRange(N: number, offset: number, B: number, permLength: number): void {
  if (offset < 0 || offset + B > permLength || permLength > N) {
    throw new SpikelabError('DATA_BATCH_RANGE', `Batch [${offset}, ${offset + B}) is outside the permutation of ${permLength} (N = ${N}).`,
      'Take ⌊N/B⌋ batches per epoch and drop the remainder, as the benchmark protocol does (specs/bench.md §1.9).');
  }
}

/** The labels of columns perm[offset … offset + B). */
export function batchLabels(labels: tf.Tensor1D, perm: tf.Tensor1D, offset: number, B: number): tf.Tensor1D {
  return tf.gather(labels, tf.slice(perm, [offset], [B]));
}
