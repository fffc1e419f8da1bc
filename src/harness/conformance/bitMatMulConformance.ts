/**
 * Conformance of the first layer's bit path: `ResidentDataset.packedBatch` must give, bit for bit,
 * the JS packing (../../engine/tensor/kernels/packedBatch.ts packFloatRows) of a plain JS unpack of the same bytes
 * (./packedReference.ts) and of the backend's
 * own `batch()`; and the backend's 'bitMatMul' kernel must give y = x·Wᵀ and ∂W of L = Σ y ⊙ r
 * (r random) equal to a float64 JS product to float32 tolerance (max error ≤ 1e-5 of the largest
 * reference value). Sizes have F not a multiple of 32 (padding bits), T not a multiple of 8, an
 * empty row and an all-ones row, more rows than one gradient chunk (../../engine/tensor/webgpu/bitMatMul.ts), O
 * not a multiple of 4 (the CPU's JS sums) and a density past the CPU's dense fallback.
 * Backends that ./knownGaps.ts lists as having neither (webgl) give no results; any other backend
 * without them fails.
 */
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32 } from '../../engine/core/rng';
import { kernelFor } from '../../engine/tensor/kernels/registry';
import { relativeError } from './maxError';
import { packFloatRows, unpackWordRows, wordsPerRow } from '../../engine/tensor/kernels/packedBatch';
import { knownGap } from './knownGaps';
import { randomPacked, referenceBatch } from './packedReference';
import { fisherYates } from '../../engine/tensor/data/permutation';
import { uploadDataset } from '../../engine/tensor/data/residentDataset';

export interface BitMatMulCaseResult {
  name: string;
  backend: string;
  kind: 'packedBatch' | 'bitMatMul';
  ok: boolean;
  /** packedBatch: words differing from the reference, or from batch(), plus wrong labels. */
  mismatches: number;
  /** bitMatMul: max |got − want| / max |want| of y and ∂W. */
  relErr: { y: number; dW: number };
  error?: string;
}

const PACK_CASES = [
  { N: 7, T: 13, F: 45, B: 4, offset: 2, shift: false },
  { N: 9, T: 21, F: 70, B: 3, offset: 5, shift: true },
  { N: 5, T: 16, F: 32, B: 5, offset: 0, shift: true },
  { N: 6, T: 10, F: 7, B: 2, offset: 3, shift: true },
];

const MATMUL_CASES = [
  { M: 37, F: 45, O: 12, p: 0.1 },
  { M: 50, F: 70, O: 8, p: 0.3 },
  { M: 1100, F: 33, O: 5, p: 0.05 },
  { M: 24, F: 64, O: 16, p: 0.7 },
];

export const TOLERANCE = 1e-5;

async function packCase(backend: string, c: typeof PACK_CASES[number], k: number): Promise<BitMatMulCaseResult | null> {
  if (knownGap(backend, 'packedBatch')) return null;
  const packed = randomPacked(c.N, c.T, c.F, 700 + k, 2); // bit density 1/4
  const labels = Uint8Array.from({ length: c.N }, (_, i) => (i * 7) % 5);
  const dataset = uploadDataset({ packed, labels, N: c.N, T: c.T, F: c.F });
  const owned: tf.Tensor[] = []; // freed with the dataset however the case ends
  try {
    if (!dataset.packedBatch) throw new Error(`the ${dataset.layout} layout on ${backend} has no packedBatch and no known gap lists it`);
    const permHost = fisherYates(c.N, k);
    const shiftsHost = c.shift ? Int32Array.from({ length: 2 * c.B }, (_, i) => (i % 2 === 0 ? (i % 4) - 1 : 3 - (i % 5) * 2)) : null;
    const perm = tf.tensor1d(permHost, 'int32');
    owned.push(perm);
    const shifts = shiftsHost ? tf.tensor2d(shiftsHost, [c.B, 2], 'int32') : undefined;
    if (shifts) owned.push(shifts);
    const bits = dataset.packedBatch(perm, c.offset, c.B, shifts);
    owned.push(bits.words, bits.y);
    const floats = dataset.batch(perm, c.offset, c.B, shifts);
    owned.push(floats.x, floats.y);
    const got = await bits.words.data();
    const gotLabels = await bits.y.data();
    const fromBatch = packFloatRows(await floats.x.data(), c.T * c.B, c.F);
    const want = packFloatRows(referenceBatch(packed, permHost, shiftsHost, c), c.T * c.B, c.F);
    let mismatches = 0;
    for (let i = 0; i < want.length; i++) if (got[i] !== want[i] || fromBatch[i] !== want[i]) mismatches++;
    for (let b = 0; b < c.B; b++) if (gotLabels[b] !== labels[permHost[c.offset + b]]) mismatches++;
    const shapeOk = bits.words.dtype === 'int32' && bits.words.shape.join() === [c.T * c.B, wordsPerRow(c.F)].join()
      && bits.T === c.T && bits.B === c.B && bits.F === c.F;
    return { name: `packedBatch N${c.N} T${c.T} F${c.F} B${c.B}${c.shift ? ' shifted' : ''}`, backend, kind: 'packedBatch', ok: mismatches === 0 && shapeOk, mismatches, relErr: { y: 0, dW: 0 } };
  } finally {
    tf.dispose(owned);
    dataset.dispose();
  }
}

/** Random words [M, ⌈F/32⌉] of density p; row 0 empty, row 1 all ones (padding bits 0). */
export function randomWordRows(M: number, F: number, p: number, seed: number): Int32Array {
  const r = mulberry32(seed);
  const x = Float32Array.from({ length: M * F }, (_, i) => (i < F ? 0 : i < 2 * F ? 1 : r.uniform() < p ? 1 : 0));
  return packFloatRows(x, M, F);
}

async function matMulCase(backend: string, c: typeof MATMUL_CASES[number], k: number): Promise<BitMatMulCaseResult | null> {
  if (knownGap(backend, 'bitMatMul')) return null;
  const op = kernelFor('bitMatMul', backend);
  if (!op) throw new Error(`no bit matmul is registered on ${backend} and no known gap lists one`);
  const { M, F, O } = c;
  const r = mulberry32(900 + k);
  const wordsHost = randomWordRows(M, F, c.p, 800 + k);
  const wHost = Float32Array.from({ length: O * F }, () => r.uniform() - 0.5);
  const rHost = Float32Array.from({ length: M * O }, () => 2 * r.uniform() - 1);
  const [y, dW] = tf.tidy(() => {
    const words = tf.tensor2d(wordsHost, [M, wordsPerRow(F)], 'int32');
    const w = tf.tensor2d(wHost, [O, F]);
    const rr = tf.tensor2d(rHost, [M, O]);
    const out = op(words, F, w);
    const grad = tf.grad((wi: tf.Tensor) => tf.sum(tf.mul(op(words, F, wi as tf.Tensor2D), rr)))(w);
    return [out, grad];
  });
  let gotY: ArrayLike<number>;
  let gotDW: ArrayLike<number>;
  try {
    gotY = await y.data();
    gotDW = await dW.data();
  } finally {
    tf.dispose([y, dW]);
  }
  const shapeOk = y.shape.join() === [M, O].join() && dW.shape.join() === [O, F].join();
  // Reference in float64: y = x·Wᵀ, ∂W = rᵀ·x.
  const x = unpackWordRows(wordsHost, M, F);
  const wantY = new Float64Array(M * O);
  const wantDW = new Float64Array(O * F);
  for (let m = 0; m < M; m++) {
    for (let f = 0; f < F; f++) {
      if (x[m * F + f] === 0) continue;
      for (let o = 0; o < O; o++) {
        wantY[m * O + o] += wHost[o * F + f];
        wantDW[o * F + f] += rHost[m * O + o];
      }
    }
  }
  const relErr = { y: relativeError(gotY, wantY), dW: relativeError(gotDW, wantDW) };
  return { name: `bitMatMul M${M} F${F} O${O} p${c.p}`, backend, kind: 'bitMatMul', ok: shapeOk && relErr.y <= TOLERANCE && relErr.dW <= TOLERANCE, mismatches: 0, relErr };
}

/** Runs every case on the active backend (`backend` names it in the results). */
export async function runBitMatMulConformance(backend: string): Promise<BitMatMulCaseResult[]> {
  const results: BitMatMulCaseResult[] = [];
  const cases: Array<[string, () => Promise<BitMatMulCaseResult | null>]> = [
    ...PACK_CASES.map((c, k) => [`packedBatch #${k}`, () => packCase(backend, c, k)] as [string, () => Promise<BitMatMulCaseResult | null>]),
    ...MATMUL_CASES.map((c, k) => [`bitMatMul #${k}`, () => matMulCase(backend, c, k)] as [string, () => Promise<BitMatMulCaseResult | null>]),
  ];
  for (const [name, run] of cases) {
    try {
      const result = await run();
      if (result) results.push(result);
    } catch (error) {
      results.push({ name, backend, kind: name.startsWith('packed') ? 'packedBatch' : 'bitMatMul', ok: false, mismatches: -1, relErr: { y: NaN, dW: NaN }, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}
