/**
 * Micro-benchmark of W1's first layer on the CPU backends (scripts/bench/bitMatMulBench.ts bundles
 * and runs this): M = T·B = 100·256 = 25,600 rows, F = 700 inputs, O = 128 outputs, random spikes
 * of density 0.05, gathered from a resident 'host-bits' dataset of N samples. Per backend, the
 * median ms of:
 *   unpack+spikeMatMul   batch() (gather + unpack to float32 [T, B, F]) then spikeMatMul forward + ∂W
 *   packed+bitMatMul     packedBatch() (gather + pack to int32 words [T·B, 22]) then bitMatMul forward + ∂W
 *   spikeMatMul          forward + ∂W alone, on a float batch made beforehand
 *   bitMatMul            forward + ∂W alone, on words made beforehand
 *   batch / packedBatch  the data step alone (host-bits: synchronous, no readback needed)
 * "forward + ∂W" is tf.grad(W ↦ y(W))(W, dy) with a fixed random dy [M, O], ∂W read back.
 */
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32 } from '../../../engine/core/rng';
import { startNodeBackend } from '../../../engine/tensor/runtime/loaders.node';
import { fisherYates } from '../../../engine/tensor/data/permutation';
import { uploadDataset } from '../../../engine/tensor/data/residentDataset';
import { bitMatMul } from '../../../engine/tensor/cpu/bitMatMul';
import { spikeMatMul } from '../../../engine/tensor/cpu/spikeMatMul';

export interface BitMatMulBenchOptions {
  T: number;
  B: number;
  F: number;
  O: number;
  N: number;
  density: number;
  warmup: number;
  reps: number;
}

export interface BitMatMulBenchResult {
  bench: 'bitMatMul';
  backend: string;
  case: string;
  M: number;
  F: number;
  O: number;
  density: number;
  msMedian: number;
  msMin: number;
  msMax: number;
  reps: number;
  /** Bytes of the first layer's input batch (float32 x or int32 words) where the case makes one. */
  inputBytes?: number;
}

function stats(times: number[]): { msMedian: number; msMin: number; msMax: number } {
  const s = [...times].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { msMedian: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, msMin: s[0], msMax: s[s.length - 1] };
}

export async function benchBitMatMul(backend: 'wasm' | 'cpu', o: BitMatMulBenchOptions): Promise<BitMatMulBenchResult[]> {
  await startNodeBackend(backend);
  const { T, B, F, O, N } = o;
  const M = T * B;
  const r = mulberry32(11);
  const Tp = Math.ceil(T / 8);
  // Bernoulli(density) per (n, t, f), packed along time as np.packbits; tail bits of the last byte 0.
  const packed = new Uint8Array(N * Tp * F);
  for (let n = 0; n < N; n++) {
    for (let t = 0; t < T; t++) {
      for (let f = 0; f < F; f++) if (r.uniform() < o.density) packed[(n * Tp + (t >> 3)) * F + f] |= 0x80 >> (t & 7);
    }
  }
  const dataset = uploadDataset({ packed, labels: new Uint8Array(N), N, T, F });
  const perm = tf.tensor1d(fisherYates(N, 0), 'int32');
  const w = tf.tensor2d(Float32Array.from({ length: O * F }, () => r.uniform() - 0.5), [O, F]);
  const dy = tf.tensor2d(Float32Array.from({ length: M * O }, () => 2 * r.uniform() - 1), [M, O]);
  const floatGrad = (x: tf.Tensor2D) => tf.grad((wi: tf.Tensor) => spikeMatMul(x, wi as tf.Tensor2D, { inputGrad: false }))(w, dy);
  const bitGrad = (words: tf.Tensor2D) => tf.grad((wi: tf.Tensor) => bitMatMul(words, F, wi as tf.Tensor2D))(w, dy);
  const preFloat = dataset.batch(perm, 0, B);
  const preBits = dataset.packedBatch!(perm, 0, B);
  const xFixed = tf.reshape(preFloat.x, [M, F]) as tf.Tensor2D;

  const cases: Array<{ name: string; inputBytes?: number; step: () => void }> = [
    { name: 'unpack+spikeMatMul', inputBytes: M * F * 4, step: () => tf.tidy(() => {
      const batch = dataset.batch(perm, 0, B);
      floatGrad(tf.reshape(batch.x, [M, F]) as tf.Tensor2D).dataSync();
    }) },
    { name: 'packed+bitMatMul', inputBytes: preBits.words.size * 4, step: () => tf.tidy(() => {
      const batch = dataset.packedBatch!(perm, 0, B);
      bitGrad(batch.words).dataSync();
    }) },
    { name: 'spikeMatMul', step: () => tf.tidy(() => { floatGrad(xFixed).dataSync(); }) },
    { name: 'bitMatMul', step: () => tf.tidy(() => { bitGrad(preBits.words).dataSync(); }) },
    { name: 'batch', step: () => tf.tidy(() => { dataset.batch(perm, 0, B); }) },
    { name: 'packedBatch', step: () => tf.tidy(() => { dataset.packedBatch!(perm, 0, B); }) },
  ];
  const results: BitMatMulBenchResult[] = [];
  for (const c of cases) {
    const times: number[] = [];
    for (let i = 0; i < o.warmup + o.reps; i++) {
      const start = performance.now();
      c.step();
      if (i >= o.warmup) times.push(performance.now() - start);
    }
    results.push({ bench: 'bitMatMul', backend, case: c.name, M, F, O, density: o.density, ...stats(times), reps: o.reps, ...(c.inputBytes ? { inputBytes: c.inputBytes } : {}) });
  }
  tf.dispose([perm, w, dy, preFloat.x, preFloat.y, preBits.words, preBits.y, xFixed]);
  dataset.dispose();
  return results;
}
