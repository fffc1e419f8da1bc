/**
 * The Run panel's optimisation extras (docs/training.md): learning-rate schedule (constant;
 * cosine with a linear warm-up; step decay by a factor every k epochs), decoupled weight decay,
 * early stopping on the test accuracy (patience in epochs, 0 = off) and whether a run ends with
 * its best test epoch's weights.
 */
import { SCHEDULE_KINDS, type ScheduleKind } from '../../engine/train/schedule';
import { useRunStore } from '../state/runStore';
import { NumberInput } from './NumberInput';
import { RunField } from './RunField';

const SCHEDULE_LABELS: Record<ScheduleKind, string> = { constant: 'Constant', cosine: 'Cosine, warm-up', step: 'Step decay' };

export function ScheduleFields() {
  const settings = useRunStore((s) => s.settings);
  const update = useRunStore((s) => s.update);
  return (
    <>
      <RunField label="LR schedule">{(id) => (
        <select id={id} value={settings.schedule} onChange={(e) => update({ schedule: e.target.value as ScheduleKind })}>
          {SCHEDULE_KINDS.map((k) => <option key={k} value={k}>{SCHEDULE_LABELS[k]}</option>)}
        </select>
      )}</RunField>
      {settings.schedule === 'cosine' && <RunField label="Warm-up (epochs)">{(id) => (
        <NumberInput id={id} value={settings.warmupEpochs} min={0} onChange={(v) => update({ warmupEpochs: v })} />
      )}</RunField>}
      {settings.schedule === 'step' && <RunField label="Drop every (epochs)">{(id) => (
        <NumberInput id={id} value={settings.decayEvery} min={1} step={1} onChange={(v) => update({ decayEvery: Math.round(v) })} />
      )}</RunField>}
      {settings.schedule === 'step' && <RunField label="Drop factor">{(id) => (
        <NumberInput id={id} value={settings.decayFactor} min={1e-6} max={1} onChange={(v) => update({ decayFactor: v })} />
      )}</RunField>}
      <RunField label="Weight decay">{(id) => (
        <span title="Decoupled (AdamW-style): each step w ← w·(1 − lr·λ) on the layers' weights">
          <NumberInput id={id} value={settings.weightDecay} min={0} onChange={(v) => update({ weightDecay: v })} />
        </span>
      )}</RunField>
      <RunField label="Early stop (epochs)">{(id) => (
        <span title="Stop after this many epochs without a better test accuracy; 0 = off">
          <NumberInput id={id} value={settings.earlyStop} min={0} step={1} onChange={(v) => update({ earlyStop: Math.round(v) })} />
        </span>
      )}</RunField>
      <label className="check" title="End the run with the weights of the epoch with the best test accuracy (Save NIR then saves those)">
        <input type="checkbox" checked={settings.keepBest} onChange={(e) => update({ keepBest: e.target.checked })} /> Keep best epoch
      </label>
    </>
  );
}
