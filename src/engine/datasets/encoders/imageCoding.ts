import { dataError } from '../errors';
import { packedSteps } from '../formats/bitpack';
import { lowbias32, uniform01 } from './counterHash';

/**
 * Static images to spikes, done at load time from uint8 intensities; each spike is a pure
 * function of (seed, sample, t, feature) so the GPU can later compute the same bits.
 * x = pixel / maxValue ∈ [0, 1].
 *
 * rate (Spyx `rate_code(num_steps, max_r)`): spike(t) = [u(seed, s, t, f) < x · maxRate], one
 *   independent Bernoulli draw per step; u from counterHash.ts. Default maxRate 0.75 (Spyx).
 * latency (Spyx `latency_code(num_steps, threshold)`): a single spike at
 *   t = round_half_even((1 − x)(T − 1)); no spike when x ≤ threshold (default 0.01). No randomness.
 */
export type ImageCoding =
  | { kind: 'rate'; seed: number; maxRate?: number }
  | { kind: 'latency'; threshold?: number };

export const DEFAULT_IMAGE_CODING: ImageCoding = { kind: 'rate', seed: 0, maxRate: 0.75 };

/** NumPy/JAX `round`: halves go to the even neighbour. */
function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** The spike of one (sample, t, feature): the pure encoder a GPU kernel will mirror. */
export function imageSpike(coding: ImageCoding, x: number, sample: number, t: number, feature: number, T: number): 0 | 1 {
  if (coding.kind === 'rate') return uniform01(coding.seed, sample, t, feature) < x * (coding.maxRate ?? 0.75) ? 1 : 0;
  if (x <= (coding.threshold ?? 0.01)) return 0;
  return roundHalfEven((1 - x) * (T - 1)) === t ? 1 : 0;
}

/**
 * Encodes pixels [N, F] to packed spikes [N, ⌈T/8⌉, F]. Gives exactly the bits of imageSpike; the
 * rate path caches the inner two hash levels, mix(t ⊕ mix(f)), which do not depend on the sample.
 */
export function encodeImages(pixels: Uint8Array, n: number, F: number, maxValue: number, T: number, coding: ImageCoding): Uint8Array {
  if (!Number.isInteger(T) || T < 1 || T > 100_000) {
    throw dataError('DATA_BAD_OPTIONS', `T = ${T} time steps cannot code an image.`, 'Choose a whole number of steps, e.g. 32 or 64.');
  }
  const maxRate = coding.kind === 'rate' ? coding.maxRate ?? 0.75 : 0;
  if (!(maxRate >= 0 && maxRate <= 1)) {
    throw dataError('DATA_BAD_OPTIONS', `maxRate ${maxRate} is not a probability.`, 'Choose maxRate between 0 and 1 (Spyx uses 0.75).');
  }
  const Tp = packedSteps(T);
  const out = new Uint8Array(n * Tp * F);
  if (coding.kind === 'latency') {
    const threshold = coding.threshold ?? 0.01;
    for (let s = 0; s < n; s++) {
      for (let f = 0; f < F; f++) {
        const x = pixels[s * F + f] / maxValue;
        if (x <= 0 || x <= threshold) continue;
        const t = roundHalfEven((1 - x) * (T - 1));
        out[s * Tp * F + (t >> 3) * F + f] |= 0x80 >> (t & 7);
      }
    }
    return out;
  }
  const inner = new Uint32Array(T * F);
  for (let f = 0; f < F; f++) {
    const mf = lowbias32(f);
    for (let t = 0; t < T; t++) inner[t * F + f] = lowbias32((t ^ mf) >>> 0);
  }
  for (let s = 0; s < n; s++) {
    const base = s * Tp * F;
    for (let f = 0; f < F; f++) {
      const p = (pixels[s * F + f] / maxValue) * maxRate;
      if (p <= 0) continue;
      for (let t = 0; t < T; t++) {
        const h = lowbias32((coding.seed ^ lowbias32((s ^ inner[t * F + f]) >>> 0)) >>> 0);
        if ((h >>> 8) / 16777216 < p) out[base + (t >> 3) * F + f] |= 0x80 >> (t & 7);
      }
    }
  }
  return out;
}
