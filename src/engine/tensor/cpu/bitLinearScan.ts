/**
 * Op 'bitLinearScan' (contract in ../kernels/bitLinearScan.ts) on wasm and cpu: the first layer's
 * sums over the CSR rows of the dataset's bits (./bitKernels.ts, ./simdKernels.ts rowSum and
 * rowScatter) and the SIMD neuron scan (./simdScan.ts, its equations and update order) in one
 * WebAssembly memory, one time step at a time:
 *   forward,  t = 0 … T−1:   I_t = rows_t·[Wᵀ; b]            (B rows of N floats into a step buffer)
 *                            scan step t on I_t               (fwd with T = 1 at step t of the tape)
 *   backward, t = T−1 … 0:   ∂s_t into the buffer; scan bwd step t → ∂I_t in its place
 *                            [∂Wᵀ; ∂b] += rows_tᵀ·∂I_t        (rowScatter)
 * The step buffer (B·N floats) stays in cache between the sums and the scan; unfused, the [T, B, N]
 * current goes to memory, into a TF.js tensor and into the scan's memory, and its gradient back the
 * same way (three 13 MB copies each way for W1). The bias is an input that is always on: column F
 * of every row and row F of the weight table, so I_t = (Σ_f W[:, f]) + b in the order
 * tf.add(matMul, b) rounds it. The sums run in float32 in the order of the entries (as bitMatMul's);
 * ∂W sums the steps from the last, so it differs from the unfused op's by float32 rounding.
 * Each step's spikes are compressed into rows while they are in cache and handed to the matmul
 * that reads them (./spikeMatMul.ts rememberRows). With time weights w [K, T] (the contract's
 * `timeWeights`) each step's spikes are added, weighted, into K sums instead, and backward
 *   ∂s_t = Σ_k w[k, t]·∂out[k]            (./scaledRows.ts, into the step buffer)
 * so neither the spikes nor their gradient leave the op's memory; where the backward does not read
 * the spikes (a subtractive reset, or a membrane output) one row of them is kept, not T. Without a
 * trainable β (and for a scan that fires from the updated membrane) v_t is needed only by the next
 * step, so two rows of it alternate, and the backward skips Σ_t ∂β̂.
 * null (the caller runs bitMatMul and the scan) without WebAssembly SIMD, for N not a multiple of 4,
 * a variant ./simdScan.ts does not cover, or input past MAX_DENSITY.
 */
import * as tf from '@tensorflow/tfjs-core';
import { SpikelabError } from '../../core/errors';
import type { BitLinearScan } from '../kernels/bitLinearScan';
import { customOp } from '../runtime/tfTyping';
import { wordsPerRow } from '../kernels/packedBatch';
import { align16, bitKernels, tailMask } from './bitKernels';
import type { ScanArrays } from './scanLoops';
import { clipped, paramGrad, scanConstants, vector } from './scanParams';
import { scaledRowsOver } from './scaledRows';
import { rowKernelsOver, simdKernels } from './simdKernels';
import { acquireScan, betaGrad, fillScanParams, paramLanes, releaseScan, scanFlags, simdScanSupports, startBackward, surrogateMode } from './simdScan';
import { MAX_DENSITY, rememberRows, transposed } from './spikeMatMul';
import { int32ValuesNow, tensorOfView, valuesNow } from './tensorValues';

/**
 * Byte offsets of the op's memory: the step buffer, the scan's tape (./simdScan.ts layout without
 * x; v of every step, or of two alternating steps when `vRows` is 2; the output of every step, or
 * of the current one when `outRows` is 1), the time-weighted sums and their weights, the weight
 * table, the rows' starts, the words (scanned into rows here), then, once the rows are counted
 * (`tail`), their columns and the spike rows.
 */
function layout(T: number, B: number, N: number, K: number, W: number, vRows: number, outRows: number, spikeCap: number, sums: number) {
  const L = B * N;
  const size = T * L;
  const buf = 0;
  const out = buf + align16(L * 4);
  const v = out + outRows * L * 4;
  const m = v + vRows * L * 4;
  const P = m + size * 4;
  const S = P + 5 * paramLanes(N) * 4;
  const weighted = align16(S + (2 * L + 4) * 4); // the time-weighted sums [sums, B, N], then their weights [sums, T]
  const timeWeights = weighted + sums * L * 4;
  const table = align16(timeWeights + sums * T * 4);
  const rowStart = align16(table + K * N * 4);
  const words = align16(rowStart + (T * B + 1) * 4);
  const cols = align16(words + T * B * W * 4);
  const tail = (nnz: number) => {
    const spikeStart = align16(cols + (nnz + 1) * 4); // fillRows may store one column past the last
    const spikeCols = align16(spikeStart + (B + 2) * 4);
    return { spikeStart, spikeCols, bytes: spikeCols + spikeCap * 4 };
  };
  return { L, size, buf, out, v, m, P, S, weighted, timeWeights, table, rowStart, words, cols, tail };
}

export const bitLinearScan: BitLinearScan = ({ words, T, B, F, weight, bias }, params, spec, options = {}) => {
  const [N, Fw] = weight.shape;
  if (Fw !== F || words.shape[0] !== T * B || (bias && bias.size !== N)) {
    throw new SpikelabError('INTERNAL', `Fused first layer of words [${words.shape.join(', ')}] (T ${T}, B ${B}, F ${F}) with W [${N}, ${Fw}]${bias ? ` and b [${bias.size}]` : ''}: the shapes disagree.`,
      'This is a bug in the program runner.');
  }
  const adaptive = spec.adaptive && params.gamma !== undefined;
  if ((spec.synaptic && params.alpha !== undefined) || N % 4 !== 0 || !simdKernels()) return null;
  const constants = scanConstants(params, N, false, adaptive);
  if (!simdScanSupports(spec, { ...constants, beta: new Float32Array(N) }, B * N)) return null;
  const M = T * B;
  const W = wordsPerRow(F);
  const K = bias ? F + 1 : F; // the bias: an input that is always on, column F of every row
  // v_t is needed after its step only for ∂β (and a scan that fires from v_{t−1}): without either, two rows of it alternate.
  const betaGradWanted = params.beta instanceof tf.Variable && params.beta.trainable;
  const twoRows = !betaGradWanted && (spec.spikeFrom === 'post' || spec.output === 'membrane');
  const timeWeights = options.timeWeights;
  const sumsK = timeWeights ? timeWeights.length / T : 0;
  if (!Number.isInteger(sumsK)) throw new SpikelabError('INTERNAL', `${timeWeights!.length} time weights for T ${T}: not K rows of T.`, 'This is a bug in the program runner.');
  // Spikes are compressed into rows step by step, while in cache, for the matmul that reads them (./spikeMatMul.ts rememberRows).
  const spikeCap = spec.output === 'spikes' && !timeWeights ? Math.floor(MAX_DENSITY.binary * T * B * N) : 0;
  // Summed, with no membrane to record and a backward that does not read them (no reset to v_reset), each step's spikes are needed only until they are added in: one row.
  const oneOutRow = timeWeights !== undefined && !options.recordMembrane && (spec.output === 'membrane' || spec.reset === 'subtract');
  const at = layout(T, B, N, K, W, twoRows ? 2 : T + 1, oneOutRow ? 1 : T, spikeCap, sumsK);
  const { L, size } = at;
  // The words become rows in the scan's own memory (./bitKernels.ts countRows, fillRows).
  const scan = acquireScan(at.cols);
  const bits = bitKernels(scan.memory);
  const scaled = scaledRowsOver(scan.memory);
  new Int32Array(scan.memory.buffer, at.words, M * W).set(int32ValuesNow(words).subarray(0, M * W));
  const extra = bias ? F : -1;
  const nnz = bits ? bits.countRows(at.words, M, W, tailMask(F), at.rowStart, extra) : -1;
  const end = at.tail(nnz);
  if (!bits || (timeWeights && !scaled) || nnz > MAX_DENSITY.binary * M * F + M || !bits.reserve(end.bytes)) {
    releaseScan(scan);
    return null; // denser than a sparse sum pays for (bitMatMul goes dense), or no room
  }
  bits.fillRows(at.words, M, W, tailMask(F), at.cols, extra);
  const flags = scanFlags(spec);
  const backFlags = scanFlags(spec, !twoRows); // with two rows of v there is no ∂β to sum
  let membrane: Float32Array | undefined;
  let live = true;
  const release = () => {
    if (live) releaseScan(scan);
    live = false;
  };

  const run = (wIn: tf.Tensor2D, betaIn: tf.Tensor, biasIn: tf.Tensor | undefined) => {
    const beta = clipped(vector(betaIn, N, 'beta'));
    const arrays: ScanArrays = { ...constants, beta: beta.clip };
    const sums = rowKernelsOver(scan.memory)!;
    const f32 = new Float32Array(scan.memory.buffer);
    const ints = new Int32Array(scan.memory.buffer);
    const table = at.table / 4;
    f32.set(transposed(wIn.dataSync(), N, F), table);
    if (biasIn) f32.set(biasIn.dataSync(), table + F * N);
    f32.fill(0, at.v / 4, at.v / 4 + L); // v_{−1} = 0
    const PL = fillScanParams(f32, at.P / 4, arrays, N);
    if (timeWeights) f32.set(timeWeights, at.timeWeights / 4);
    const weightOf = (k: number, t: number) => at.timeWeights + 4 * (k * T + t);
    const step = (t: number) => 4 * t * L;
    const outAt = (t: number) => at.out + (oneOutRow ? 0 : step(t));
    const vAt = (t: number) => at.v + (twoRows ? step(t % 2) : step(t));
    const spikeStart = spikeCap > 0 ? new Int32Array(T * B + 1) : null;
    let spikes = 0;
    for (let t = 0; t < T; t++) {
      sums.rowSum(at.rowStart + 4 * t * B, at.cols, at.table, at.buf, B, N);
      scan.fwd(at.buf, outAt(t), vAt(t), at.m + step(t), at.P, 1, L, flags, twoRows && t % 2 === 1 ? -4 * L : 4 * L, PL);
      for (let k = 0; k < sumsK; k++) scaled!.scaledRow(outAt(t), weightOf(k, t), at.weighted + 4 * k * L, L, t > 0 ? 1 : 0); // the first step writes, the rest add
      if (!spikeStart || spikes < 0) continue;
      const got = sums.nonzeros(at.out + step(t), B, N, end.spikeStart, end.spikeCols + 4 * spikes, spikeCap - spikes);
      spikes = got < 0 ? -1 : spikes; // denser than a sparse matmul pays for: the reader compresses (and goes dense) itself
      if (got < 0) continue;
      for (let b = 1; b <= B; b++) spikeStart[t * B + b] = spikes + ints[end.spikeStart / 4 + b];
      spikes += got;
    }
    const out = f32.subarray(at.out / 4, at.out / 4 + (oneOutRow ? L : size));
    const post = spec.output === 'spikes' && spec.spikeFrom === 'post';
    membrane = spec.output === 'membrane' ? out : post ? f32.subarray(at.m / 4, at.m / 4 + size) : f32.subarray(at.v / 4 + L, at.v / 4 + L + size);
    const value = timeWeights ? tensorOfView(f32.subarray(at.weighted / 4, at.weighted / 4 + sumsK * L), [sumsK, B, N]) : tensorOfView(out, [T, B, N]);
    if (spikeStart && spikes >= 0) rememberRows(value, { M: T * B, K: N, rowStart: spikeStart, cols: ints.slice(end.spikeCols / 4, end.spikeCols / 4 + spikes), vals: null, nnz: spikes });
    const gradFunc = (dy: tf.Tensor) => {
      if (!live) throw new SpikelabError('INTERNAL', 'The fused first layer was asked for a gradient after its tape was released.', 'This is a bug in the CPU fast path.');
      const ds = valuesNow(dy);
      startBackward(f32, at.S / 4, spec, L);
      f32.fill(0, table, table + K * N);
      if (timeWeights) f32.set(ds.subarray(0, sumsK * L), at.weighted / 4); // ∂out, from which each step's ∂s_t is formed
      const mode = surrogateMode(spec);
      for (let t = T - 1; t >= 0; t--) {
        if (!timeWeights) f32.set(ds.subarray(t * L, (t + 1) * L), at.buf / 4);
        for (let k = 0; k < sumsK; k++) scaled!.scaledRow(at.weighted + 4 * k * L, weightOf(k, t), at.buf, L, k > 0 ? 1 : 0);
        scan.bwd(at.buf, outAt(t), vAt(t), at.m + step(t), at.P, at.S, 1, L, backFlags, mode, PL);
        sums.rowScatter(at.rowStart + 4 * t * B, at.cols, at.buf, at.table, B, N);
      }
      const dW = transposed(f32.subarray(table, table + F * N), F, N);
      const grads = [tf.tensor2d(dW, [N, F], 'float32'), twoRows ? tf.zerosLike(betaIn) : paramGrad(betaGrad(f32, at.S / 4, B, N), beta.pass, betaIn)];
      if (biasIn) grads.push(tf.tensor1d(f32.slice(table + F * N, table + (F + 1) * N), 'float32'));
      release();
      return grads;
    };
    return { value, gradFunc };
  };

  const fn = customOp((_save, wIn: tf.Tensor2D, betaIn: tf.Tensor, ...rest: tf.Tensor[]) => run(wIn, betaIn, rest[0]));
  const taping = tf.engine().isTapeOn();
  const out = bias ? fn(weight, params.beta, bias) : fn(weight, params.beta);
  // (summed, the op's output is the sums, so a recorded membrane is always a copy of the tape's)
  const result = { out, ...(options.recordMembrane ? { membrane: spec.output === 'membrane' && !timeWeights ? out : tensorOfView(membrane!, [T, B, N]) } : {}) };
  if (!taping) release(); // no backward will come: the memory goes back to the pool
  return result;
};
