/**
 * Sparse matmul for spike inputs on the CPU backends: y = x·Wᵀ for x [M, K] that is mostly zeros
 * (binary spikes: the dataset's, or a spiking layer's output) and W [O, K] (NIR's (out, in)).
 *
 *   forward   y[m, :] = Σ_{k : x[m,k] ≠ 0} x[m,k]·Wᵀ[k, :]        (a sum of rows of Wᵀ; no multiply when x ∈ {0, 1})
 *   backward  ∂W[:, k] = Σ_{m : x[m,k] ≠ 0} x[m,k]·dy[m, :]      (over the active entries only)
 *             ∂x = dy·W                                          (dense; only when asked: tf.matMul, or
 *                                                                 the SIMD module with simdInputGrad,
 *                                                                 as ./register.ts registers it for the
 *                                                                 cpu backend, whose JS matmul is slow)
 *
 * x is read once and compressed into rows (CSR: rowStart [M + 1], cols [nnz], vals [nnz] unless
 * every active value is 1). The result is exact for any x; only the speed depends on sparsity, so
 * when more than MAX_DENSITY of x is non-zero (the sum over active rows would cost more than the
 * backend's dense matmul) it falls back to a dense tf.matMul. With WebAssembly SIMD
 * (./simdKernels.ts) the compression and, for binary x, both sums run there in float32 (4 lanes
 * at a time); otherwise the JS loops below run, summing in float64.
 */
import * as tf from '@tensorflow/tfjs-core';
import { SpikelabError } from '../../core/errors';
import { simdKernels, type SimdKernels } from './simdKernels';
import { tensorOfView, valuesNow } from './tensorValues';
import type { SpikeMatMulOptions } from '../kernels/spikeMatMul';
import { customOp } from '../runtime/tfTyping';

export interface SparseRows {
  M: number;
  K: number;
  rowStart: Int32Array;
  cols: Int32Array;
  /** The active values, or null when all are 1. */
  vals: Float32Array | null;
  nnz: number;
}

/**
 * Above this fraction of non-zeros x goes to the backend's dense matmul. Measured at W1's first
 * layer (x [25600, 700] binary, W [128, 700], forward + ∂W, 2 shared cores): sparse 43 / 74 / 112 /
 * 178 / 284 ms at density 0.02 / 0.05 / 0.1 / 0.2 / 0.4 against 2,800 ms for tf.matMul on wasm;
 * on cpu the dense one is slower still. Graded (non-binary) x sums in JS: 976 / 4,646 ms at
 * density 0.1 / 0.5 against the same 2,800 ms, so it stops earlier.
 */
export const MAX_DENSITY = { binary: 0.5, graded: 0.25 };

/**
 * Sparse rows built one entry at a time, row after row (`add`, then `endRow`), in arrays that start
 * at about 1/16 of M·K entries and double as needed up to maxNnz; `values: false` keeps no values
 * (every entry is 1).
 */
export class SparseRowsBuilder {
  private readonly rowStart: Int32Array;
  private cols: Int32Array;
  private vals: Float32Array | null;
  private nnz = 0;
  private ones = true;

  constructor(private readonly M: number, private readonly K: number, private readonly maxNnz: number, values: boolean) {
    this.rowStart = new Int32Array(M + 1);
    const cap = Math.min(maxNnz, Math.max(16, Math.ceil((M * K) / 16)));
    this.cols = new Int32Array(cap);
    this.vals = values ? new Float32Array(cap) : null;
  }

  /** Appends column k (value 1) to the current row; false when that would be more than maxNnz entries. */
  add(k: number): boolean {
    const q = this.nnz;
    if (q === this.cols.length && !this.grow()) return false;
    this.cols[q] = k;
    this.nnz = q + 1;
    return true;
  }

  /** Appends (k, v), for a builder that keeps values. */
  addValue(k: number, v: number): boolean {
    const q = this.nnz;
    if (!this.add(k)) return false;
    this.vals![q] = v;
    if (v !== 1) this.ones = false;
    return true;
  }

  /** Closes row m. */
  endRow(m: number): void {
    this.rowStart[m + 1] = this.nnz;
  }

  /** The rows so far; vals is null when every value is 1. */
  rows(): SparseRows {
    const { M, K, rowStart, cols, vals, nnz } = this;
    return { M, K, rowStart, cols, vals: this.ones ? null : vals, nnz };
  }

  private grow(): boolean {
    if (this.cols.length >= this.maxNnz) return false;
    const cap = Math.min(this.maxNnz, this.cols.length * 2);
    const cols = new Int32Array(cap);
    cols.set(this.cols);
    this.cols = cols;
    if (this.vals) {
      const vals = new Float32Array(cap);
      vals.set(this.vals);
      this.vals = vals;
    }
    return true;
  }
}

/**
 * Sparse rows already known for a tensor's data, from the op that made it (./bitLinearScan.ts
 * compresses its spikes step by step while they are in cache): a matmul reading that tensor, or a
 * reshape of it (which shares its data), takes them instead of compressing it again. Keyed by
 * the data, which TF.js never changes, so the rows hold as long as it lives.
 */
const knownRows = new WeakMap<object, SparseRows>();

export function rememberRows(x: tf.Tensor, rows: SparseRows): void {
  knownRows.set(x.dataId, rows);
}

/** The known rows of x read as [M, K], or null. */
export function knownRowsOf(x: tf.Tensor, M: number, K: number): SparseRows | null {
  const rows = knownRows.get(x.dataId);
  return rows && rows.M === M && rows.K === K ? rows : null;
}

/** Compresses x [M, K] into rows of active entries; null when it has more than maxNnz of them. */
export function sparseRows(x: Float32Array, M: number, K: number, maxNnz: number): SparseRows | null {
  const rows = new SparseRowsBuilder(M, K, maxNnz, true);
  for (let m = 0; m < M; m++) {
    const base = m * K;
    for (let k = 0; k < K; k++) {
      const v = x[base + k];
      if (v !== 0 && !rows.addValue(k, v)) return null;
    }
    rows.endRow(m);
  }
  return rows.rows();
}

/** Wᵀ [K, O] from W [O, K], row-major. */
export function transposed(w: ArrayLike<number>, O: number, K: number): Float32Array {
  const out = new Float32Array(K * O);
  for (let o = 0; o < O; o++) {
    const row = o * K;
    for (let k = 0; k < K; k++) out[k * O + o] = w[row + k];
  }
  return out;
}

/** y [M, O] = x·Wᵀ with x as sparse rows and wt = Wᵀ [K, O]. */
export function sparseForward(x: SparseRows, wt: Float32Array, O: number): Float32Array {
  const y = new Float32Array(x.M * O);
  const acc = new Float64Array(O);
  const { rowStart, cols, vals } = x;
  for (let m = 0; m < x.M; m++) {
    const start = rowStart[m];
    const end = rowStart[m + 1];
    if (start === end) continue;
    acc.fill(0);
    for (let q = start; q < end; q++) {
      const w = cols[q] * O;
      if (vals === null) {
        for (let o = 0; o < O; o++) acc[o] += wt[w + o];
      } else {
        const v = vals[q];
        for (let o = 0; o < O; o++) acc[o] += v * wt[w + o];
      }
    }
    y.set(acc, m * O);
  }
  return y;
}

/** ∂W [O, K] = dyᵀ·x over the active entries of x, for dy [M, O]. */
export function sparseWeightGrad(x: SparseRows, dy: Float32Array, O: number): Float32Array {
  const acc = new Float64Array(x.K * O); // ∂Wᵀ [K, O]: one contiguous row per input
  const { rowStart, cols, vals } = x;
  for (let m = 0; m < x.M; m++) {
    const g = m * O;
    for (let q = rowStart[m]; q < rowStart[m + 1]; q++) {
      const w = cols[q] * O;
      if (vals === null) {
        for (let o = 0; o < O; o++) acc[w + o] += dy[g + o];
      } else {
        const v = vals[q];
        for (let o = 0; o < O; o++) acc[w + o] += v * dy[g + o];
      }
    }
  }
  return transposed(acc, x.K, O);
}

const align = (bytes: number) => Math.ceil(bytes / 16) * 16;

/** sparseRows in the SIMD module: x is copied into its memory, the rows copied back out. */
function simdRows(k: SimdKernels, x: Float32Array, M: number, K: number, maxNnz: number): SparseRows | null {
  const rs = align(M * K * 4);
  const cols = rs + align((M + 2) * 4);
  k.reserve(cols + align(maxNnz * 4));
  new Float32Array(k.memory.buffer, 0, M * K).set(x);
  const nnz = k.nonzeros(0, M, K, rs, cols, maxNnz);
  if (nnz < 0) return null;
  const ints = new Int32Array(k.memory.buffer);
  const rowStart = ints.slice(rs / 4, rs / 4 + M + 1);
  const colIdx = ints.slice(cols / 4, cols / 4 + nnz);
  const ones = ints[rs / 4 + M + 1] === 1;
  return { M, K, rowStart, cols: colIdx, nnz, vals: ones ? null : Float32Array.from(colIdx, (c, q) => x[rowOf(rowStart, q) * K + c]) };
}

/** The row of active entry q (binary search in rowStart). */
function rowOf(rowStart: Int32Array, q: number): number {
  let lo = 0;
  let hi = rowStart.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (rowStart[mid] <= q) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * rowSum / rowScatter in the SIMD module: `rows` [M, O] is the per-row array (y out, or dy in),
 * `table` [K, O] the per-input one (Wᵀ in, or ∂Wᵀ out); returns the output as a view of the
 * module's memory, valid until its next call (read it at once, or make it a tensor with
 * ./tensorValues.ts tensorOfView).
 */
export function simdRowKernel(k: SimdKernels, x: SparseRows, O: number, scatter: boolean, input: Float32Array): Float32Array {
  const rs = 0;
  const cols = align((x.M + 1) * 4);
  const rowsAt = cols + align(x.nnz * 4);
  const tableAt = rowsAt + align(x.M * O * 4);
  k.reserve(tableAt + align(x.K * O * 4));
  const buffer = k.memory.buffer;
  new Int32Array(buffer, rs, x.M + 1).set(x.rowStart);
  new Int32Array(buffer, cols, x.nnz).set(x.cols.subarray(0, x.nnz));
  const rows = new Float32Array(buffer, rowsAt, x.M * O);
  const table = new Float32Array(buffer, tableAt, x.K * O);
  if (scatter) {
    rows.set(input);
    table.fill(0);
    k.rowScatter(rs, cols, rowsAt, tableAt, x.M, O);
    return table;
  }
  table.set(input);
  k.rowSum(rs, cols, tableAt, rowsAt, x.M, O);
  return rows;
}

/** dx [M, K] = dy [M, O]·W [O, K] in the SIMD module, as a view of its memory (as simdRowKernel's). */
function simdDense(k: SimdKernels, dy: Float32Array, w: Float32Array, M: number, O: number, K: number): Float32Array {
  const wAt = align(M * O * 4);
  const dxAt = wAt + align(O * K * 4);
  k.reserve(dxAt + align(M * K * 4));
  const buffer = k.memory.buffer;
  new Float32Array(buffer, 0, M * O).set(dy);
  new Float32Array(buffer, wAt, O * K).set(w);
  const dx = new Float32Array(buffer, dxAt, M * K);
  dx.fill(0);
  k.denseRows(0, wAt, dxAt, M, O, K);
  return dx;
}

export interface SpikeMatMulTuning {
  /** Above this fraction of non-zeros, tf.matMul (default MAX_DENSITY). */
  maxDensity?: number;
  /** false: the JS loops even where WebAssembly SIMD runs. */
  simd?: boolean;
  /** ∂x = dy·W in the SIMD module instead of tf.matMul (for the cpu backend's slow JS matmul). */
  simdInputGrad?: boolean;
}

export function spikeMatMul(x: tf.Tensor2D, w: tf.Tensor2D, options: SpikeMatMulOptions & SpikeMatMulTuning): tf.Tensor2D {
  const [M, K] = x.shape;
  const [O, Kw] = w.shape;
  if (Kw !== K) {
    throw new SpikelabError('INTERNAL', `Sparse matmul of x [${M}, ${K}] with W [${O}, ${Kw}]: the inner sizes differ.`, 'This is a bug in the program runner.');
  }
  const maxNnz = Math.floor((options.maxDensity ?? MAX_DENSITY.binary) * M * K);
  const kernels = options.simd === false ? null : simdKernels();
  let rows: SparseRows | null = null;
  const known = knownRowsOf(x, M, K);
  if (known) rows = known.nnz <= maxNnz ? known : null;
  else if (x.dtype === 'float32') rows = kernels ? simdRows(kernels, valuesNow(x), M, K, maxNnz) : sparseRows(x.dataSync() as Float32Array, M, K, maxNnz);
  const gradedLimit = (options.maxDensity ?? MAX_DENSITY.graded) * M * K;
  if (!rows || (rows.vals !== null && rows.nnz > gradedLimit)) return tf.matMul(x, w, false, true);
  const sparse = rows;
  const simd = kernels && sparse.vals === null && O % 4 === 0 ? kernels : null;
  const forward = (wIn: tf.Tensor2D, save: tf.GradSaveFunc) => {
    save([wIn]);
    const wt = transposed(wIn.dataSync(), O, K);
    const value = (simd ? tensorOfView(simdRowKernel(simd, sparse, O, false, wt), [M, O]) : tf.tensor2d(sparseForward(sparse, wt, O), [M, O], 'float32')) as tf.Tensor2D;
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const g = valuesNow(dy);
      const dW = simd ? transposed(simdRowKernel(simd, sparse, O, true, g), K, O) : sparseWeightGrad(sparse, g, O);
      const dWt = tf.tensor2d(dW, [O, K], 'float32');
      if (!options.inputGrad) return [dWt];
      const denseInSimd = simd && K % 4 === 0 && options.simdInputGrad === true;
      const dx = denseInSimd ? tensorOfView(simdDense(simd, valuesNow(dy), valuesNow(saved[0]), M, O, K), [M, K]) : tf.matMul(dy as tf.Tensor2D, saved[0] as tf.Tensor2D);
      return [dx, dWt];
    };
    return { value, gradFunc };
  };
  if (options.inputGrad) return customOp((save, _x: tf.Tensor2D, wIn: tf.Tensor2D) => forward(wIn, save))(x, w);
  return customOp((save, wIn: tf.Tensor2D) => forward(wIn, save))(w);
}
