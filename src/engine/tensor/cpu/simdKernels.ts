/**
 * The inner loops of the spike matmul (./spikeMatMul.ts) as a small WebAssembly SIMD module,
 * assembled here from its opcodes (no build step, no binary blob). Every pointer is a byte offset
 * into the module's own memory; row lengths O are multiples of 4 floats (f32x4 lanes).
 *
 *   nonzeros(x, M, K, rowStart, cols, cap) → nnz, or −1 past cap
 *       CSR of x [M, K]: rowStart [M + 1], cols [nnz]; 4 floats tested at once (v128.any_true
 *       on the bits, then each lane with f32.ne 0, so −0 is skipped as in JS). Writes at
 *       rowStart[M + 1] whether every active value is exactly 1.
 *   rowSum(rowStart, cols, wt, y, M, O)       y[m, :] = Σ_{q in row m} wt[cols[q], :]   (y is overwritten)
 *   rowScatter(rowStart, cols, dy, dwt, M, O) dwt[cols[q], :] += dy[m, :] for q in row m
 *   denseRows(dy, w, dx, M, O, K)             dx[m, :] += Σ_o dy[m, o]·w[o, :]  (dx = dy·W, K a multiple of 4)
 *
 * Where WebAssembly SIMD is missing `simdKernels()` returns null and the JS loops run instead.
 */

import { instanceFor } from './conv/moduleCache';
import { I32, V128, VOID, anyTrue, assemble, bump, f32Const0, f32Const1, f32load, f32x4Add, f4, get, i32, load32, op, set, store32, v128Load, v128Store, vec } from './wasmAssembler';

/** Floats a row kernel keeps in registers per pass over a row's entries: 8 f32x4 (32 floats, 128 bytes). */
const WIDE = 8;

/**
 * Shared body of rowSum and rowScatter: params (rowStart 0, cols 1, a 2, b 3, M 4, O 5); i32
 * locals m 6, q 7, qEnd 8, row 9 (the contiguous per-m row: y or dy), j 10 (byte offset in the
 * row), ob 11 (row bytes), q0 12, at 13 (the table row of entry q, plus j); v128 locals
 * acc 14.. (WIDE of them). Each row is walked in chunks of WIDE·4 floats, then 4 at a time for
 * the rest; a chunk's values stay in registers while the row's entries q are visited:
 *   rowSum      acc = 0; acc += wt[cols[q], chunk] for each q; y[m, chunk] = acc
 *               (so y needs no zeroing first; the sum runs in the order of q, as before)
 *   rowScatter  acc = dy[m, chunk]; dwt[cols[q], chunk] += acc for each q
 */
function rowKernel(scatter: boolean): number[] {
  const [rs, cols, a, b, M, O, m, q, qEnd, row, j, ob, q0, at] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
  const acc = (i: number) => 14 + i;
  const table = scatter ? b : a; // the per-column array: dwt for scatter, wt for the sum
  const tableRow = [...get(table), ...get(cols), ...get(q), ...i32(2), op.i32Shl, op.i32Add, ...load32(0), ...get(ob), op.i32Mul, op.i32Add, ...get(j), op.i32Add, ...set(at)];
  const overEntries = (body: number[]) => [
    ...get(q0), ...set(q),
    op.block, VOID, op.loop, VOID,
    ...get(q), ...get(qEnd), op.i32GeU, op.brIf, 1,
    ...tableRow, ...body,
    ...bump(q, i32(1)),
    op.br, 0, op.end, op.end,
  ];
  /** One pass over the row's entries for `lanes` f32x4 starting at byte j. */
  const chunk = (lanes: number) => {
    const each = (f: (i: number) => number[]) => Array.from({ length: lanes }, (_, i) => f(i)).flat();
    if (scatter) {
      return [
        ...each((i) => [...get(row), ...get(j), op.i32Add, ...v128Load(16 * i), ...set(acc(i))]),
        ...overEntries(each((i) => [...get(at), ...get(at), ...v128Load(16 * i), ...get(acc(i)), ...f32x4Add, ...v128Store(16 * i)])),
      ];
    }
    return [
      ...each((i) => [...f4.zero, ...set(acc(i))]),
      ...overEntries(each((i) => [...get(acc(i)), ...get(at), ...v128Load(16 * i), ...f32x4Add, ...set(acc(i))])),
      ...each((i) => [...get(row), ...get(j), op.i32Add, ...get(acc(i)), ...v128Store(16 * i)]),
    ];
  };
  const code = [
    ...get(O), ...i32(2), op.i32Shl, ...set(ob),
    ...get(scatter ? a : b), ...set(row),
    op.block, VOID, op.loop, VOID,
    ...get(m), ...get(M), op.i32GeU, op.brIf, 1,
    ...get(rs), ...get(m), ...i32(2), op.i32Shl, op.i32Add, op.tee, q0, ...load32(4), ...set(qEnd),
    ...get(q0), ...load32(0), ...set(q0),
    ...i32(0), ...set(j),
    // chunks of WIDE vectors while they fit
    op.block, VOID, op.loop, VOID,
    ...get(j), ...i32(16 * WIDE), op.i32Add, ...get(ob), op.i32GtU, op.brIf, 1,
    ...chunk(WIDE),
    ...bump(j, i32(16 * WIDE)),
    op.br, 0, op.end, op.end,
    // the rest, one vector at a time
    op.block, VOID, op.loop, VOID,
    ...get(j), ...get(ob), op.i32GeU, op.brIf, 1,
    ...chunk(1),
    ...bump(j, i32(16)),
    op.br, 0, op.end, op.end,
    ...bump(row, get(ob)), ...bump(m, i32(1)),
    op.br, 0, op.end, op.end,
  ];
  return [...vec([[8, I32], [WIDE, V128]]), ...code, op.end];
}

/**
 * nonzeros: params (x 0, M 1, K 2, rowStart 3, cols 4, cap 5); locals m 6, k 7, nnz 8, xp 9,
 * e 10, k4 11 (K rounded down to 4), ones 12 (all active values are 1).
 */
function nonzerosKernel(): number[] {
  const [x, M, K, rs, cols, cap, m, k, nnz, xp, e, k4, ones] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  // Records element k + e if non-zero: cols[nnz++] = k + e; ones &= (x == 1); returns −1 past cap.
  const visit = (index: number[]) => [
    ...get(xp), ...index, ...i32(2), op.i32Shl, op.i32Add, ...f32load(0), ...f32Const0(), op.f32Ne,
    op.if, VOID,
    ...get(nnz), ...get(cap), op.i32GeU, op.if, VOID, ...i32(-1), op.ret, op.end,
    ...get(cols), ...get(nnz), ...i32(2), op.i32Shl, op.i32Add, ...index, ...store32(0),
    ...get(xp), ...index, ...i32(2), op.i32Shl, op.i32Add, ...f32load(0), ...f32Const1(), op.f32Ne,
    op.if, VOID, ...i32(0), ...set(ones), op.end,
    ...bump(nnz, i32(1)),
    op.end,
  ];
  const code = [
    ...i32(1), ...set(ones),
    ...get(K), ...i32(-4), op.i32And, ...set(k4),
    ...get(x), ...set(xp),
    ...get(rs), ...i32(0), ...store32(0),
    op.block, VOID, op.loop, VOID,
    ...get(m), ...get(M), op.i32GeU, op.brIf, 1,
    ...i32(0), ...set(k),
    // four at a time
    op.block, VOID, op.loop, VOID,
    ...get(k), ...get(k4), op.i32GeU, op.brIf, 1,
    ...get(xp), ...get(k), ...i32(2), op.i32Shl, op.i32Add, ...v128Load(), ...anyTrue,
    op.if, VOID,
    ...i32(0), ...set(e),
    op.block, VOID, op.loop, VOID,
    ...get(e), ...i32(4), op.i32GeU, op.brIf, 1,
    ...visit([...get(k), ...get(e), op.i32Add]),
    ...bump(e, i32(1)),
    op.br, 0, op.end, op.end,
    op.end,
    ...bump(k, i32(4)),
    op.br, 0, op.end, op.end,
    // the tail
    op.block, VOID, op.loop, VOID,
    ...get(k), ...get(K), op.i32GeU, op.brIf, 1,
    ...visit(get(k)),
    ...bump(k, i32(1)),
    op.br, 0, op.end, op.end,
    ...get(rs), ...get(m), ...i32(2), op.i32Shl, op.i32Add, ...get(nnz), ...store32(4),
    ...bump(xp, [...get(K), ...i32(2), op.i32Shl]),
    ...bump(m, i32(1)),
    op.br, 0, op.end, op.end,
    ...get(rs), ...get(M), ...i32(2), op.i32Shl, op.i32Add, ...get(ones), ...store32(4),
    ...get(nnz),
  ];
  return [...vec([[7, I32]]), ...code, op.end];
}

/** denseRows: params (dy 0, w 1, dx 2, M 3, O 4, K 5); locals m 6, o 7, j 8, dyp 9, dxr 10, wr 11, KB 12; s 13 (v128). */
function denseKernel(): number[] {
  const [dy, w, dx, M, O, K, m, o, j, dyp, dxr, wr, KB, s] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
  const code = [
    ...get(K), ...i32(2), op.i32Shl, ...set(KB),
    ...get(dx), ...set(dxr), ...get(dy), ...set(dyp),
    op.block, VOID, op.loop, VOID,
    ...get(m), ...get(M), op.i32GeU, op.brIf, 1,
    ...get(w), ...set(wr), ...i32(0), ...set(o),
    op.block, VOID, op.loop, VOID,
    ...get(o), ...get(O), op.i32GeU, op.brIf, 1,
    ...get(dyp), ...f32load(0), ...f4.splat, ...set(s),
    ...i32(0), ...set(j),
    op.block, VOID, op.loop, VOID,
    ...get(j), ...get(KB), op.i32GeU, op.brIf, 1,
    ...get(dxr), ...get(j), op.i32Add,
    ...get(dxr), ...get(j), op.i32Add, ...v128Load(),
    ...get(s), ...get(wr), ...get(j), op.i32Add, ...v128Load(), ...f4.mul,
    ...f32x4Add, ...v128Store(),
    ...bump(j, i32(16)),
    op.br, 0, op.end, op.end,
    ...bump(dyp, i32(4)), ...bump(wr, get(KB)), ...bump(o, i32(1)),
    op.br, 0, op.end, op.end,
    ...bump(dxr, get(KB)), ...bump(m, i32(1)),
    op.br, 0, op.end, op.end,
  ];
  return [...vec([[7, I32], [1, V128]]), ...code, op.end];
}

function moduleBytes(): Uint8Array<ArrayBuffer> {
  const six = Array<number>(6).fill(I32);
  return assemble([{ params: six, results: [I32] }, { params: six, results: [] }], [
    { name: 'nonzeros', type: 0, body: nonzerosKernel() },
    { name: 'rowSum', type: 1, body: rowKernel(false) },
    { name: 'rowScatter', type: 1, body: rowKernel(true) },
    { name: 'denseRows', type: 1, body: denseKernel() },
  ]);
}

export interface SimdKernels {
  memory: WebAssembly.Memory;
  /** Grows the memory to at least `bytes`; views of it must be made after this call. */
  reserve(bytes: number): void;
  nonzeros(x: number, M: number, K: number, rowStart: number, cols: number, cap: number): number;
  rowSum(rowStart: number, cols: number, wt: number, y: number, M: number, O: number): void;
  rowScatter(rowStart: number, cols: number, dy: number, dwt: number, M: number, O: number): void;
  denseRows(dy: number, w: number, dx: number, M: number, O: number, K: number): void;
}

let cached: SimdKernels | null | undefined;

/** The compiled kernels, or null where this engine has no WebAssembly SIMD. */
export function simdKernels(): SimdKernels | null {
  if (cached !== undefined) return cached;
  cached = null;
  const bytes = moduleBytes();
  if (typeof WebAssembly === 'undefined' || !WebAssembly.validate(bytes)) return null;
  const memory = new WebAssembly.Memory({ initial: 1 });
  let instance: WebAssembly.Instance;
  try {
    instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
  } catch {
    return null; // synchronous compilation refused (a browser main thread): the JS loops run
  }
  const e = instance.exports as Omit<SimdKernels, 'memory' | 'reserve'>;
  cached = {
    memory,
    reserve(size) {
      const have = memory.buffer.byteLength;
      if (size > have) memory.grow(Math.ceil((size - have) / 65536));
    },
    nonzeros: e.nonzeros, rowSum: e.rowSum, rowScatter: e.rowScatter, denseRows: e.denseRows,
  };
  return cached;
}

/** The row kernels over another module's memory (./bitLinearScan.ts runs them beside a scan), or null. */
export function rowKernelsOver(memory: WebAssembly.Memory): Omit<SimdKernels, 'memory' | 'reserve'> | null {
  return instanceFor('simdKernels', moduleBytes, memory) as Omit<SimdKernels, 'memory' | 'reserve'> | null;
}

/** For tests: whether the module assembles and validates here. */
export function simdModuleValid(): boolean {
  return typeof WebAssembly !== 'undefined' && WebAssembly.validate(moduleBytes());
}
