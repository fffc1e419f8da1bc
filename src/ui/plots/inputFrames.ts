/**
 * The input sample as pictures: a 1-D input is channels × time; an image-like input ([H, W] or
 * [C, H, W]) is a few frames, each the sum of the input over a slice of time (channel 0 red,
 * channel 1 blue, as ON/OFF event polarities).
 */
export interface Picture {
  width: number;
  height: number;
  /** Per pixel [r, g, b] intensities in 0..1, row-major. */
  rgb: Float32Array;
  caption: string;
}

export function channelsOverTime(input: Float32Array, T: number, F: number): Picture {
  const rgb = new Float32Array(T * F * 3);
  let max = 0;
  for (const v of input) max = Math.max(max, Math.abs(v));
  for (let t = 0; t < T; t++) {
    for (let f = 0; f < F; f++) {
      const v = Math.abs(input[t * F + f]) / (max || 1);
      const i = (f * T + t) * 3;
      rgb[i] = rgb[i + 1] = rgb[i + 2] = v;
    }
  }
  return { width: T, height: F, rgb, caption: `${F} channels × ${T} steps` };
}

export function framesOverTime(input: Float32Array, T: number, shape: number[], frames: number): Picture[] {
  const [C, H, W] = shape.length === 3 ? shape : [1, shape[0], shape[1]];
  const F = C * H * W;
  const count = Math.max(1, Math.min(frames, T));
  const out: Picture[] = [];
  for (let k = 0; k < count; k++) {
    const t0 = Math.floor((k * T) / count);
    const t1 = Math.floor(((k + 1) * T) / count);
    const sums = new Float32Array(C * H * W);
    for (let t = t0; t < t1; t++) for (let i = 0; i < F; i++) sums[i] += input[t * F + i];
    let max = 0;
    for (const v of sums) max = Math.max(max, v);
    const rgb = new Float32Array(H * W * 3);
    for (let p = 0; p < H * W; p++) {
      const on = sums[p] / (max || 1);
      const off = C > 1 ? sums[H * W + p] / (max || 1) : on;
      rgb[p * 3] = on;
      rgb[p * 3 + 1] = C > 1 ? Math.min(on, off) : on;
      rgb[p * 3 + 2] = off;
    }
    out.push({ width: W, height: H, rgb, caption: `t ${t0}–${t1 - 1}` });
  }
  return out;
}

/** The frame (of `count` over T steps, as framesOverTime slices them) that holds step t. */
export function frameOfStep(t: number, T: number, count: number): number {
  const frames = Math.max(1, Math.min(count, T));
  for (let k = frames - 1; k >= 0; k--) if (t >= Math.floor((k * T) / frames)) return k;
  return 0;
}

/** The input of step t alone, as a picture of the frame shape. */
export function frameAtStep(input: Float32Array, T: number, shape: number[], t: number): Picture {
  const F = shape.reduce((a, b) => a * b, 1);
  const step = Math.min(Math.max(0, t), T - 1);
  const [picture] = framesOverTime(input.subarray(step * F, (step + 1) * F), 1, shape, 1);
  return { ...picture, caption: `at t = ${step}` };
}
