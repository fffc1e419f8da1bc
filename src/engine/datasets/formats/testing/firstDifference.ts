/**
 * Where two byte arrays first differ, or -1 when they are equal: for tests comparing megabytes of
 * packed spikes, which vitest's deep equality walks element by element (tens of seconds).
 */
export function firstDifference(a: Uint8Array, b: Uint8Array): number {
  if (Buffer.compare(a, b) === 0) return -1;
  const shorter = Math.min(a.length, b.length);
  for (let i = 0; i < shorter; i++) if (a[i] !== b[i]) return i;
  return shorter;
}
