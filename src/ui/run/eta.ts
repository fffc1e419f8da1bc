/**
 * The time left in a run, shown only once it means something: after at least MIN_STEPS steps
 * and MIN_SECONDS of this train() run, from the mean time per sample over its recent steps (a
 * first step pays for shader compiles and warm-up, so it alone would say "17 min" for a run that
 * takes two). Null until then.
 */
import type { RunSpeed } from '../state/liveStore';

export const MIN_STEPS = 3;
export const MIN_SECONDS = 2;

export function etaSeconds(speed: RunSpeed | null, stepsLeft: number, batchSize: number, now = Date.now()): number | null {
  if (!speed || speed.steps < MIN_STEPS || (now - speed.startedAt) / 1000 < MIN_SECONDS || speed.secondsPerSample.length === 0) return null;
  const perSample = speed.secondsPerSample.reduce((a, b) => a + b, 0) / speed.secondsPerSample.length;
  return Math.max(0, stepsLeft) * batchSize * perSample;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds % 60)} s`;
}
