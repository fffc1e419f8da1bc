/**
 * The inspector's "Record" section for a neuron population: whether it is recorded, its spikes
 * and/or membrane, and which neurons (all, the first k, k at random from a seed, a range, or
 * neurons picked by Shift-clicking raster rows or "pick" on a trace). It edits the population's
 * probe (../state/probes.ts), which applies from the next recorded sample and is saved with the
 * workspace.
 */
import { useId, useState } from 'react';
import { describeSelection, isDefaultProbe, selectNeurons, type NeuronSelection, type SelectionKind } from '../../engine/train/probes';
import { PRIMITIVES } from '../../engine/graph/primitives';
import { sizeOf, type NirNode, type NodeType } from '../../engine/graph/types';
import { useAnalysis } from '../state/analysis';
import { probeOf, useProbeStore } from '../state/probes';
import './record.css';

const KINDS: Record<SelectionKind, string> = { all: 'all', first: 'first k', random: 'k at random', range: 'a range', picked: 'picked ones' };

/** A fresh selection of `kind` for a population of `size`, carrying over what fits of `from`. */
function selectionOf(kind: SelectionKind, size: number, from: NeuronSelection): NeuronSelection {
  const count = from.kind === 'first' || from.kind === 'random' ? from.count : Math.min(8, size);
  switch (kind) {
    case 'all': return { kind };
    case 'first': return { kind, count };
    case 'random': return { kind, count, seed: from.kind === 'random' ? from.seed : 0 };
    case 'range': return { kind, from: 0, to: Math.max(0, Math.min(size, 8) - 1) };
    case 'picked': return { kind, neurons: from.kind === 'picked' ? from.neurons : [] };
  }
}

function NumberField({ label, value, min, max, onChange }: { label: string; value: number; min: number; max?: number; onChange(v: number): void }) {
  const id = useId();
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // The value changed elsewhere (another selection kind, a reload): show it, unless the text already says it.
    setShown(value);
    if (Number(text) !== value) setText(String(value));
  }
  const valid = (v: number) => Number.isInteger(v) && v >= min && (max === undefined || v <= max);
  return (
    <div className={`field${valid(Number(text)) || text === '' ? '' : ' invalid'}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" min={min} max={max} step={1} value={text} onChange={(e) => {
        setText(e.target.value);
        const v = Number(e.target.value);
        if (e.target.value !== '' && valid(v)) onChange(v);
      }} />
    </div>
  );
}

/** The Record section of a neuron population's inspector (nothing for other nodes). */
export function RecordSection({ name, node }: { name: string; node: NirNode }) {
  const output = useAnalysis().shapes[name]?.output;
  if (PRIMITIVES[node.type].category !== 'neuron' || !output) return null;
  return <ProbeEditor name={name} type={node.type} size={sizeOf(output)} />;
}

function ProbeEditor({ name, type, size }: { name: string; type: NodeType; size: number }) {
  const probe = useProbeStore((s) => probeOf(s.probes, name));
  const setProbe = useProbeStore((s) => s.setProbe);
  const patch = (p: Partial<typeof probe>) => setProbe(name, { ...probe, ...p });
  const setNeurons = (neurons: NeuronSelection) => patch({ neurons });
  const kindId = useId();
  const spiking = PRIMITIVES[type].neuron?.output === 'spikes';
  const sel = probe.neurons;
  const kept = selectNeurons(sel, size);
  const count = kept ? kept.length : size;
  const signals = [spiking && probe.spikes && 'spikes', probe.membrane && 'membrane'].filter(Boolean).join(' and ');
  const summary = !probe.enabled ? 'Not recorded: only its spike count is kept.'
    : count === 0 ? 'No neuron selected: nothing is recorded.'
    : !signals ? 'Neither spikes nor membrane: nothing is recorded.'
    : `Records ${count === size ? `all ${size}` : `${count} of ${size}`} neurons${kept && kept.length <= 12 && kept.length > 0 ? ` (${Array.from(kept).join(', ')})` : ''}: ${signals}.`;
  return (
    <section aria-label="Record" className="record-section">
      <h3>Record</h3>
      <label className="check"><input type="checkbox" checked={probe.enabled} onChange={(e) => patch({ enabled: e.target.checked })} /> record this population</label>
      <fieldset disabled={!probe.enabled} className="record-options">
        <div className="record-signals">
          {spiking && <label className="check"><input type="checkbox" checked={probe.spikes} onChange={(e) => patch({ spikes: e.target.checked })} /> spikes</label>}
          <label className="check"><input type="checkbox" checked={probe.membrane} onChange={(e) => patch({ membrane: e.target.checked })} /> membrane</label>
        </div>
        <div className="field">
          <label htmlFor={kindId}>neurons</label>
          <select id={kindId} value={sel.kind} onChange={(e) => setNeurons(selectionOf(e.target.value as SelectionKind, size, sel))}>
            {(Object.keys(KINDS) as SelectionKind[]).map((k) => <option key={k} value={k}>{KINDS[k]}</option>)}
          </select>
        </div>
        {(sel.kind === 'first' || sel.kind === 'random') && <NumberField label="how many" value={sel.count} min={0} max={size} onChange={(v) => setNeurons({ ...sel, count: v })} />}
        {sel.kind === 'random' && <NumberField label="seed" value={sel.seed} min={0} onChange={(v) => setNeurons({ ...sel, seed: v })} />}
        {sel.kind === 'range' && <NumberField label="from" value={sel.from} min={0} max={Math.max(0, size - 1)} onChange={(v) => setNeurons({ ...sel, from: v })} />}
        {sel.kind === 'range' && <NumberField label="to (included)" value={sel.to} min={0} max={Math.max(0, size - 1)} onChange={(v) => setNeurons({ ...sel, to: v })} />}
        {sel.kind === 'picked' && (
          <div className="picked-neurons">
            {sel.neurons.length === 0 && <span className="muted">Shift-click rows of the spike raster, or “pick” on a membrane trace.</span>}
            {sel.neurons.map((n) => (
              <button key={n} type="button" className="probe-chip" aria-label={`Stop recording neuron ${n}`} onClick={() => setNeurons({ kind: 'picked', neurons: sel.neurons.filter((m) => m !== n) })}>{n} ×</button>
            ))}
          </div>
        )}
      </fieldset>
      <p className="record-summary" aria-live="polite">{summary} <span className="muted">From the next sample (Simulate, Step or Train).</span></p>
      {!isDefaultProbe(probe) && (
        <button type="button" className="small" onClick={() => setProbe(name, { enabled: true, neurons: { kind: 'all' }, spikes: true, membrane: true })}
          title={`Back to recording ${describeSelection({ kind: 'all' })} of ${name}`}>Record everything</button>
      )}
    </section>
  );
}
