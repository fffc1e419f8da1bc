/** Epoch, step, samples/s and ETA, with a progress bar; the run's message or error. */
import { useLiveStore } from '../state/liveStore';
import { useRunStore } from '../state/runStore';

function eta(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

export function RunProgress() {
  const progress = useLiveStore((s) => s.progress);
  const phase = useLiveStore((s) => s.phase);
  const message = useLiveStore((s) => s.message);
  const batch = useRunStore((s) => s.settings.batchSize);
  const fraction = progress ? progress.step / Math.max(1, progress.totalSteps) : 0;
  const remaining = progress ? ((progress.totalSteps - progress.step) * batch) / Math.max(progress.samplesPerSec, 1e-6) : NaN;
  return (
    <div className="run-progress" data-phase={phase}>
      <progress max={1} value={fraction} aria-label="Training progress" />
      <div className="run-figures" aria-live="polite">
        <span>{phase}</span>
        {progress && (
          <>
            <span>epoch {Math.min(progress.epoch + 1, Math.round(progress.totalSteps / Math.max(1, progress.stepsPerEpoch)))}</span>
            <span data-testid="run-step">step {progress.step} / {progress.totalSteps}</span>
            <span>loss {progress.loss.toFixed(4)}</span>
            <span>acc {(progress.accuracy * 100).toFixed(1)}%</span>
            <span>{Math.round(progress.samplesPerSec)} samples/s</span>
            {phase === 'training' && <span>ETA {eta(remaining)}</span>}
          </>
        )}
      </div>
      {message && <p className={phase === 'error' ? 'field-error' : 'run-hint'} role={phase === 'error' ? 'alert' : undefined}>{message}</p>}
    </div>
  );
}
