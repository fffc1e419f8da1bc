/**
 * 2-d pooling loops of the CPU path on NHWC arrays, valid padding (callers pad first):
 *   x [N, H, W, C] → y [N, OH, OW, C], OH = ⌊(H − KH)/sh⌋ + 1, OW = ⌊(W − KW)/sw⌋ + 1, windows
 *   (ih, iw) = (oh·sh + kh, ow·sw + kw):
 *   max  y = max over the window; ∂x gets dy at the window's first maximum in row-major order
 *        (strictly greater replaces: PyTorch's and TF.js's tie rule, docs/specs/bench.md §3),
 *        found in the forward and kept as its tap index
 *   avg  y = Σ window / (KH·KW); ∂x += dy / (KH·KW) at every position of the window
 *   sum  y = Σ window;           ∂x += dy at every position of the window
 * The channel loop is innermost (contiguous in NHWC). ./poolSimd.ts runs the same loops four
 * channels at a time (./poolCompute.ts chooses).
 */

export type PoolKind = 'max' | 'avg' | 'sum';

export interface PoolGeometry {
  N: number;
  H: number;
  W: number;
  C: number;
  KH: number;
  KW: number;
  sh: number;
  sw: number;
  OH: number;
  OW: number;
}

export function poolGeometry(xShape: number[], kernel: [number, number], strides: [number, number]): PoolGeometry {
  const [N, H, W, C] = xShape;
  const [KH, KW] = kernel;
  const [sh, sw] = strides;
  return { N, H, W, C, KH, KW, sh, sw, OH: Math.floor((H - KH) / sh) + 1, OW: Math.floor((W - KW) / sw) + 1 };
}

/** The offset of x[n, oh·sh + kh, ow·sw + kw, 0]. */
const tapAt = (g: PoolGeometry, n: number, oh: number, ow: number, kh: number, kw: number) => ((n * g.H + oh * g.sh + kh) * g.W + ow * g.sw + kw) * g.C;

/**
 * y from x; for max pooling also `taps` [N, OH, OW, C]: the window tap (kh·KW + kw, as a float)
 * of each maximum, which is all the backward needs (so x itself need not be kept for it).
 */
export function poolForwardLoops(g: PoolGeometry, kind: PoolKind, x: Float32Array, y: Float32Array, taps: Float32Array | null): void {
  const { N, C, KH, KW, OH, OW } = g;
  const scale = kind === 'avg' ? 1 / (KH * KW) : 1;
  let o = 0;
  for (let n = 0; n < N; n++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0; ow < OW; ow++, o += C) {
        const first = tapAt(g, n, oh, ow, 0, 0);
        for (let c = 0; c < C; c++) y[o + c] = x[first + c];
        if (taps) taps.fill(0, o, o + C);
        for (let t = 1; t < KH * KW; t++) {
          const p = tapAt(g, n, oh, ow, Math.floor(t / KW), t % KW);
          if (kind !== 'max') {
            for (let c = 0; c < C; c++) y[o + c] += x[p + c];
            continue;
          }
          for (let c = 0; c < C; c++) {
            if (x[p + c] > y[o + c]) {
              y[o + c] = x[p + c];
              if (taps) taps[o + c] = t;
            }
          }
        }
        if (scale !== 1) for (let c = 0; c < C; c++) y[o + c] *= scale;
      }
    }
  }
}

/** ∂x from dy (the whole of ∂x is written); `taps` (max pooling only) from the forward. */
export function poolBackwardLoops(g: PoolGeometry, kind: PoolKind, taps: Float32Array | null, dy: Float32Array, dx: Float32Array): void {
  const { N, C, KH, KW, OH, OW } = g;
  dx.fill(0);
  const scale = kind === 'avg' ? 1 / (KH * KW) : 1;
  let o = 0;
  for (let n = 0; n < N; n++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0; ow < OW; ow++, o += C) {
        if (kind === 'max') {
          for (let c = 0; c < C; c++) {
            const t = taps![o + c];
            dx[tapAt(g, n, oh, ow, Math.floor(t / KW), t % KW) + c] += dy[o + c];
          }
          continue;
        }
        for (let t = 0; t < KH * KW; t++) {
          const p = tapAt(g, n, oh, ow, Math.floor(t / KW), t % KW);
          for (let c = 0; c < C; c++) dx[p + c] += dy[o + c] * scale;
        }
      }
    }
  }
}
