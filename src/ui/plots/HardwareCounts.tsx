/**
 * "Hardware counts": per weighted layer, the events that drive it, its synaptic operations
 * (SynOps = events × fan-out) against the MACs of the same network run as an ANN, and the energy
 * of both with editable per-operation energies; CSV export of the table with the totals.
 */
import { HOROWITZ_45NM } from '../../engine/analysis/hardwareCounts';
import { useEnergyModel } from '../state/energyModel';
import { PlotCard } from './PlotCard';
import { toCsv } from './series';
import { formatCount, formatEnergy, useHardwareCounts } from './useHardwareCounts';

function EnergyField({ label, value, onChange }: { label: string; value: number; onChange(v: number): void }) {
  return (
    <label className="energy-field">
      {label}
      <input type="number" min={0} step={0.1} value={value} aria-label={label}
        onChange={(e) => { const v = Number(e.target.value); if (Number.isFinite(v) && v >= 0) onChange(v); }} />
    </label>
  );
}

export function HardwareCounts() {
  const counts = useHardwareCounts();
  const { model, set, reset } = useEnergyModel();
  const csv = counts ? () => toCsv([
    ...counts.layers.map((l) => ({ ...l })),
    { layer: 'total', source: '', drive: '', events: '', macsPerStep: '', synOps: counts.synOps, annMacs: counts.annMacs },
    { layer: 'energy_pJ', source: `AC ${model.acPj} pJ, MAC ${model.macPj} pJ`, drive: '', events: '', macsPerStep: '', synOps: counts.energy.snnPj, annMacs: counts.energy.annPj },
  ], ['layer', 'source', 'drive', 'events', 'macsPerStep', 'synOps', 'annMacs']) : null;
  return (
    <PlotCard label="Hardware counts" file="hardware-counts" csv={csv}>
      {!counts ? <p className="plot-empty">SynOps, MACs and energy per layer appear once a sample is simulated.</p> : (
        <div className="hardware-counts">
          <table aria-label="Energy table">
            <thead><tr><th>layer</th><th>driven by</th><th>events</th><th>SynOps</th><th>ANN MACs</th></tr></thead>
            <tbody>
              {counts.layers.map((l) => (
                <tr key={`${l.layer}-${l.source}`}>
                  <td>{l.layer}</td><td>{l.source}{l.drive === 'dense' ? ' (dense)' : ''}</td><td>{formatCount(l.events)}</td>
                  <td>{l.drive === 'dense' ? `${formatCount(l.annMacs)} MACs` : formatCount(l.synOps)}</td><td>{formatCount(l.annMacs)}</td>
                </tr>
              ))}
              <tr className="total"><td>total</td><td /><td /><td>{formatCount(counts.synOps)}{counts.denseMacs > 0 ? ` + ${formatCount(counts.denseMacs)} MACs` : ''}</td><td>{formatCount(counts.annMacs)}</td></tr>
              <tr className="total"><td>energy</td><td /><td /><td data-testid="energy-snn">{formatEnergy(counts.energy.snnPj)}</td><td data-testid="energy-ann">{formatEnergy(counts.energy.annPj)}</td></tr>
            </tbody>
          </table>
          <p className="muted">
            Per sample ({counts.T} steps). SNN: SynOps × E<sub>AC</sub> (+ dense MACs × E<sub>MAC</sub>); ANN: MACs × E<sub>MAC</sub>.
            {counts.energy.snnPj > 0 && ` The SNN needs ${(counts.energy.annPj / counts.energy.snnPj).toPrecision(3)}× less.`}
            {counts.unrecorded.length > 0 && ` Not counted (source not recorded in full): ${counts.unrecorded.join(', ')}.`}
          </p>
          <div className="energy-model">
            <EnergyField label="pJ per AC" value={model.acPj} onChange={(acPj) => set({ acPj })} />
            <EnergyField label="pJ per MAC" value={model.macPj} onChange={(macPj) => set({ macPj })} />
            <button type="button" className="small" onClick={reset} title={`45 nm, 32-bit float (Horowitz, ISSCC 2014): AC ${HOROWITZ_45NM.acPj} pJ, MAC ${HOROWITZ_45NM.macPj} pJ`}>45 nm defaults</button>
          </div>
        </div>
      )}
    </PlotCard>
  );
}
