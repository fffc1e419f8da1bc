/**
 * A spike raster reduced to the pixels it is drawn on: spikes counted per (time bin, neuron bin),
 * at most one bin per pixel, so a conv layer of 18,000 neurons × 300 steps costs one pass over its
 * spikes and one small image, not a rectangle per spike. Bins are as fine as the data when the
 * plot is larger than T × size (the image is then scaled up without smoothing).
 */
export interface RasterBins {
  cols: number;
  rows: number;
  /** Spike count per bin, row-major [rows][cols]: row = neuron bin (neuron 0 at the top), col = time bin. */
  counts: Uint32Array;
  max: number;
}

export function binRaster(spikes: ArrayLike<number>, T: number, size: number, width: number, height: number): RasterBins {
  const cols = Math.max(1, Math.min(T, Math.floor(width)));
  const rows = Math.max(1, Math.min(size, Math.floor(height)));
  const counts = new Uint32Array(cols * rows);
  const rowOf = new Uint32Array(size);
  for (let n = 0; n < size; n++) rowOf[n] = Math.floor((n * rows) / size);
  let max = 0;
  for (let t = 0; t < T; t++) {
    const col = Math.floor((t * cols) / T);
    const base = t * size;
    for (let n = 0; n < size; n++) {
      if (!spikes[base + n]) continue;
      const i = rowOf[n] * cols + col;
      const c = ++counts[i];
      if (c > max) max = c;
    }
  }
  return { cols, rows, counts, max };
}

/**
 * RGBA pixels of the bins in `rgb`: empty bins transparent; a bin with spikes at least 35 % opaque
 * (a lone spike stays visible) up to fully opaque for the busiest bin.
 */
export function binsToRgba(bins: RasterBins, rgb: readonly [number, number, number]): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(bins.cols * bins.rows * 4);
  for (let i = 0; i < bins.counts.length; i++) {
    const c = bins.counts[i];
    if (c === 0) continue;
    out[i * 4] = rgb[0];
    out[i * 4 + 1] = rgb[1];
    out[i * 4 + 2] = rgb[2];
    out[i * 4 + 3] = Math.round(255 * (0.35 + 0.65 * (bins.max > 1 ? (c - 1) / (bins.max - 1) : 1)));
  }
  return out;
}

/** "#1d2430" or "rgb(29, 36, 48)" as [r, g, b]; black when unreadable. */
export function parseColor(color: string): [number, number, number] {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (hex) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
    return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
  }
  const rgb = /rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)/i.exec(color);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : [0, 0, 0];
}
