/**
 * A web dataset's fetch in words and as a fraction for the progress bar: while downloading,
 * "12.3 MiB of 40.0 MiB · 2.1 MiB/s · 14 s left" (what is known of it), then the loader's own
 * stage while unpacking, then keeping. The fraction is null (an indeterminate bar) where the
 * size or the loader's progress is unknown.
 */
import { formatBytes } from '../../engine/core/limits';
import type { FetchProgress } from '../../workers/api';
import { formatDuration } from './eta';

export function transferText(p: FetchProgress): string {
  const which = p.files > 1 ? ` (file ${p.file} of ${p.files}, ${p.split})` : '';
  if (p.phase === 'download') {
    const t = p.transfer;
    if (!t) return `Connecting for ${p.fileName}${which}…`;
    const parts = [t.totalBytes !== null ? `${formatBytes(t.receivedBytes)} of ${formatBytes(t.totalBytes)}` : formatBytes(t.receivedBytes)];
    if (t.bytesPerSecond !== null) parts.push(`${formatBytes(t.bytesPerSecond)}/s`);
    if (t.etaSeconds !== null) parts.push(`${formatDuration(t.etaSeconds)} left`);
    return `Downloading ${p.fileName}${which}: ${parts.join(' · ')}`;
  }
  if (p.phase === 'unpack') return `Unpacking ${p.fileName}${which}: ${p.stage}${p.fraction !== null ? ` ${Math.round(p.fraction * 100)} %` : ''}`;
  return `${p.stage}…`;
}

export function transferFraction(p: FetchProgress | null): number | null {
  return p && p.phase !== 'store' ? p.fraction : null;
}
