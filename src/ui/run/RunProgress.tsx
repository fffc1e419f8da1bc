/**
 * Epoch, step, samples/s and ETA (once stable, ./eta.ts), with a progress bar; a second bar for
 * the task under way (loading the data, the micro-batches of a long step, the test split); when
 * the shown sample was recorded; the run's message, or its error (only an error is an alert).
 */
import { useLiveStore } from '../state/liveStore';
import { useRunStore } from '../state/runStore';
import { etaSeconds, formatDuration } from './eta';
import { RecordAge } from './RecordAge';

const TASK_LABELS = { loading: 'Loading the dataset', training: 'Step', testing: 'Testing', evaluating: 'Evaluating' } as const;

function TaskBar() {
  const task = useLiveStore((s) => s.task);
  if (!task) return null;
  const label = task.phase === 'training' ? `Step ${task.step}: micro-batch ${task.done} / ${task.total}`
    : task.phase === 'loading' ? `${TASK_LABELS.loading}… ${task.done} %` : `${TASK_LABELS[task.phase]}: batch ${task.done} / ${task.total}`;
  return (
    <div className="run-task" data-task={task.phase}>
      <progress max={task.total} value={task.done} aria-label={TASK_LABELS[task.phase]} />
      <span>{label}</span>
    </div>
  );
}

export function RunProgress() {
  const progress = useLiveStore((s) => s.progress);
  const phase = useLiveStore((s) => s.phase);
  const message = useLiveStore((s) => s.message);
  const speed = useLiveStore((s) => s.speed);
  const batch = useRunStore((s) => s.settings.batchSize);
  const fraction = progress ? progress.step / Math.max(1, progress.totalSteps) : 0;
  const eta = progress && phase === 'training' ? etaSeconds(speed, progress.totalSteps - progress.step, batch) : null;
  return (
    <div className="run-progress" data-phase={phase}>
      <progress max={1} value={fraction} aria-label="Training progress" />
      <div className="run-figures" aria-live="polite">
        <span>{phase}</span>
        {progress && (
          <>
            <span>epoch {Math.min(progress.epoch + 1, Math.round(progress.totalSteps / Math.max(1, progress.stepsPerEpoch)))}</span>
            <span data-testid="run-step">step {progress.step} / {progress.totalSteps}</span>
            <span data-testid="run-loss">loss {progress.loss.toFixed(4)}</span>
            <span>acc {(progress.accuracy * 100).toFixed(1)}%</span>
            <span>{Math.round(progress.samplesPerSec)} samples/s</span>
            {eta !== null && <span>ETA {formatDuration(eta)}</span>}
          </>
        )}
      </div>
      <TaskBar />
      <RecordAge />
      {message && <p className={phase === 'error' ? 'field-error' : 'run-hint'} role={phase === 'error' ? 'alert' : 'note'}>{message}</p>}
    </div>
  );
}
