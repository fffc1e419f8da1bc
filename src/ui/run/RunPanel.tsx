/** The Run panel: Train (Play) / Pause / Step / Reset / Evaluate, settings, progress, and the backend in use. */
import { useEngineStore } from '../state/engineStore';
import { useLiveStore } from '../state/liveStore';
import { useRunStore } from '../state/runStore';
import { EvaluationView } from './EvaluationView';
import { RunProgress } from './RunProgress';
import { RunSettingsForm } from './RunSettingsForm';
import { StimulusForm } from './StimulusForm';
import { runCommands } from './runCommands';
import './run.css';

export function RunPanel() {
  const phase = useLiveStore((s) => s.phase);
  const simulateOnly = useRunStore((s) => s.settings.simulateOnly);
  const hasDataset = useRunStore((s) => s.settings.dataset !== null);
  const status = useEngineStore((s) => s.status);
  const running = phase === 'training' || phase === 'pausing';
  const busy = running || phase === 'preparing' || phase === 'simulating' || phase === 'evaluating';
  const ready = status.phase === 'ready' && hasDataset;
  const playLabel = simulateOnly ? 'Simulate' : phase === 'done' ? 'Continue' : 'Train';
  const playTitle = simulateOnly ? 'Simulate one test sample (Space)' : phase === 'done' ? 'Train for another round of epochs, keeping the weights (Space)' : 'Train (Space)';
  return (
    <section className="run" aria-label="Run">
      <div className="run-controls">
        <button type="button" onClick={() => runCommands.reset()} disabled={phase === 'preparing'} title="Stop, clear the run and put the untrained weights back (R)">Reset</button>
        {running
          ? <button type="button" className="primary" onClick={() => runCommands.pause()} disabled={phase === 'pausing'} title="Pause (Space)">{phase === 'pausing' ? 'Pausing…' : 'Pause'}</button>
          : <button type="button" className="primary" onClick={() => (simulateOnly ? runCommands.simulate() : runCommands.train())} disabled={!ready || busy}
            title={playTitle}>{playLabel}</button>}
        <button type="button" onClick={() => runCommands.step()} disabled={!ready || busy || simulateOnly} title="One step (.)">Step</button>
        <button type="button" onClick={() => runCommands.reinitialise()} disabled={phase === 'preparing'}
          title="Stop, clear the run and draw fresh weights from the seed in the settings (Shift+R)">Re-initialise</button>
        <button type="button" onClick={() => runCommands.evaluate()} disabled={!ready || busy} title="Run the test split through the network: accuracy and confusion matrix">Evaluate</button>
        <span className="run-backend">{status.phase === 'ready' ? `on ${status.backend.name}` : status.phase === 'starting' ? 'engine starting…' : 'engine failed'}</span>
      </div>
      <RunProgress />
      <EvaluationView />
      <StimulusForm />
      <RunSettingsForm disabled={busy} />
    </section>
  );
}
