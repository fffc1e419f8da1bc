/**
 * The conv2d loops of ./convLoops.ts in WebAssembly SIMD, assembled per convolution shape (every
 * size but the batch N is a constant of the code, so the channel loops are unrolled over f32x4
 * lanes), over the memory of a ./simdArena.ts arena. Pointers are byte offsets into that memory;
 * channel rows are padded to Cop = ⌈Co/4⌉·4 (and Cip for ∂x) floats with zeros (./convGeometry.ts).
 *
 *   scatter(x, a, b, rows, cols, N)      for every x[n, ih, iw, ci] ≠ 0 and tap of the tables:
 *       forward: a = y [N, OH, OW, Cop] = Σ x·b, b = f [KH, KW, Ci, Cop]
 *       ∂filter: b = ∂f [KH, KW, Ci, Cop] += x·a (zeroed by the caller), a = dy [N, OH, OW, Cop]
 *       x is NHWC, or channel-first [N, Ci, H, W] in the module of order 'nchw' (the tables carry
 *       any zero padding: ./convGeometry.ts)
 *   inputGrad(dy, ft, dx, N)             dx [N, H, W, Cip] = Σ dy[n, oh, ow, co]·ft[kh, kw, co, :]
 *       for every (n, kh, kw, oh, ow), ft = f transposed to [KH, KW, Cop, Cip]; the channels of two
 *       adjacent dx rows are held in registers (up to 4 vectors each at a time) while the co loop
 *       runs, so each ft vector loaded serves both, and each image is done one tap at a time, so
 *       its dy, dx and the tap's ft stay in the L1 cache.
 *
 * Where WebAssembly SIMD is missing `convModule` returns null (./moduleCache.ts) and the JS loops
 * run instead.
 */
import type { ConvGeometry } from './convGeometry';
import { instanceFor } from './moduleCache';
import { I32, V128, VOID, assemble, bump, f32Const0, f32load, f4, get, i32, i32Sub, load32, op, set, v128Load, v128Store, vec } from '../wasmAssembler';

const F32 = 0x7d;
/** Accumulator vectors of ∂x kept in registers at once (two pixels of 4 vectors, or one of 8). */
const MAX_ACC = 8;
/** Adjacent ∂x pixels that share each filter vector loaded. */
const PIXELS = 2;

/** memory.fill(dest, 0, bytes): zeroes one image's output just before it is accumulated (still in cache). */
export const zeroBytes = (dest: number[], bytes: number) => [...dest, ...i32(0), ...i32(bytes), 0xfc, 11, 0];
const loop = (exit: number[], body: number[]) => [op.block, VOID, op.loop, VOID, ...exit, op.brIf, 1, ...body, op.br, 0, op.end, op.end];
const below = (local: number, limit: number[]) => [...get(local), ...limit, op.i32GeU];
const countdown = (local: number) => [...get(local), op.i32Eqz];
const dec = (local: number) => [...get(local), ...i32(1), i32Sub, ...set(local)];

/** x's layout in memory: TF.js's NHWC, or NIR's channel-first NCHW. */
export type InputOrder = 'nhwc' | 'nchw';

/** scatter: params x 0, a 1, b 2, rows 3, cols 4, N 5 (see the file comment). */
function scatterBody(g: ConvGeometry, toFilter: boolean, order: InputOrder): number[] {
  const [x, a, b, rows, cols, N] = [0, 1, 2, 3, 4, 5];
  const [n, ih, iw, xp, ab, rt, rc, ct, cc, r, c, rp, cp, ci, ao, bo, yo, fo] = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23];
  const [v, vs] = [24, 25];
  const copB = g.Cop * 4;
  const lanes = Array.from({ length: g.Cop / 4 }, (_, j) => 16 * j);
  // target[j] += vs · source[j], one f32x4 per 4 output channels
  const [target, source] = toFilter ? [fo, yo] : [yo, fo];
  const axpy = lanes.flatMap((off) => [...get(target), ...get(target), ...v128Load(off), ...get(vs), ...get(source), ...v128Load(off), ...f4.mul, ...f4.add, ...v128Store(off)]);
  const colTaps = [
    ...get(ct), ...i32(4), op.i32Add, ...set(cp), ...get(cc), ...set(c),
    ...loop(countdown(c), [
      ...get(ao), ...get(cp), ...load32(0), op.i32Add, ...set(yo),
      ...get(bo), ...get(cp), ...load32(4), op.i32Add, ...set(fo),
      ...axpy,
      ...bump(cp, i32(8)), ...dec(c),
    ]),
  ];
  const rowTaps = [
    ...get(rt), ...i32(4), op.i32Add, ...set(rp), ...get(rc), ...set(r),
    ...loop(countdown(r), [
      ...get(ab), ...get(rp), ...load32(0), op.i32Add, ...set(ao),
      ...get(b), ...get(rp), ...load32(4), op.i32Add, ...get(ci), ...i32(copB), op.i32Mul, op.i32Add, ...set(bo),
      ...colTaps,
      ...bump(rp, i32(8)), ...dec(r),
    ]),
  ];
  /** x[xp + at] ≠ 0 (at: bytes past xp, none for 0): its taps. */
  const active = (at: number[]) => [
    ...get(xp), ...(at.length > 0 ? [...at, op.i32Add] : []), ...f32load(0), op.tee, v, ...f32Const0(), op.f32Ne,
    op.if, VOID, ...get(v), ...f4.splat, ...set(vs), ...rowTaps, op.end,
  ];
  /** The input's rows and columns with the tap counts of each; `perPixel` at each, then `step`. */
  const pixels = (perPixel: number[], step: number) => [
    ...get(rows), ...set(rt), ...i32(0), ...set(ih),
    ...loop(below(ih, i32(g.H)), [
      ...get(rt), ...load32(0), ...set(rc),
      ...get(cols), ...set(ct), ...i32(0), ...set(iw),
      ...loop(below(iw, i32(g.W)), [
        ...get(ct), ...load32(0), ...set(cc),
        ...perPixel,
        ...bump(xp, i32(step)), ...bump(ct, i32((1 + 2 * g.KW) * 4)), ...bump(iw, i32(1)),
      ]),
      ...bump(rt, i32((1 + 2 * g.KH) * 4)), ...bump(ih, i32(1)),
    ]),
  ];
  // NHWC: every pixel, its channels innermost; NCHW: every channel, its plane's pixels innermost.
  const image = order === 'nhwc'
    ? pixels([...i32(0), ...set(ci), ...loop(below(ci, i32(g.Ci)), [...active([...get(ci), ...i32(2), op.i32Shl]), ...bump(ci, i32(1))])], g.Ci * 4)
    : [...i32(0), ...set(ci), ...loop(below(ci, i32(g.Ci)), [...pixels(active([]), 4), ...bump(ci, i32(1))])];
  const code = [
    ...get(x), ...set(xp), ...get(a), ...set(ab),
    ...loop(below(n, get(N)), [
      ...(toFilter ? [] : zeroBytes(get(ab), g.OH * g.OW * copB)),
      ...image,
      ...bump(ab, i32(g.OH * g.OW * copB)), ...bump(n, i32(1)),
    ]),
  ];
  return [...vec([[18, I32], [1, F32], [1, V128]]), ...code, op.end];
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** inputGrad: params dy 0, ft 1, dx 2, N 3 (see the file comment). */
function inputGradBody(g: ConvGeometry): number[] {
  const [dy, ft, dx, N] = [0, 1, 2, 3];
  const [n, kh, kw, oh, ow, dyImg, dxImg, fp, gp, dp, gc, fc, co] = [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
  const [splat0, w, acc0] = [17, 19, 20]; // splats of P pixels, a filter vector, P·m accumulators
  const { Cop, Cip } = g;
  const dyStep = Cop * 4;
  const dxStep = g.sw * Cip * 4;
  /**
   * P adjacent output pixels (from gp in dy, dp in dx) over channel vectors [first, first + m):
   * each filter vector loaded once serves all P pixels. The co loop is not unrolled: unrolled by
   * 4 or 8 it ran 1.3–1.6× slower in V8 here (conv2 of workload B: 105 ms rolled).
   */
  const pixelBlock = (P: number, first: number, m: number) => {
    const acc = (p: number, j: number) => acc0 + p * m + j;
    const off = (j: number) => (first + j) * 16;
    const each = (f: (p: number, j: number) => number[]) => range(P).flatMap((p) => range(m).flatMap((j) => f(p, j)));
    const perCo = [
      ...range(P).flatMap((p) => [...get(gc), ...f4.loadSplat(p * dyStep), ...set(splat0 + p)]),
      ...range(m).flatMap((j) => [
        ...get(fc), ...v128Load(off(j)), ...set(w),
        ...range(P).flatMap((p) => [...get(acc(p, j)), ...get(splat0 + p), ...get(w), ...f4.mul, ...f4.add, ...set(acc(p, j))]),
      ]),
    ];
    return [
      ...each((p, j) => [...get(dp), ...v128Load(p * dxStep + off(j)), ...set(acc(p, j))]),
      ...get(gp), ...set(gc), ...get(fp), ...set(fc), ...i32(0), ...set(co),
      ...loop(below(co, i32(Cop)), [
        ...perCo,
        ...bump(gc, i32(4)), ...bump(fc, i32(Cip * 4)), ...bump(co, i32(1)),
      ]),
      ...each((p, j) => [...get(dp), ...get(acc(p, j)), ...v128Store(p * dxStep + off(j))]),
    ];
  };
  const pixels = (P: number) => {
    const per = Math.floor(MAX_ACC / P);
    return range(Math.ceil(Cip / 4 / per)).flatMap((b) => pixelBlock(P, b * per, Math.min(per, Cip / 4 - b * per)));
  };
  const code = [
    ...get(dy), ...set(dyImg), ...get(dx), ...set(dxImg),
    ...loop(below(n, get(N)), [
      ...zeroBytes(get(dxImg), g.H * g.W * Cip * 4),
      ...i32(0), ...set(kh),
      ...loop(below(kh, i32(g.KH)), [
        ...i32(0), ...set(kw),
        ...loop(below(kw, i32(g.KW)), [
          ...get(ft), ...get(kh), ...i32(g.KW), op.i32Mul, ...get(kw), op.i32Add, ...i32(Cop * Cip * 4), op.i32Mul, op.i32Add, ...set(fp),
          ...i32(0), ...set(oh),
          ...loop(below(oh, i32(g.OH)), [
            ...get(dyImg), ...get(oh), ...i32(g.OW * Cop * 4), op.i32Mul, op.i32Add, ...set(gp),
            ...get(dxImg), ...get(oh), ...i32(g.sh), op.i32Mul, ...get(kh), op.i32Add, ...i32(g.W), op.i32Mul, ...get(kw), op.i32Add, ...i32(Cip * 4), op.i32Mul, op.i32Add, ...set(dp),
            ...i32(0), ...set(ow),
            ...loop(below(ow, i32(Math.floor(g.OW / PIXELS))), [
              ...pixels(PIXELS),
              ...bump(gp, i32(PIXELS * dyStep)), ...bump(dp, i32(PIXELS * dxStep)), ...bump(ow, i32(1)),
            ]),
            ...(g.OW % PIXELS > 0 ? pixels(g.OW % PIXELS) : []),
            ...bump(oh, i32(1)),
          ]),
          ...bump(kw, i32(1)),
        ]),
        ...bump(kh, i32(1)),
      ]),
      ...bump(dyImg, i32(g.OH * g.OW * Cop * 4)), ...bump(dxImg, i32(g.H * g.W * Cip * 4)), ...bump(n, i32(1)),
    ]),
  ];
  return [...vec([[13, I32], [3 + MAX_ACC, V128]]), ...code, op.end];
}

function moduleBytes(g: ConvGeometry, order: InputOrder): Uint8Array<ArrayBuffer> {
  return assemble([{ params: Array<number>(6).fill(I32), results: [] }, { params: Array<number>(4).fill(I32), results: [] }], [
    { name: 'forward', type: 0, body: scatterBody(g, false, order) },
    { name: 'filterGrad', type: 0, body: scatterBody(g, true, order) },
    { name: 'inputGrad', type: 1, body: inputGradBody(g) },
  ]);
}

export interface ConvModule {
  forward(x: number, y: number, f: number, rows: number, cols: number, N: number): void;
  filterGrad(x: number, dy: number, df: number, rows: number, cols: number, N: number): void;
  inputGrad(dy: number, ft: number, dx: number, N: number): void;
}

/**
 * The module for g's shape (any N) and x's `order` over `memory`, or null where WebAssembly SIMD
 * cannot run here. Its inputGrad ignores g's padding (./convNchwCompute.ts runs it on the padded
 * geometry).
 */
export function convModule(g: ConvGeometry, memory: WebAssembly.Memory, order: InputOrder = 'nhwc'): ConvModule | null {
  const key = ['conv', order, g.H, g.W, g.Ci, g.KH, g.KW, g.Co, g.sh, g.sw, g.pt, g.pb, g.pl, g.pr].join(',');
  return instanceFor(key, () => moduleBytes(g, order), memory) as ConvModule | null;
}
