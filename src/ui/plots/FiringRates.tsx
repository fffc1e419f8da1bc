/** Mean firing rate per spiking layer (spikes per neuron per step) of the latest step or sample. */
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLiveStore } from '../state/liveStore';
import { PlotCard } from './PlotCard';
import { firingRate, spikingLayers } from './rasterData';
import { toCsv } from './series';

export function FiringRates() {
  const progress = useLiveStore((s) => s.progress);
  const record = useLiveStore((s) => s.record);
  const rows = progress && Object.keys(progress.rates).length
    ? Object.entries(progress.rates).map(([layer, rate]) => ({ layer, rate }))
    : record ? spikingLayers(record).map((l) => ({ layer: l.name, rate: firingRate(l, record.T) })) : [];
  return (
    <PlotCard label="Firing rates" file="firing-rates" csv={rows.length ? () => toCsv(rows, ['layer', 'rate']) : null}>
      {rows.length === 0 ? <p className="plot-empty">Per-layer firing rates appear once the network runs.</p> : (
        <ResponsiveContainer width="100%" height={140}>
          <BarChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
            <XAxis dataKey="layer" tick={{ fontSize: 10, fill: 'var(--muted)' }} />
            <YAxis tick={{ fontSize: 10, fill: 'var(--muted)' }} />
            <Tooltip contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)', fontSize: 12 }} />
            <Bar dataKey="rate" fill="var(--accent)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </PlotCard>
  );
}
