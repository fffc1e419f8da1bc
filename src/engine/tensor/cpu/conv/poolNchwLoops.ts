/**
 * Sum and average pooling on NIR's channel-first layout, the zero padding inside (op 'pool2dNchw':
 * ../../kernels/conv2dNchw.ts), as plain loops over each (n, c) plane, where rows are contiguous:
 *   x [N, C, H, W] → y [N, C, OH, OW], OH = ⌊(H + 2·ph − KH)/sh⌋ + 1, OW alike,
 *   y[n, c, oh, ow] = s · Σ_{kh, kw} x[n, c, oh·sh + kh − ph, ow·sw + kw − pw]   (x zero outside)
 *   ∂x[n, c, ih, iw] = s · Σ over the windows that hold (ih, iw) of dy[n, c, oh, ow]
 * with s = 1 (sum) or 1/(KH·KW) (avg, the padding's zeros counted). 2×2 windows at stride 2
 * without padding (a conv net's usual pool) run a loop of their own, the four taps written out
 * (the general loops' window loops cost V8 three times as much there).
 */

export interface PoolNchwGeometry {
  planes: number;
  H: number;
  W: number;
  KH: number;
  KW: number;
  sh: number;
  sw: number;
  ph: number;
  pw: number;
  OH: number;
  OW: number;
  scale: number;
}

export function poolNchwGeometry(xShape: number[], kind: 'avg' | 'sum', kernel: [number, number], strides: [number, number], pads: [number, number]): PoolNchwGeometry {
  const [N, C, H, W] = xShape;
  const [KH, KW] = kernel;
  const [sh, sw] = strides;
  const [ph, pw] = pads;
  const OH = Math.floor((H + 2 * ph - KH) / sh) + 1;
  const OW = Math.floor((W + 2 * pw - KW) / sw) + 1;
  return { planes: N * C, H, W, KH, KW, sh, sw, ph, pw, OH, OW, scale: kind === 'avg' ? 1 / (KH * KW) : 1 };
}

/** For each output row (or column) o: the window's first and end rows [first, end) inside the map, as a pair in one array. */
function spans(outSize: number, s: number, p: number, K: number, size: number): Int32Array {
  const table = new Int32Array(2 * outSize);
  for (let o = 0; o < outSize; o++) {
    table[2 * o] = Math.max(o * s - p, 0);
    table[2 * o + 1] = Math.min(o * s - p + K, size);
  }
  return table;
}

const halving = (g: PoolNchwGeometry) => g.KH === 2 && g.KW === 2 && g.sh === 2 && g.sw === 2 && g.ph === 0 && g.pw === 0;

/** y for 2×2 windows at stride 2, no padding. */
function halvingForward(g: PoolNchwGeometry, x: Float32Array, y: Float32Array): void {
  const { H, W, OH, OW, scale } = g;
  let o = 0;
  for (let plane = 0; plane < g.planes; plane++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0, r = (plane * H + 2 * oh) * W; ow < OW; ow++, r += 2) y[o++] = (x[r] + x[r + 1] + x[r + W] + x[r + W + 1]) * scale;
    }
  }
}

/** ∂x for 2×2 windows at stride 2, no padding: the windows do not overlap. */
function halvingBackward(g: PoolNchwGeometry, dy: Float32Array, dx: Float32Array): void {
  const { H, W, OH, OW, scale } = g;
  if (H % 2 !== 0 || W % 2 !== 0) dx.fill(0); // the last row or column is in no window
  let o = 0;
  for (let plane = 0; plane < g.planes; plane++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0, r = (plane * H + 2 * oh) * W; ow < OW; ow++, r += 2) {
        const d = dy[o++] * scale;
        dx[r] = d;
        dx[r + 1] = d;
        dx[r + W] = d;
        dx[r + W + 1] = d;
      }
    }
  }
}

export function poolNchwForward(g: PoolNchwGeometry, x: Float32Array, y: Float32Array): void {
  if (halving(g)) {
    halvingForward(g, x, y);
    return;
  }
  const { H, W, OH, OW, scale } = g;
  const rows = spans(OH, g.sh, g.ph, g.KH, H);
  const cols = spans(OW, g.sw, g.pw, g.KW, W);
  let o = 0;
  for (let plane = 0; plane < g.planes; plane++) {
    const base = plane * H * W;
    for (let oh = 0; oh < OH; oh++) {
      const h0 = rows[2 * oh];
      const h1 = rows[2 * oh + 1];
      for (let ow = 0; ow < OW; ow++) {
        const w0 = cols[2 * ow];
        const w1 = cols[2 * ow + 1];
        let s = 0;
        for (let ih = h0; ih < h1; ih++) for (let iw = w0, r = base + ih * W; iw < w1; iw++) s += x[r + iw];
        y[o++] = s * scale;
      }
    }
  }
}

/** ∂x from dy (the whole of ∂x is written). */
export function poolNchwBackward(g: PoolNchwGeometry, dy: Float32Array, dx: Float32Array): void {
  if (halving(g)) {
    halvingBackward(g, dy, dx);
    return;
  }
  const { H, W, OH, OW, scale } = g;
  const rows = spans(OH, g.sh, g.ph, g.KH, H);
  const cols = spans(OW, g.sw, g.pw, g.KW, W);
  dx.fill(0);
  let o = 0;
  for (let plane = 0; plane < g.planes; plane++) {
    const base = plane * H * W;
    for (let oh = 0; oh < OH; oh++) {
      const h0 = rows[2 * oh];
      const h1 = rows[2 * oh + 1];
      for (let ow = 0; ow < OW; ow++) {
        const w0 = cols[2 * ow];
        const w1 = cols[2 * ow + 1];
        const d = dy[o++] * scale;
        for (let ih = h0; ih < h1; ih++) for (let iw = w0, r = base + ih * W; iw < w1; iw++) dx[r + iw] += d;
      }
    }
  }
}
