/**
 * Passes a fetch's progress on at most once every `intervalMs`, and at once whenever the file or
 * the phase changes (so "unpacking" and "keeping" are never swallowed by a burst of downloads).
 * The worker uses 100 ms (messages to the page), the CLI 1 s (JSON lines).
 */
import type { FetchProgress } from './fetchDataset';

export function throttleProgress(onProgress: (progress: FetchProgress) => void, intervalMs: number, now: () => number = Date.now): (progress: FetchProgress) => void {
  let last = -Infinity;
  let lastKey = '';
  return (progress) => {
    const t = now();
    const key = `${progress.file}:${progress.phase}`;
    if (key === lastKey && t - last < intervalMs) return;
    last = t;
    lastKey = key;
    onProgress(progress);
  };
}
