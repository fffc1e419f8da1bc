/** The "Spike raster" plot: one raster per spiking layer for the current sample. */
import { useId } from 'react';
import { runCommands } from '../run/runCommands';
import { useLiveStore } from '../state/liveStore';
import { toCsv } from './series';
import { useShownRecord } from './useShownRecord';
import { PlotCard } from './PlotCard';
import { RasterCanvas } from './RasterCanvas';
import { rasterCsvRows, spikingLayers } from './rasterData';

export function SpikeRaster() {
  const record = useShownRecord();
  const layers = record ? spikingLayers(record) : [];
  return (
    <PlotCard label="Spike raster" file="spike-raster" csv={record ? () => toCsv(rasterCsvRows(record), ['layer', 'neuron', 't']) : null}
      extra={<SamplePicker />}>
      {record && <p className="plot-caption">{record.source ? `Driven by a stimulus: ${record.source}` : `Test sample: label ${record.label} → predicted ${record.prediction}`}</p>}
      {!record && <p className="plot-empty">Train, Step or Simulate to record a sample.</p>}
      {record && layers.length === 0 && <p className="plot-empty">This network has no spiking layer.</p>}
      {record && layers.map((layer) => <RasterCanvas key={layer.name} layer={layer} T={record.T} />)}
    </PlotCard>
  );
}

/** Which test sample the plots record (also the one shown while training). */
function SamplePicker() {
  const id = useId();
  const phase = useLiveStore((s) => s.phase);
  const busy = phase === 'training' || phase === 'preparing';
  return (
    <span className="sample-picker">
      <label htmlFor={id}>sample</label>
      <input id={id} type="number" min={0} defaultValue={0} disabled={busy}
        onKeyDown={(e) => {
          const value = Number(e.currentTarget.value);
          if (e.key === 'Enter' && Number.isInteger(value) && value >= 0) void runCommands.simulate(value);
        }} />
    </span>
  );
}
