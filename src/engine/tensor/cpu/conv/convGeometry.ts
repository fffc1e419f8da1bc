/**
 * The shape of one 2-d convolution on the CPU path (NHWC, valid padding: callers pad first,
 * dilation 1), and the tap tables its scatter loops read:
 *   x [N, H, W, Ci], filter [KH, KW, Ci, Co], y [N, OH, OW, Co],
 *   OH = ⌊(H − KH)/sh⌋ + 1, OW = ⌊(W − KW)/sw⌋ + 1,
 *   y[n, oh, ow, co] = Σ_{kh, kw, ci} x[n, oh·sh + kh, ow·sw + kw, ci] · filter[kh, kw, ci, co].
 * Input row ih reaches the output rows oh = (ih − kh)/sh for every kh with ih − kh ≥ 0, divisible
 * by sh, and oh < OH; columns alike. `Cop` is Co rounded up to 4 (the f32x4 lanes of ./convSimd.ts),
 * `Cip` the same for Ci.
 */
import { SpikelabError } from '../../../core/errors';

export interface ConvGeometry {
  N: number;
  H: number;
  W: number;
  Ci: number;
  KH: number;
  KW: number;
  Co: number;
  sh: number;
  sw: number;
  OH: number;
  OW: number;
  Cop: number;
  Cip: number;
}

const lanes4 = (n: number) => Math.ceil(n / 4) * 4;

/** The geometry of x [N, H, W, Ci] ⊛ filter [KH, KW, Ci, Co] at `strides`; throws on shapes that do not fit. */
export function convGeometry(xShape: number[], filterShape: number[], strides: [number, number]): ConvGeometry {
  const [N, H, W, Ci] = xShape;
  const [KH, KW, Cf, Co] = filterShape;
  const [sh, sw] = strides;
  if (xShape.length !== 4 || filterShape.length !== 4 || Cf !== Ci || KH > H || KW > W || !(sh >= 1 && sw >= 1)) {
    throw new SpikelabError('INTERNAL', `conv2d of x [${xShape.join(', ')}] with a filter [${filterShape.join(', ')}] at strides ${strides.join('×')} does not fit.`,
      'This is a bug in the layer that called it: x is NHWC, the filter HWIO, padding already applied.');
  }
  return { N, H, W, Ci, KH, KW, Co, sh, sw, OH: Math.floor((H - KH) / sh) + 1, OW: Math.floor((W - KW) / sw) + 1, Cop: lanes4(Co), Cip: lanes4(Ci) };
}

/**
 * For each input position p in [0, size): the taps k with p − k = o·s, 0 ≤ o < outSize, as
 * [count, (o·oStride, k·kStride) × count] in a row of 1 + 2·K ints.
 */
export function tapTable(size: number, K: number, s: number, outSize: number, oStride: number, kStride: number): Int32Array {
  const row = 1 + 2 * K;
  const table = new Int32Array(size * row);
  for (let p = 0; p < size; p++) {
    let count = 0;
    for (let k = 0; k < K; k++) {
      const d = p - k;
      if (d < 0 || d % s !== 0 || d / s >= outSize) continue;
      table[p * row + 1 + 2 * count] = (d / s) * oStride;
      table[p * row + 2 + 2 * count] = k * kStride;
      count++;
    }
    table[p * row] = count;
  }
  return table;
}

/**
 * The row and column tables of the scatter loops, with output channels `co` apart (Cop in the
 * SIMD module, Co in the JS loops) and offsets in units of `unit` (4: bytes, 1: elements): rows
 * give (oh·OW·co, kh·KW·Ci·co), columns (ow·co, kw·Ci·co), so an active x[n, ih, iw, ci] adds to
 * y at n·OH·OW·co + the two first parts and reads the filter at the two second parts + ci·co.
 */
export function scatterTables(g: ConvGeometry, co: number, unit: number): { rows: Int32Array; cols: Int32Array } {
  return {
    rows: tapTable(g.H, g.KH, g.sh, g.OH, g.OW * co * unit, g.KW * g.Ci * co * unit),
    cols: tapTable(g.W, g.KW, g.sw, g.OW, co * unit, g.Ci * co * unit),
  };
}
