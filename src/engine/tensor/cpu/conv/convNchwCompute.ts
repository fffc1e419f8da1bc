/**
 * The three conv2d computations on NIR's channel-first layout, with zero padding and the bias
 * inside (op 'conv2dNchw': ../../kernels/conv2dNchw.ts): x and y NCHW, the weight OIHW. They run
 * the SIMD modules of ./convSimd.ts a chunk of images at a time, each chunk's rows laid out in
 * scratch as the modules want them by those of ./layoutSimd.ts, so nothing the size of the batch
 * is transposed or padded:
 *   forward   the scatter reads x as it is (order 'nchw', the padding in its tap tables) into
 *             y_c [n, OH·OW, Cop], then y[n, co, p] = y_c[n, p, co] + b[co]
 *   ∂filter   dy_c[n, p, co] = dy[n, co, p], the same scatter into ∂f [KH, KW, Ci, Cop], then OIHW
 *   ∂x        dy_c as above, the dense transposed convolution into ∂x_c [n, H + pt + pb,
 *             W + pl + pr, Cip] (./convGeometry.ts paddedGeometry), then ∂x[n, ci, ih, iw] =
 *             ∂x_c[n, ih + pt, iw + pl, ci]
 *   ∂bias     ∂b[co] = Σ_{n, p} dy[n, co, p]
 * `g` is convGeometry of the NHWC shapes with the padding. Callers check `convNchwModule` first.
 */
import { placeTables } from './convCompute';
import { paddedGeometry, type ConvGeometry } from './convGeometry';
import { convModule, type ConvModule } from './convSimd';
import { channelFirstModule, channelsLastModule } from './layoutSimd';
import { view, type SimdArena } from './simdArena';
import { Operand } from './simdOperand';

/** Floats of scratch per chunk of images (fits the L2 cache with the rest of a chunk's work). */
const CHUNK_FLOATS = 1 << 16;
const chunkOf = (imageFloats: number) => Math.max(1, Math.floor(CHUNK_FLOATS / imageFloats));

/** The module of the forward and ∂filter (x read channel-first), or null without WebAssembly SIMD. */
export function convNchwModule(g: ConvGeometry, arena: SimdArena): ConvModule | null {
  return convModule(g, arena.memory, 'nchw');
}

/** An input operand of the module: in place where it lies in the arena, else copied in. */
const whole = (arena: SimdArena, a: Float32Array) => new Operand(arena, a, a.length, a.length).place();

/** OIHW w → [KH, KW, Ci, Cop] (the padding lanes zero). */
function toHwio(g: ConvGeometry, w: Float32Array, f: Float32Array): void {
  const { KH, KW, Ci, Co, Cop } = g;
  f.fill(0);
  for (let co = 0; co < Co; co++) {
    for (let ci = 0; ci < Ci; ci++) {
      for (let t = 0; t < KH * KW; t++) f[(t * Ci + ci) * Cop + co] = w[(co * Ci + ci) * KH * KW + t];
    }
  }
}

/** The layout module that writes a chunk of channels-last rows [n, P, Cop] as [n, Co, P] (+ bias). */
const rowsToMaps = (g: ConvGeometry, arena: SimdArena) =>
  channelFirstModule({ C: g.Co, Cs: g.Cop, R: 1, L: g.OH * g.OW, Ws: 0, off: 0, Si: g.OH * g.OW }, arena.memory)!;

/** The layout module that reads a chunk of dy [n, Co, P] as channels-last rows [n, P, Cop]. */
const mapsToRows = (g: ConvGeometry, arena: SimdArena) => channelsLastModule(g.Co, g.Cop, g.OH * g.OW, arena.memory)!;

/** y [N, Co, OH, OW] = b + x ⊛ w. */
export function convNchwForward(g: ConvGeometry, x: Float32Array, w: Float32Array, bias: Float32Array | null, y: Float32Array, arena: SimdArena): void {
  const module = convNchwModule(g, arena)!;
  const P = g.OH * g.OW;
  const chunk = chunkOf(P * g.Cop);
  try {
    const xs = whole(arena, x);
    const ys = new Operand(arena, y, y.length, y.length);
    const ws = new Operand(arena, w, w.length, w.length);
    const bs = bias && new Operand(arena, bias, bias.length, bias.length);
    const toMaps = rowsToMaps(g, arena);
    const fAt = arena.alloc(g.KH * g.KW * g.Ci * g.Cop * 4);
    const biasAt = arena.alloc(g.Co * 4);
    const rowsAt = arena.alloc(chunk * P * g.Cop * 4);
    const tables = placeTables(g, arena);
    const yAt = ys.place().at;
    tables.write();
    xs.fill();
    toHwio(g, ws.array(), view(arena, fAt, g.KH * g.KW * g.Ci * g.Cop));
    const b = view(arena, biasAt, g.Co);
    if (bs) b.set(bs.array());
    else b.fill(0);
    for (let n0 = 0; n0 < g.N; n0 += chunk) {
      const count = Math.min(chunk, g.N - n0);
      module.forward(xs.at + n0 * g.Ci * g.H * g.W * 4, rowsAt, fAt, tables.rowsAt, tables.colsAt, count);
      toMaps.channelFirst(rowsAt, yAt + n0 * g.Co * P * 4, biasAt, count);
    }
    ys.copyOut();
  } finally {
    arena.reset();
  }
}

/** ∂w [Co, Ci, KH, KW] = Σ over the active x of x·dy. */
export function convNchwFilterGrad(g: ConvGeometry, x: Float32Array, dy: Float32Array, dw: Float32Array, arena: SimdArena): void {
  const module = convNchwModule(g, arena)!;
  const { KH, KW, Ci, Co, Cop } = g;
  const P = g.OH * g.OW;
  const chunk = chunkOf(P * Cop);
  try {
    const xs = whole(arena, x);
    const dys = whole(arena, dy);
    const dws = new Operand(arena, dw, dw.length, dw.length);
    const toRows = mapsToRows(g, arena);
    const fAt = arena.alloc(KH * KW * Ci * Cop * 4);
    const rowsAt = arena.alloc(chunk * P * Cop * 4);
    const tables = placeTables(g, arena);
    tables.write();
    xs.fill();
    dys.fill();
    const f = view(arena, fAt, KH * KW * Ci * Cop);
    f.fill(0);
    for (let n0 = 0; n0 < g.N; n0 += chunk) {
      const count = Math.min(chunk, g.N - n0);
      toRows.channelsLast(dys.at + n0 * Co * P * 4, rowsAt, count);
      module.filterGrad(xs.at + n0 * Ci * g.H * g.W * 4, rowsAt, fAt, tables.rowsAt, tables.colsAt, count);
    }
    const out = dws.array();
    for (let co = 0; co < Co; co++) {
      for (let ci = 0; ci < Ci; ci++) {
        for (let t = 0; t < KH * KW; t++) out[(co * Ci + ci) * KH * KW + t] = f[(t * Ci + ci) * Cop + co];
      }
    }
  } finally {
    arena.reset();
  }
}

/** ∂x [N, Ci, H, W] = the transposed convolution of dy [N, Co, OH, OW] with w, cropped to x. */
export function convNchwInputGrad(g: ConvGeometry, dy: Float32Array, w: Float32Array, dx: Float32Array, arena: SimdArena): void {
  const gp = paddedGeometry(g);
  const module = convModule(gp, arena.memory)!;
  const { KH, KW, Ci, Co, Cop, Cip, H, W } = g;
  const P = g.OH * g.OW;
  const padded = gp.H * gp.W * Cip;
  const chunk = chunkOf(P * Cop + padded);
  try {
    const dys = whole(arena, dy);
    const ws = new Operand(arena, w, w.length, w.length);
    const dxs = new Operand(arena, dx, dx.length, dx.length);
    const toRows = mapsToRows(g, arena);
    const crop = channelFirstModule({ C: Ci, Cs: Cip, R: H, L: W, Ws: gp.W, off: g.pt * gp.W + g.pl, Si: gp.H * gp.W }, arena.memory)!;
    const ftAt = arena.alloc(KH * KW * Cop * Cip * 4);
    const zeroAt = arena.alloc(Ci * 4);
    const rowsAt = arena.alloc(chunk * P * Cop * 4);
    const dxAt = arena.alloc(chunk * padded * 4);
    const dxOut = dxs.place().at;
    dys.fill();
    const ft = view(arena, ftAt, KH * KW * Cop * Cip);
    const weight = ws.array();
    view(arena, zeroAt, Ci).fill(0);
    ft.fill(0);
    for (let co = 0; co < Co; co++) {
      for (let ci = 0; ci < Ci; ci++) {
        for (let t = 0; t < KH * KW; t++) ft[(t * Cop + co) * Cip + ci] = weight[(co * Ci + ci) * KH * KW + t];
      }
    }
    for (let n0 = 0; n0 < g.N; n0 += chunk) {
      const count = Math.min(chunk, g.N - n0);
      toRows.channelsLast(dys.at + n0 * Co * P * 4, rowsAt, count);
      module.inputGrad(rowsAt, ftAt, dxAt, count);
      crop.channelFirst(dxAt, dxOut + n0 * Ci * H * W * 4, zeroAt, count);
    }
    dxs.copyOut();
  } finally {
    arena.reset();
  }
}

/** ∂b [Co] = Σ_{n, p} dy[n, co, p] for dy [N, Co, P] (four partial sums, so the adds need not wait on each other). */
export function convNchwBiasGrad(dy: Float32Array, N: number, Co: number, P: number, db: Float32Array): void {
  const sums = new Float64Array(Co);
  const quads = P - (P % 4);
  for (let n = 0; n < N; n++) {
    for (let co = 0; co < Co; co++) {
      const at = (n * Co + co) * P;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let p = at; p < at + quads; p += 4) {
        s0 += dy[p];
        s1 += dy[p + 1];
        s2 += dy[p + 2];
        s3 += dy[p + 3];
      }
      for (let p = at + quads; p < at + P; p++) s0 += dy[p];
      sums[co] += s0 + s1 + s2 + s3;
    }
  }
  db.set(sums);
}
