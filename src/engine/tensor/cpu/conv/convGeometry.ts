/**
 * The shape of one 2-d convolution on the CPU path (dilation 1), and the tap tables its scatter
 * loops read: x [N, H, W, Ci] (or channel-first [N, Ci, H, W]: ./convNchwCompute.ts), filter
 * [KH, KW, Ci, Co], y [N, OH, OW, Co], zero padding pt rows on top, pb below, pl columns left, pr
 * right (0 for the NHWC kernels, whose callers pad first):
 *   OH = ⌊(H + pt + pb − KH)/sh⌋ + 1, OW = ⌊(W + pl + pr − KW)/sw⌋ + 1,
 *   y[n, oh, ow, co] = Σ_{kh, kw, ci} x[n, oh·sh + kh − pt, ow·sw + kw − pl, ci] · filter[kh, kw, ci, co]
 * (x outside [0, H) × [0, W) is zero). Input row ih reaches the output rows oh = (ih + pt − kh)/sh
 * for every kh with ih + pt − kh ≥ 0, divisible by sh, and oh < OH; columns alike. `Cop` is Co
 * rounded up to 4 (the f32x4 lanes of ./convSimd.ts), `Cip` the same for Ci.
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
  pt: number;
  pb: number;
  pl: number;
  pr: number;
}

const lanes4 = (n: number) => Math.ceil(n / 4) * 4;

/** Zero padding [top, bottom, left, right]. */
export type Pads = [number, number, number, number];

/**
 * The geometry of x [N, H, W, Ci] ⊛ filter [KH, KW, Ci, Co] at `strides` with zero padding `pads`
 * (shapes in NHWC and HWIO order, whatever the layout in memory); throws on shapes that do not fit.
 */
export function convGeometry(xShape: number[], filterShape: number[], strides: [number, number], pads: Pads = [0, 0, 0, 0]): ConvGeometry {
  const [N, H, W, Ci] = xShape;
  const [KH, KW, Cf, Co] = filterShape;
  const [sh, sw] = strides;
  const [pt, pb, pl, pr] = pads;
  if (xShape.length !== 4 || filterShape.length !== 4 || Cf !== Ci || KH > H + pt + pb || KW > W + pl + pr || !(sh >= 1 && sw >= 1) || pads.some((p) => p < 0)) {
    throw new SpikelabError('INTERNAL', `conv2d of x [${xShape.join(', ')}] with a filter [${filterShape.join(', ')}] at strides ${strides.join('×')}, padding ${pads.join(', ')} does not fit.`,
      'This is a bug in the layer that called it: the shapes are x NHWC and the filter HWIO.');
  }
  const OH = Math.floor((H + pt + pb - KH) / sh) + 1;
  const OW = Math.floor((W + pl + pr - KW) / sw) + 1;
  return { N, H, W, Ci, KH, KW, Co, sh, sw, OH, OW, Cop: lanes4(Co), Cip: lanes4(Ci), pt, pb, pl, pr };
}

/** The same convolution over x already padded: H + pt + pb rows, W + pl + pr columns, no padding. */
export function paddedGeometry(g: ConvGeometry): ConvGeometry {
  return { ...g, H: g.H + g.pt + g.pb, W: g.W + g.pl + g.pr, pt: 0, pb: 0, pl: 0, pr: 0 };
}

/**
 * For each input position p in [0, size): the taps k with p + pad − k = o·s, 0 ≤ o < outSize, as
 * [count, (o·oStride, k·kStride) × count] in a row of 1 + 2·K ints.
 */
export function tapTable(size: number, K: number, s: number, outSize: number, oStride: number, kStride: number, pad: number): Int32Array {
  const row = 1 + 2 * K;
  const table = new Int32Array(size * row);
  for (let p = 0; p < size; p++) {
    let count = 0;
    for (let k = 0; k < K; k++) {
      const d = p + pad - k;
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
    rows: tapTable(g.H, g.KH, g.sh, g.OH, g.OW * co * unit, g.KW * g.Ci * co * unit, g.pt),
    cols: tapTable(g.W, g.KW, g.sw, g.OW, co * unit, g.Ci * co * unit, g.pl),
  };
}
