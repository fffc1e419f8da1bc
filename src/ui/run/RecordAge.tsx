/** "Sample 3 recorded at step 12, 4 s ago": which weights the raster and traces show, updated every second. */
import { useEffect, useState } from 'react';
import { useLiveStore } from '../state/liveStore';
import { formatDuration } from './eta';

export function RecordAge() {
  const recordedAt = useLiveStore((s) => s.recordedAt);
  const source = useLiveStore((s) => s.record?.source);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!recordedAt) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [recordedAt]);
  if (!recordedAt) return null;
  const age = Math.max(0, (now - recordedAt.time) / 1000); // a fresh record is newer than `now`: "just now"
  const when = recordedAt.step === 0 ? 'before training' : `at step ${recordedAt.step}`;
  const what = source ? `${source} simulated` : `Sample recorded ${when}`;
  return <p className="run-record-age" data-testid="record-age">{what}, {age < 1 ? 'just now' : `${formatDuration(age)} ago`}</p>;
}
