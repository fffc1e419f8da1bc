/**
 * The diverging colour scale of a membrane relative to its threshold (ColorBrewer RdBu ends): blue
 * at −θ and below, near-white at 0, red at θ and above, so a neuron about to fire glows and an
 * inhibited one is blue. Layers without a threshold (a membrane readout) are scaled by the
 * largest |v| of the sample instead.
 */
export type Rgb = readonly [number, number, number];

const NEGATIVE: Rgb = [33, 102, 172];
const NEUTRAL: Rgb = [247, 247, 247];
const POSITIVE: Rgb = [178, 24, 43];

/** v on the scale: v/θ (or v/scale without a positive threshold), clamped to [−1, 1]; 0 for non-finite values. */
export function membraneRatio(v: number, threshold: number | null, scale = 1): number {
  const unit = threshold !== null && threshold > 0 ? threshold : scale > 0 ? scale : 1;
  const x = v / unit;
  return Number.isFinite(x) ? Math.max(-1, Math.min(1, x)) : 0;
}

/** The colour at x ∈ [−1, 1]: NEGATIVE at −1, NEUTRAL at 0, POSITIVE at 1, linear in between. */
export function divergingRgb(x: number): Rgb {
  const f = Math.max(-1, Math.min(1, Number.isFinite(x) ? x : 0));
  const end = f < 0 ? NEGATIVE : POSITIVE;
  const a = Math.abs(f);
  return [0, 1, 2].map((i) => Math.round(NEUTRAL[i] + (end[i] - NEUTRAL[i]) * a)) as unknown as Rgb;
}

export function cssRgb([r, g, b]: Rgb): string {
  return `rgb(${r}, ${g}, ${b})`;
}

/** The colour of membrane v for a layer with this threshold (or scale). */
export function membraneColor(v: number, threshold: number | null, scale = 1): string {
  return cssRgb(divergingRgb(membraneRatio(v, threshold, scale)));
}
