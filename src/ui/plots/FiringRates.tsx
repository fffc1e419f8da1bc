/** Mean firing rate per spiking layer (spikes per neuron per step) of the latest step or sample; a few bars, so recharts. */
import { memo, useMemo } from 'react';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLiveStore } from '../state/liveStore';
import { PlotCard } from './PlotCard';
import { firingRate, spikingLayers } from './rasterData';
import { toCsv } from './series';
import { useShownRecord } from './useShownRecord';

interface Row {
  layer: string;
  rate: number;
}

const RateBars = memo(function RateBars({ rows }: { rows: Row[] }) {
  return (
    <ResponsiveContainer width="100%" height={150}>
      <BarChart data={rows} margin={{ top: 4, right: 8, bottom: 14, left: 0 }}>
        <XAxis dataKey="layer" tick={{ fontSize: 10, fill: 'var(--muted)' }} interval={0}
          label={{ value: 'layer', position: 'insideBottom', offset: -10, fontSize: 10, fill: 'var(--muted)' }} />
        <YAxis width={44} tick={{ fontSize: 10, fill: 'var(--muted)' }}
          label={{ value: 'spikes / neuron / step', angle: -90, position: 'insideLeft', offset: 10, fontSize: 10, fill: 'var(--muted)', dy: 50 }} />
        <Tooltip contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)', fontSize: 12 }} />
        <Bar dataKey="rate" fill="var(--accent)" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
});

export function FiringRates() {
  const rates = useLiveStore((s) => s.progress?.rates);
  const record = useShownRecord();
  const rows = useMemo<Row[]>(() => rates && Object.keys(rates).length
    ? Object.entries(rates).map(([layer, rate]) => ({ layer, rate }))
    : record ? spikingLayers(record).map((l) => ({ layer: l.name, rate: firingRate(l, record.T) })) : [], [rates, record]);
  return (
    <PlotCard label="Firing rates" file="firing-rates" csv={rows.length ? () => toCsv(rows as unknown as Array<Record<string, number | string>>, ['layer', 'rate']) : null}>
      {rows.length === 0 ? <p className="plot-empty">Per-layer firing rates appear once the network runs.</p> : <RateBars rows={rows} />}
    </PlotCard>
  );
}
