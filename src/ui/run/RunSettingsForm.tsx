/**
 * The run's settings: a recipe to start from (./RecipePicker.tsx), dataset (those that fit the
 * graph first), dt, T, batch, epochs, optimiser, surrogate, loss, shift augmentation, and the
 * schedule, weight decay, early stopping and best-weights fields (./ScheduleFields.tsx).
 */
import { SURROGATES, SURROGATE_NAMES, isSurrogateName } from '../../engine/surrogates';
import { LOSSES, LOSS_NAMES, isLossName } from '../../engine/train/losses';
import type { OptimizerName } from '../../engine/train/types';
import { useDatasetStore } from '../state/datasetStore';
import { useGraphStore } from '../state/graphStore';
import { useRunStore, type RunSettings } from '../state/runStore';
import { fittingSets, noFitMessage } from './datasetFit';
import { isOwnDatasetId } from '../../engine/datasets/own/ownDataset';
import { useAllDatasetSets } from '../state/ownDatasets';
import { OwnDataPanel, ownOptionLabel } from './OwnDataPanel';
import { NumberInput } from './NumberInput';
import { RecipePicker } from './RecipePicker';
import { RunField } from './RunField';
import { ScheduleFields } from './ScheduleFields';
import { WebDatasetsPanel } from './WebDatasetsPanel';

export function RunSettingsForm({ disabled }: { disabled: boolean }) {
  const settings = useRunStore((s) => s.settings);
  const update = useRunStore((s) => s.update);
  const shipped = useDatasetStore((s) => s.sets);
  const sets = useAllDatasetSets(); // the shipped sets, then the person's own (dropped files)
  const datasetError = useDatasetStore((s) => s.error);
  const graph = useGraphStore((s) => s.graph);
  const fitting = fittingSets(sets, graph);
  const chosen = sets.find((s) => s.id === settings.dataset);
  const oneAxis = chosen?.featureShape.length === 1;
  const set = <K extends keyof RunSettings>(key: K) => (value: RunSettings[K]) => update({ [key]: value } as Partial<RunSettings>);
  return (
    <fieldset className="run-settings" disabled={disabled}>
      <RecipePicker />
      <RunField label="Dataset">{(id) => (
        <select id={id} value={settings.dataset ?? ''} onChange={(e) => update({ dataset: e.target.value || null })}>
          <option value="">— choose —</option>
          {fitting.length > 0 && <optgroup label="Fits this graph">{fitting.map((s) => <option key={s.id} value={s.id}>{isOwnDatasetId(s.id) ? ownOptionLabel(s) : s.name}</option>)}</optgroup>}
          <optgroup label="Other shipped sets">
            {shipped.filter((s) => !fitting.includes(s)).map((s) => <option key={s.id} value={s.id}>{s.name} [{s.featureShape.join('×')}]</option>)}
          </optgroup>
          {sets.some((s) => isOwnDatasetId(s.id) && !fitting.includes(s)) && <optgroup label="Your data (does not fit this graph)">
            {sets.filter((s) => isOwnDatasetId(s.id) && !fitting.includes(s)).map((s) => <option key={s.id} value={s.id}>{ownOptionLabel(s)}</option>)}
          </optgroup>}
        </select>
      )}</RunField>
      {datasetError && <p className="field-error" role="alert">{datasetError}</p>}
      {shipped.length > 0 && fitting.length === 0 && Object.keys(graph.nodes).length > 0 && <p className="run-hint" role="note">{noFitMessage(shipped, graph)}</p>}
      {chosen && !isOwnDatasetId(chosen.id) && <p className="run-hint">{chosen.description} <span className="muted">{chosen.licence}</span></p>}
      <OwnDataPanel chosen={chosen} />
      <WebDatasetsPanel />
      <div className="run-grid">
        <RunField label="dt (s)">{(id) => <NumberInput id={id} value={settings.dt} min={1e-9} onChange={set('dt')} />}</RunField>
        <RunField label="T (steps)">{(id) => chosen?.kind === 'spikes'
          ? <input id={id} value={chosen.T ?? ''} readOnly title="Spike datasets bring their own T" />
          : <NumberInput id={id} value={settings.T} min={1} step={1} onChange={(v) => update({ T: Math.round(v) })} />}</RunField>
        <RunField label="Batch">{(id) => <NumberInput id={id} value={settings.batchSize} min={1} step={1} onChange={(v) => update({ batchSize: Math.round(v) })} />}</RunField>
        <RunField label="Epochs">{(id) => <NumberInput id={id} value={settings.epochs} min={1} step={1} onChange={(v) => update({ epochs: Math.round(v) })} />}</RunField>
        <RunField label="Samples / epoch">{(id) => <NumberInput id={id} value={settings.maxSamples} min={0} step={1} onChange={(v) => update({ maxSamples: Math.round(v) })} />}</RunField>
        <RunField label="Learning rate">{(id) => <NumberInput id={id} value={settings.lr} min={1e-9} onChange={set('lr')} />}</RunField>
        <RunField label="Optimizer">{(id) => (
          <select id={id} value={settings.optimizer} onChange={(e) => update({ optimizer: e.target.value as OptimizerName })}>
            <option value="adam">Adam</option>
            <option value="sgd">SGD</option>
          </select>
        )}</RunField>
        <RunField label="Surrogate">{(id) => (
          <select id={id} value={settings.surrogate} onChange={(e) => {
            if (isSurrogateName(e.target.value)) update({ surrogate: e.target.value, slope: SURROGATES[e.target.value].defaultSlope });
          }}>
            {SURROGATE_NAMES.map((n) => <option key={n} value={n}>{SURROGATES[n].label}</option>)}
          </select>
        )}</RunField>
        <RunField label="Slope">{(id) => <NumberInput id={id} value={settings.slope} min={1e-6} onChange={set('slope')} />}</RunField>
        <RunField label="Loss">{(id) => (
          <select id={id} value={settings.loss} onChange={(e) => {
            if (isLossName(e.target.value)) update({ loss: e.target.value });
          }}>
            {LOSS_NAMES.map((n) => <option key={n} value={n} title={LOSSES[n].formula}>{LOSSES[n].label}</option>)}
          </select>
        )}</RunField>
        <RunField label="Time shift ± (steps)">{(id) => <NumberInput id={id} value={settings.timeShift} min={0} step={1} onChange={(v) => update({ timeShift: Math.round(v) })} />}</RunField>
        <RunField label="Channel shift ±">{(id) => (
          <span title={oneAxis ? 'Each training sample moves up or down by up to this many channels' : 'For data with one feature axis (channels) only'}>
            <NumberInput id={id} value={oneAxis ? settings.channelShift : 0} min={0} step={1} disabled={!oneAxis} onChange={(v) => update({ channelShift: Math.round(v) })} />
          </span>
        )}</RunField>
        <ScheduleFields />
        <RunField label="Seed">{(id) => <NumberInput id={id} value={settings.seed} min={0} step={1} onChange={(v) => update({ seed: Math.round(v) })} />}</RunField>
      </div>
      <label className="check">
        <input type="checkbox" checked={settings.simulateOnly} onChange={(e) => update({ simulateOnly: e.target.checked })} /> Simulate only (no training)
      </label>
    </fieldset>
  );
}
