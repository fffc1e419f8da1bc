/**
 * Why a layer stops learning, read from its recorded membranes: the histogram of z = m − θ over
 * every neuron and step (m the membrane the threshold is compared with), with the surrogate's
 * derivative g(z) drawn over it. Backward, a spike's gradient is scaled by g(z); where |z| is far
 * from 0, g(z) ≈ 0 and nothing flows. Reported:
 *   negligible  share of (neuron, step) values with g(z) < NEGLIGIBLE · g(0)
 *   dead        neurons whose z stays below the band where g ≥ NEGLIGIBLE · g(0) at every step
 *               (never close to firing: no gradient, no spikes)
 *   saturated   neurons above that band at every step (fire every step: the gradient is gone too)
 */
import { SURROGATES } from '../surrogates/index';
import type { SurrogateSpec } from '../surrogates/types';

/** A gradient under 1% of the surrogate's peak counts as none. */
export const NEGLIGIBLE = 0.01;

export interface SurrogateDiagnostics {
  /** Bin edges of z, length bins + 1. */
  edges: number[];
  /** Values per bin. */
  counts: number[];
  /** g(z) at the bin centres, divided by g(0). */
  gradient: number[];
  /** The band of z where g ≥ NEGLIGIBLE · g(0). */
  band: [number, number];
  values: number;
  negligible: number;
  deadNeurons: number;
  saturatedNeurons: number;
  neurons: number;
}

/** The band [lo, hi] around 0 where g stays above the cut (found by bisection; g falls off with |z|). */
function bandOf(g: (z: number) => number, cut: number): [number, number] {
  const edge = (sign: 1 | -1): number => {
    let lo = 0;
    let hi = 1e-6;
    while (g(sign * hi) >= cut && hi < 1e6) hi *= 2;
    if (hi >= 1e6) return sign * Infinity;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (g(sign * mid) >= cut) lo = mid; else hi = mid;
    }
    return sign * lo;
  };
  return [edge(-1), edge(1)];
}

/**
 * membrane [T·size] time-major, thresholds per neuron (or one for all), the layer's surrogate.
 * The histogram spans the 0.5–99.5% range of z, widened to show the whole band where finite.
 */
export function surrogateDiagnostics(membrane: Float32Array, size: number, thresholds: ArrayLike<number>, surrogate: SurrogateSpec, bins = 48): SurrogateDiagnostics {
  const def = SURROGATES[surrogate.name];
  const g = (z: number) => def.grad(z, surrogate.slope);
  const peak = g(0) || 1;
  const cut = NEGLIGIBLE * peak;
  const band = bandOf(g, cut);
  const T = Math.floor(membrane.length / size);
  const z = new Float32Array(T * size);
  for (let t = 0; t < T; t++) for (let i = 0; i < size; i++) z[t * size + i] = membrane[t * size + i] - thresholds[thresholds.length === 1 ? 0 : i];
  const sorted = Float32Array.from(z).sort();
  const quantile = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  let lo = Math.min(quantile(0.005), Number.isFinite(band[0]) ? band[0] * 1.5 : 0);
  let hi = Math.max(quantile(0.995), Number.isFinite(band[1]) ? band[1] * 1.5 : 0);
  if (!(hi > lo)) [lo, hi] = [lo - 1, hi + 1];
  const width = (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => lo + i * width);
  const counts = new Array<number>(bins).fill(0);
  let negligible = 0;
  for (const v of z) {
    counts[Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)))] += 1;
    if (g(v) < cut) negligible += 1;
  }
  let deadNeurons = 0;
  let saturatedNeurons = 0;
  for (let i = 0; i < size; i++) {
    let below = true;
    let above = true;
    for (let t = 0; t < T; t++) {
      const v = z[t * size + i];
      if (v >= band[0]) below = false;
      if (v <= band[1]) above = false;
    }
    if (T > 0 && below) deadNeurons += 1;
    if (T > 0 && above) saturatedNeurons += 1;
  }
  return {
    edges, counts, band, values: z.length, negligible: z.length ? negligible / z.length : 0, deadNeurons, saturatedNeurons, neurons: size,
    gradient: counts.map((_, i) => g(lo + (i + 0.5) * width) / peak),
  };
}
