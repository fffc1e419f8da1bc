/**
 * The conv2d loops of the CPU path in plain JS (where WebAssembly SIMD is missing; ./convSimd.ts
 * runs the same loops four lanes at a time), on TF.js's own layouts (./convGeometry.ts):
 *
 *   forward   y[n, oh, ow, :]    += x[n, ih, iw, ci] · f[kh, kw, ci, :]    for every active x and tap
 *   ∂filter   ∂f[kh, kw, ci, :]  += x[n, ih, iw, ci] · dy[n, oh, ow, :]   (the same visits)
 *   ∂x        ∂x[n, ih, iw, ci]  += Σ_co dy[n, oh, ow, co] · f[kh, kw, ci, co]   (dense: every dy)
 *
 * with ih = oh·sh + kh, iw = ow·sw + kw. The first two visit only the non-zero entries of x (spikes,
 * or an event frame's counts), so their cost is the active inputs × taps × Co; the third is the
 * transposed convolution. Each adds into an output the caller has zeroed.
 */
import { scatterTables, type ConvGeometry } from './convGeometry';

/**
 * The sparse scatter of the forward (`toFilter` false: out = y, table = f) or of ∂filter
 * (`toFilter` true: out = ∂f, the per-output array = dy).
 */
export function scatterLoops(g: ConvGeometry, x: Float32Array, perOutput: Float32Array, perFilter: Float32Array, toFilter: boolean): void {
  const { N, H, W, Ci, Co, KH, KW, OH, OW } = g;
  const { rows, cols } = scatterTables(g, Co, 1);
  const rowStride = 1 + 2 * KH;
  const colStride = 1 + 2 * KW;
  let xp = 0;
  for (let n = 0; n < N; n++) {
    const yb = n * OH * OW * Co;
    for (let ih = 0; ih < H; ih++) {
      const rt = ih * rowStride;
      const rowTaps = rows[rt];
      for (let iw = 0; iw < W; iw++, xp += Ci) {
        const ct = iw * colStride;
        const colTaps = cols[ct];
        for (let ci = 0; ci < Ci; ci++) {
          const v = x[xp + ci];
          if (v === 0) continue;
          for (let r = 0; r < rowTaps; r++) {
            const yr = yb + rows[rt + 1 + 2 * r];
            const fr = rows[rt + 2 + 2 * r] + ci * Co;
            for (let c = 0; c < colTaps; c++) {
              const yo = yr + cols[ct + 1 + 2 * c];
              const fo = fr + cols[ct + 2 + 2 * c];
              if (toFilter) for (let o = 0; o < Co; o++) perFilter[fo + o] += v * perOutput[yo + o];
              else for (let o = 0; o < Co; o++) perOutput[yo + o] += v * perFilter[fo + o];
            }
          }
        }
      }
    }
  }
}

/** ∂x += the transposed convolution of dy with f (dense). */
export function inputGradLoops(g: ConvGeometry, dy: Float32Array, f: Float32Array, dx: Float32Array): void {
  const { N, H, W, Ci, Co, KH, KW, OH, OW, sh, sw } = g;
  let gp = 0;
  for (let n = 0; n < N; n++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0; ow < OW; ow++, gp += Co) {
        for (let kh = 0; kh < KH; kh++) {
          for (let kw = 0; kw < KW; kw++) {
            const d = ((n * H + oh * sh + kh) * W + ow * sw + kw) * Ci;
            const fb = (kh * KW + kw) * Ci * Co;
            for (let ci = 0; ci < Ci; ci++) {
              const fr = fb + ci * Co;
              let s = 0;
              for (let co = 0; co < Co; co++) s += dy[gp + co] * f[fr + co];
              dx[d + ci] += s;
            }
          }
        }
      }
    }
  }
}
