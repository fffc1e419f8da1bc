/** The Run panel: Train (Play) / Pause / Step / Reset, settings, progress, and the backend in use. */
import { useEngineStore } from '../state/engineStore';
import { useLiveStore } from '../state/liveStore';
import { useRunStore } from '../state/runStore';
import { RunProgress } from './RunProgress';
import { RunSettingsForm } from './RunSettingsForm';
import { runCommands } from './runCommands';

export function RunPanel() {
  const phase = useLiveStore((s) => s.phase);
  const simulateOnly = useRunStore((s) => s.settings.simulateOnly);
  const hasDataset = useRunStore((s) => s.settings.dataset !== null);
  const status = useEngineStore((s) => s.status);
  const busy = phase === 'training' || phase === 'preparing';
  const ready = status.phase === 'ready' && hasDataset;
  return (
    <section className="run" aria-label="Run">
      <div className="run-controls">
        <button type="button" onClick={() => runCommands.reset()} disabled={phase === 'preparing'} title="Reset (R)">Reset</button>
        {phase === 'training'
          ? <button type="button" className="primary" onClick={() => runCommands.pause()} title="Pause (Space)">Pause</button>
          : <button type="button" className="primary" onClick={() => (simulateOnly ? runCommands.simulate() : runCommands.train())} disabled={!ready || busy}
            title="Train (Space)">{simulateOnly ? 'Simulate' : 'Train'}</button>}
        <button type="button" onClick={() => runCommands.step()} disabled={!ready || busy || simulateOnly} title="One step (.)">Step</button>
        <span className="run-backend">{status.phase === 'ready' ? `on ${status.backend.name}` : status.phase === 'starting' ? 'engine starting…' : 'engine failed'}</span>
      </div>
      <RunProgress />
      <RunSettingsForm disabled={busy} />
    </section>
  );
}
