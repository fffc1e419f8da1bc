/**
 * The seeded kinds, drawn per step and channel from mulberry32 (../core/rng.ts) with the
 * stimulus' seed, inside the window only, in time-major order (step t, then the driven channels
 * ascending), so the same seed, grid and channels give the same values on every machine:
 *   noise    x = offset + A·ξ, ξ = √(−2 ln(1 − u₁)) · cos(2π u₂) (Box–Muller, two draws per value)
 *   poisson  x = A if u < rate·dt, else 0 (one draw per value)
 */
import { mulberry32 } from '../core/rng';
import type { ResolvedStimulus } from './validate';
import { windowSteps } from './timeGrid';

/** Fills `out` [T, F] (time-major) with a noise or Poisson stimulus on the resolved channels. */
export function drawRandom(s: ResolvedStimulus & { kind: 'noise' | 'poisson' }, T: number, dt: number, out: Float32Array): void {
  const rng = mulberry32(s.seed);
  const { start, end } = windowSteps(s.onset, s.duration, T, dt);
  const p = s.rate * dt;
  for (let t = start; t < end; t++) {
    const row = t * s.F;
    for (const c of s.channels) {
      if (s.kind === 'poisson') {
        if (rng.uniform() < p) out[row + c] = s.amplitude;
      } else {
        const u1 = 1 - rng.uniform(); // (0, 1]: the log stays finite
        const u2 = rng.uniform();
        out[row + c] = s.offset + s.amplitude * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      }
    }
  }
}
