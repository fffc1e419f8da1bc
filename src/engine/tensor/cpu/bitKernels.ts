/**
 * The bit kernels of the first layer's data path as a WebAssembly SIMD module (assembled from its
 * opcodes in ./wasmAssembler.ts, like ./simdKernels.ts). Every pointer is a byte offset into the
 * memory the module is instantiated over; words are int32, little-endian, feature f at bit f mod 32
 * of word ⌊f/32⌋ (../kernels/packedBatch.ts).
 *
 *   gatherWords(packed, order, B, Tp, F, T, out, W)
 *       A batch of the resident bytes packed [N, Tp = ⌈T/8⌉, F] (np.packbits order: step t at bit
 *       7 − t mod 8 of byte ⌊t/8⌋) into words out [T·B, W = ⌈F/32⌉], row t·B + b holding sample
 *       order[b] (int32 [B]). A bit transpose, 16 features at a time: i8x16.bitmask of 16 bytes
 *       gives step 8·tb of features f..f+15 as 16 bits (lane i → bit i), then the bytes shift left
 *       one bit (i8x16.add v, v) for the next step, 8 steps per load. Bits of features ≥ F are
 *       masked out, and every half word of out is written, so out needs no zeroing. Reads up to
 *       32 bytes past the last sample's last row: the caller pads packed by BIT_PAD bytes.
 *   countRows(words, M, W, tail, rowStart, extra) → nnz
 *       rowStart [M + 1] of the CSR rows of the set bits of words [M, W] (i32.popcnt per word; the
 *       last word of a row ANDed with `tail`, the mask of the features < F), plus one entry per
 *       row when extra ≥ 0.
 *   fillRows(words, M, W, tail, cols, extra)
 *       cols [nnz]: the set bits' features, row by row in rising f (i32.ctz, then bits &= bits − 1),
 *       so one step per set bit; the zeros are never visited. When extra ≥ 0 each row ends with
 *       column `extra`: an input that is always on (a bias as the last row of the weight table).
 *
 * `bitKernels(memory)` is null where WebAssembly SIMD is missing (the JS loops of ./hostBits.ts
 * and ./bitMatMul.ts run instead).
 */
import { instanceFor } from './conv/moduleCache';
import { I32, V128, VOID, assemble, bump, get, i32, i32Sub, load32, op, set, simd, store32, v128Load, vec } from './wasmAssembler';

/** Bytes the gather may read past the packed data (a row's last 16-byte load, then one more for an odd half word). */
export const BIT_PAD = 32;

const bitmask = simd(100); // i8x16.bitmask
const bytesAdd = simd(110); // i8x16.add
const store16 = (offset = 0) => [op.i32Store16, 1, offset];
/** `while (local < limit) { body }` */
const loopBelow = (local: number, limit: number[], body: number[]) => [
  op.block, VOID, op.loop, VOID,
  ...get(local), ...limit, op.i32GeU, op.brIf, 1,
  ...body,
  op.br, 0, op.end, op.end,
];

/**
 * gatherWords: params (packed 0, order 1, B 2, Tp 3, F 4, T 5, out 6, W 7); i32 locals b 8, tb 9,
 * src 10, j 11, p 12, steps 13, dst 14, mask 15, rowStep 16, rem 17, halves 18, tbRow 19; v 20 (v128).
 */
function gatherKernel(): number[] {
  const [packed, order, B, Tp, F, T, out, W, b, tb, src, j, p, steps, dst, mask, rowStep, rem, halves, tbRow, v] =
    Array.from({ length: 21 }, (_, i) => i);
  const eachStep = loopBelow(p, get(steps), [
    ...get(dst), ...get(v), ...bitmask, ...get(mask), op.i32And, ...store16(),
    ...get(v), ...get(v), ...bytesAdd, ...set(v),
    ...bump(dst, get(rowStep)),
    ...bump(p, i32(1)),
  ]);
  const eachHalfWord = loopBelow(j, get(halves), [
    ...get(F), ...get(j), ...i32(4), op.i32Shl, i32Sub, ...set(rem),
    // mask = rem ≥ 16 ? 0xffff : rem > 0 ? (1 << rem) − 1 : 0
    ...i32(0xffff),
    ...i32(1), ...get(rem), op.i32Shl, ...i32(1), i32Sub, ...i32(0), ...get(rem), ...i32(0), op.i32GtS, op.select,
    ...get(rem), ...i32(16), op.i32GeS, op.select, ...set(mask),
    ...get(src), ...get(j), ...i32(4), op.i32Shl, op.i32Add, ...v128Load(), ...set(v),
    ...get(tbRow), ...get(j), ...i32(1), op.i32Shl, op.i32Add, ...set(dst),
    ...i32(0), ...set(p),
    ...eachStep,
    ...bump(j, i32(1)),
  ]);
  const eachByteRow = loopBelow(tb, get(Tp), [
    // steps = min(8, T − 8·tb)
    ...i32(8), ...get(T), ...get(tb), ...i32(3), op.i32Shl, i32Sub, op.tee, steps, ...get(steps), ...i32(8), op.i32GtS, op.select, ...set(steps),
    // tbRow = out + ((8·tb·B + b)·W)·4
    ...get(out), ...get(tb), ...i32(3), op.i32Shl, ...get(B), op.i32Mul, ...get(b), op.i32Add, ...get(W), op.i32Mul, ...i32(2), op.i32Shl, op.i32Add, ...set(tbRow),
    ...i32(0), ...set(j),
    ...eachHalfWord,
    ...bump(src, get(F)),
    ...bump(tb, i32(1)),
  ]);
  const code = [
    ...get(B), ...get(W), op.i32Mul, ...i32(2), op.i32Shl, ...set(rowStep),
    ...get(W), ...i32(1), op.i32Shl, ...set(halves),
    ...loopBelow(b, get(B), [
      ...get(packed), ...get(order), ...get(b), ...i32(2), op.i32Shl, op.i32Add, ...load32(), ...get(Tp), op.i32Mul, ...get(F), op.i32Mul, op.i32Add, ...set(src),
      ...i32(0), ...set(tb),
      ...eachByteRow,
      ...bump(b, i32(1)),
    ]),
  ];
  return [...vec([[12, I32], [1, V128]]), ...code, op.end];
}

/** The word at wp, ANDed with tail when it is a row's last (w = W − 1). */
const rowWord = (wp: number, w: number, W: number, tail: number) => [
  ...get(wp), ...load32(),
  ...get(tail), ...i32(-1), ...get(w), ...get(W), ...i32(1), i32Sub, op.i32Eq, op.select,
  op.i32And,
];

/** countRows: params (words 0, M 1, W 2, tail 3, rowStart 4, extra 5); locals m 6, w 7, c 8, wp 9. */
function countKernel(): number[] {
  const [words, M, W, tail, rowStart, extra, m, w, c, wp] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const code = [
    ...get(words), ...set(wp),
    ...get(rowStart), ...i32(0), ...store32(),
    ...loopBelow(m, get(M), [
      ...i32(0), ...set(w),
      ...loopBelow(w, get(W), [
        ...bump(c, [...rowWord(wp, w, W, tail), op.i32Popcnt]),
        ...bump(wp, i32(4)),
        ...bump(w, i32(1)),
      ]),
      ...bump(c, [...get(extra), ...i32(0), op.i32GeS]),
      ...bump(m, i32(1)),
      ...get(rowStart), ...get(m), ...i32(2), op.i32Shl, op.i32Add, ...get(c), ...store32(),
    ]),
    ...get(c),
  ];
  return [...vec([[4, I32]]), ...code, op.end];
}

/**
 * fillRows: params (words 0, M 1, W 2, tail 3, cols 4, extra 5); locals m 6, w 7, bits 8, wp 9,
 * cp 10, base 11. The first two set bits of a word are taken without a branch (the column is
 * stored at cp either way, and cp moves on only when the word had a bit left), so a word's bit
 * count (0 or 1 for most words at a few % density) costs no mispredicted branch; a loop takes
 * the rest. The stores past the last entry need 4 bytes after cols.
 */
function fillKernel(): number[] {
  const [words, M, W, tail, cols, extra, m, w, bits, wp, cp, base] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const nextBit = [...get(bits), ...get(bits), ...i32(1), i32Sub, op.i32And, ...set(bits)];
  const takeBit = [
    ...get(cp), ...get(base), ...get(bits), op.i32Ctz, op.i32Add, ...store32(),
    ...bump(cp, [...get(bits), ...i32(0), op.i32Ne, ...i32(2), op.i32Shl]),
    ...nextBit,
  ];
  const code = [
    ...get(words), ...set(wp), ...get(cols), ...set(cp),
    ...loopBelow(m, get(M), [
      ...i32(0), ...set(w),
      ...loopBelow(w, get(W), [
        ...rowWord(wp, w, W, tail), ...set(bits),
        ...get(w), ...i32(5), op.i32Shl, ...set(base),
        ...takeBit, ...takeBit,
        op.block, VOID, op.loop, VOID,
        ...get(bits), op.i32Eqz, op.brIf, 1,
        ...get(cp), ...get(base), ...get(bits), op.i32Ctz, op.i32Add, ...store32(),
        ...bump(cp, i32(4)),
        ...nextBit,
        op.br, 0, op.end, op.end,
        ...bump(wp, i32(4)),
        ...bump(w, i32(1)),
      ]),
      ...get(extra), ...i32(0), op.i32GeS, op.if, VOID,
      ...get(cp), ...get(extra), ...store32(), ...bump(cp, i32(4)),
      op.end,
      ...bump(m, i32(1)),
    ]),
  ];
  return [...vec([[6, I32]]), ...code, op.end];
}

function moduleBytes(): Uint8Array<ArrayBuffer> {
  const params = (n: number) => Array<number>(n).fill(I32);
  return assemble([{ params: params(8), results: [] }, { params: params(6), results: [I32] }, { params: params(6), results: [] }], [
    { name: 'gatherWords', type: 0, body: gatherKernel() },
    { name: 'countRows', type: 1, body: countKernel() },
    { name: 'fillRows', type: 2, body: fillKernel() },
  ]);
}

export interface BitKernels {
  memory: WebAssembly.Memory;
  /** Grows the memory to at least `bytes` (false when it cannot); views of it must be made after this call. */
  reserve(bytes: number): boolean;
  gatherWords(packed: number, order: number, B: number, Tp: number, F: number, T: number, out: number, W: number): void;
  countRows(words: number, M: number, W: number, tail: number, rowStart: number, extra: number): number;
  fillRows(words: number, M: number, W: number, tail: number, cols: number, extra: number): void;
}

/** The kernels over `memory` (a fresh one by default), or null where WebAssembly SIMD is missing. */
export function bitKernels(memory = new WebAssembly.Memory({ initial: 1 })): BitKernels | null {
  const e = instanceFor('bitKernels', moduleBytes, memory) as Omit<BitKernels, 'memory' | 'reserve'> | null;
  if (!e) return null;
  return {
    memory,
    reserve(size) {
      const have = memory.buffer.byteLength;
      if (size <= have) return true;
      try {
        memory.grow(Math.ceil((size - have) / 65536));
        return true;
      } catch {
        return false; // past the 4 GiB of a 32-bit memory, or the page's limit
      }
    },
    gatherWords: e.gatherWords, countRows: e.countRows, fillRows: e.fillRows,
  };
}

/** Byte offsets rounded up to 16. */
export const align16 = (bytes: number): number => Math.ceil(bytes / 16) * 16;

/** The mask of a row's last word: the bits of features < F. */
export const tailMask = (F: number): number => (F % 32 === 0 ? -1 : (1 << (F % 32)) - 1);
