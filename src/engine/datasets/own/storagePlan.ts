/**
 * Whether an own dataset can be kept across reloads, from what the browser says it allows the
 * lab (navigator.storage.estimate(): usage and quota): kept when it fits in 80 % of what is left
 * (the rest is for the workspace, checkpoints and other datasets), otherwise held for this session
 * only, with the numbers that say why. Pure, so it is tested in Node.
 */
import { formatBytes } from '../../core/limits';

export interface StorageEstimateLike {
  usage?: number;
  quota?: number;
}

export interface StoragePlan {
  keep: boolean;
  /** What the person is told. */
  note: string;
}

/** Headroom left for the rest of the lab's storage. */
export const KEEP_FRACTION = 0.8;

export const SESSION_ONLY = 'It works for this session; drop the file again after a reload.';

export function storagePlan(bytes: number, estimate: StorageEstimateLike | null): StoragePlan {
  if (!estimate || estimate.quota === undefined) return { keep: true, note: 'Kept in this browser (IndexedDB), so it is listed after a reload.' };
  const free = Math.max(0, estimate.quota - (estimate.usage ?? 0));
  if (bytes <= free * KEEP_FRACTION) {
    return { keep: true, note: `Kept in this browser (IndexedDB, ${formatBytes(bytes)} of the ${formatBytes(free)} it allows the lab), so it is listed after a reload.` };
  }
  return { keep: false, note: `Too large to keep across reloads: it needs ${formatBytes(bytes)} and this browser allows the lab ${formatBytes(free)} more. ${SESSION_ONLY}` };
}

/** The note when the browser refused the write itself (QuotaExceededError, private mode). */
export function refusedNote(reason: string): string {
  return `Not kept across reloads: the browser refused to store it (${reason}). ${SESSION_ONLY}`;
}
