/**
 * The tolerance of the scan conformance suites: a result passes where, for every tensor,
 * |got − want| ≤ RTOL·max|want| + ATOL element by element (./maxError.ts).
 */
import { maxError } from './maxError';
import type { Arrays } from './caseData';

export const RTOL = 1e-4;
export const ATOL = 1e-5;

/**
 * Compares every tensor of `want` with the one of the same name in `got`: ok, and per tensor the
 * largest error relative to its largest reference magnitude (Infinity if missing, mis-sized or NaN).
 */
export function withinTolerance(got: Arrays, want: Arrays): { ok: boolean; relErr: Record<string, number> } {
  const relErr: Record<string, number> = {};
  let ok = true;
  for (const key of Object.keys(want)) {
    const a = got[key];
    const b = want[key];
    if (!a || a.length !== b.length) {
      relErr[key] = Infinity;
      ok = false;
      continue;
    }
    const { err, scale } = maxError(a, b);
    const worst = err / Math.max(scale, ATOL);
    relErr[key] = Number.isNaN(worst) ? Infinity : worst;
    if (!(err <= RTOL * scale + ATOL)) ok = false;
  }
  return { ok, relErr };
}
