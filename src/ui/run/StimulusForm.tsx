/**
 * The Run panel's stimulus: when no dataset fits the graph's Input (or on request), a compact
 * form — kind, the parameters of that kind in the graph's units (seconds or steps, Hz or per
 * step; ./stimulusSpec.ts), channels for a multi-channel Input, seed for the random kinds, T —
 * with dt shown, what the engine would refuse said before Simulate, and a Simulate button that
 * records every population into the plots (./stimulusCommands.ts).
 */
import { sizeOf } from '../../engine/graph/types';
import { STIMULUS_KINDS, STIMULUS_KIND_NAMES, isStimulusKind, type StimulusParam } from '../../engine/stimuli';
import { useEngineStore } from '../state/engineStore';
import { useGraphStore } from '../state/graphStore';
import { useLiveStore } from '../state/liveStore';
import { useRunStore, useStimulusStore, type StimulusSettings } from '../state/runStore';
import { useAllDatasetSets } from '../state/ownDatasets';
import { fittingSets, graphIo } from './datasetFit';
import { simulateStimulus } from './stimulusCommands';
import { checkedStimulus, formatSpan, graphTimeUnit, paramLabel } from './stimulusSpec';
import './stimulus.css';
import { RunField } from './RunField';

const BUSY = new Set(['training', 'pausing', 'preparing', 'simulating', 'evaluating']);


interface NumberProps {
  id: string;
  value: number | null;
  min?: number;
  integer?: boolean;
  /** Empty means null ("to the end"). */
  optional?: string;
  onChange(value: number | null): void;
}

function NumberField({ id, value, min, integer, optional, onChange }: NumberProps) {
  return (
    <input id={id} type="number" value={value ?? ''} min={min} step={integer ? 1 : 'any'} placeholder={optional}
      onChange={(e) => {
        const text = e.target.value.trim();
        if (text === '') return optional !== undefined ? onChange(null) : undefined;
        const v = Number(text);
        if (Number.isFinite(v) && (min === undefined || v >= min)) onChange(integer ? Math.round(v) : v);
      }} />
  );
}

function ParamField({ param, label, stimulus, update }: { param: StimulusParam; label: string; stimulus: StimulusSettings; update(patch: Partial<StimulusSettings>): void }) {
  const signed = param === 'amplitude' || param === 'offset';
  return (
    <RunField label={label}>{(id) => (
      <NumberField id={id} value={stimulus[param]} min={signed || param === 'seed' ? undefined : 0} integer={param === 'seed'}
        optional={param === 'duration' ? 'to the end' : undefined} onChange={(v) => update({ [param]: v } as Partial<StimulusSettings>)} />
    )}</RunField>
  );
}

export function StimulusForm() {
  const graph = useGraphStore((s) => s.graph);
  const sets = useAllDatasetSets(); // shipped and dropped: a dropped set that fits counts too
  const dt = useRunStore((s) => s.settings.dt);
  const stimulus = useStimulusStore((s) => s.stimulus);
  const update = useStimulusStore((s) => s.updateStimulus);
  const phase = useLiveStore((s) => s.phase);
  const ready = useEngineStore((s) => s.status.phase === 'ready');
  const input = graphIo(graph).input;
  if (!input) return null;
  const noFit = fittingSets(sets, graph).length === 0;
  const open = noFit || stimulus.chosen;
  const unit = graphTimeUnit(graph);
  const kind = STIMULUS_KINDS[stimulus.kind];
  const checked = open ? checkedStimulus(stimulus, dt, input) : null;
  const F = sizeOf(input);
  return (
    <div className="stimulus" role="group" aria-label="Drive with a stimulus">
      {noFit
        ? <p className="run-hint">No dataset fits the Input [{input.join(', ')}]: drive it with a stimulus.</p>
        : (
          <label className="check">
            <input type="checkbox" checked={stimulus.chosen} onChange={(e) => update({ chosen: e.target.checked })} /> Drive the Input with a stimulus instead
          </label>
        )}
      {open && (
        <fieldset className="stimulus-form" disabled={BUSY.has(phase)}>
          <div className="run-grid">
            <RunField label="Stimulus">{(id) => (
              <select id={id} value={stimulus.kind} onChange={(e) => isStimulusKind(e.target.value) && update({ kind: e.target.value })}>
                {STIMULUS_KIND_NAMES.map((k) => <option key={k} value={k}>{STIMULUS_KINDS[k].label}</option>)}
              </select>
            )}</RunField>
            {kind.params.map((p) => <ParamField key={p} param={p} label={paramLabel(p, unit)} stimulus={stimulus} update={update} />)}
            {F > 1 && <RunField label="Channels">{(id) => (
              <input id={id} value={stimulus.channels} placeholder={`all ${F}`} title={`Flat Input indices 0 … ${F - 1}, e.g. 0, 2, 5-7; empty for all`}
                onChange={(e) => update({ channels: e.target.value })} />
            )}</RunField>}
            <RunField label="Run for (steps)">{(id) => <NumberField id={id} value={stimulus.T} min={1} integer onChange={(v) => v !== null && update({ T: v })} />}</RunField>
          </div>
          <p className="stimulus-caption" data-testid="stimulus-grid">
            dt = {formatSpan(dt, unit)} (Run settings) · {stimulus.T} steps = {formatSpan(stimulus.T * dt, unit)} · {kind.formula}
          </p>
          {checked && 'error' in checked && <p className="field-error" role="alert">{checked.error}</p>}
          <div className="stimulus-actions">
            <button type="button" className="primary" onClick={() => void simulateStimulus()} disabled={!ready || !checked || 'error' in checked}
              title="Run the graph on this stimulus and record every population">Simulate stimulus</button>
          </div>
        </fieldset>
      )}
    </div>
  );
}
