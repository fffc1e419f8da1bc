import { packedSteps } from '../formats/bitpack';

/**
 * Sigma-delta (delta-modulation) encoder for slowly varying sensor signals, as the Braille
 * benchmark encodes its taxels (Müller-Cleve et al. 2022): each channel c keeps a reference r_c
 * that tracks the signal in steps of θ, at most one step per time step:
 *   r_c(0) = x_c(0)
 *   for t ≥ 1:  if x_c(t) − r_c ≥ θ: ON spike,  r_c += θ
 *               if r_c − x_c(t) ≥ θ: OFF spike, r_c −= θ
 * Output features are [2, C] in order (p, c): p = 0 is ON (rise), p = 1 is OFF (fall).
 * The signal is first upsampled `upsample`× by linear interpolation (steps between two samples),
 * so a step of the output lasts (sample period / upsample).
 */
export interface SigmaDeltaOptions {
  threshold: number;
  upsample: number;
}

/** Linear interpolation of a [steps, C] signal to [(steps − 1)·k + 1, C]. */
export function upsampleLinear(signal: Float32Array, steps: number, C: number, k: number): Float32Array {
  if (steps <= 1 || k === 1) return signal.slice(0, steps * C);
  const outSteps = (steps - 1) * k + 1;
  const out = new Float32Array(outSteps * C);
  for (let s = 0; s < outSteps; s++) {
    const i = Math.min(Math.floor(s / k), steps - 2);
    const a = s / k - i;
    for (let c = 0; c < C; c++) out[s * C + c] = (1 - a) * signal[i * C + c] + a * signal[(i + 1) * C + c];
  }
  return out;
}

/** Encodes a [steps, C] signal into a packed [⌈T/8⌉, 2·C] sample at `offset` (cut or zero-padded to T). */
export function sigmaDeltaEncode(
  signal: Float32Array, steps: number, C: number, options: SigmaDeltaOptions, T: number, out: Uint8Array, offset = 0,
): number {
  const F = 2 * C;
  out.fill(0, offset, offset + packedSteps(T) * F);
  const x = upsampleLinear(signal, steps, C, options.upsample);
  const n = Math.min(T, x.length / C);
  let spikes = 0;
  for (let c = 0; c < C; c++) {
    let r = x[c];
    for (let t = 1; t < n; t++) {
      const v = x[t * C + c];
      let f = -1;
      if (v - r >= options.threshold) {
        r += options.threshold;
        f = c;
      } else if (r - v >= options.threshold) {
        r -= options.threshold;
        f = C + c;
      }
      if (f >= 0) {
        out[offset + (t >> 3) * F + f] |= 0x80 >> (t & 7);
        spikes++;
      }
    }
  }
  return spikes;
}
