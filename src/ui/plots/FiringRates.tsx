/**
 * Mean firing rate per spiking layer (spikes per neuron per step) of the latest step or sample:
 * horizontal bars on canvas with a labelled rate axis, cheap to redraw at every frame of a run.
 */
import { useMemo, useRef } from 'react';
import { useLiveStore } from '../state/liveStore';
import { formatTick, niceStep, niceTicks } from './axes';
import { PlotCard, themeColor } from './PlotCard';
import { drawAxes, plotRect, prepareCanvas, type Margins } from './plotCanvas';
import { firingRate, ratedLayers } from './rasterData';
import { toCsv } from './series';
import { useElementWidth, usePaintOnFrame } from './usePlotPaint';
import { useShownRecord } from './useShownRecord';

interface Row {
  layer: string;
  rate: number;
}

const BAR = 16;
const MARGINS: Margins = { left: 64, right: 12, top: 6, bottom: 30 };

function paintBars(canvas: HTMLCanvasElement, rows: Row[], width: number, height: number): void {
  const ctx = prepareCanvas(canvas, width, height);
  if (!ctx) return;
  const rect = plotRect(width, height, MARGINS);
  const top = Math.max(...rows.map((r) => r.rate), 1e-6);
  const count = Math.max(2, Math.floor(rect.width / 70));
  const ticks = niceTicks(0, top, count);
  const hi = Math.max(top, ticks[ticks.length - 1] ?? top);
  const x = (v: number) => rect.x + (v / hi) * rect.width;
  const rowHeight = rect.height / rows.length;
  drawAxes(ctx, canvas, rect, {
    x: ticks.map((v) => ({ at: x(v), label: formatTick(v, niceStep(top, count)) })),
    y: rows.map((r, i) => ({ at: rect.y + (i + 0.5) * rowHeight, label: r.layer })),
    xTitle: 'spikes per neuron per step',
  });
  ctx.fillStyle = themeColor(canvas, '--accent', '#3366dd');
  rows.forEach((r, i) => ctx.fillRect(rect.x, rect.y + (i + 0.5) * rowHeight - Math.min(BAR, rowHeight - 2) / 2, Math.max(1, x(r.rate) - rect.x), Math.min(BAR, rowHeight - 2)));
}

function RateBars({ rows }: { rows: Row[] }) {
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = Math.max(160, useElementWidth(frame));
  const height = MARGINS.top + MARGINS.bottom + rows.length * (BAR + 6);
  usePaintOnFrame(() => {
    if (canvas.current) paintBars(canvas.current, rows, width, height);
  }, [rows, width, height]);
  return (
    <div ref={frame}>
      <canvas ref={canvas} style={{ width, height, display: 'block' }} role="img"
        aria-label={`Firing rates: ${rows.map((r) => `${r.layer} ${r.rate.toFixed(3)}`).join(', ')}`} />
    </div>
  );
}

export function FiringRates() {
  const rates = useLiveStore((s) => s.progress?.rates);
  const record = useShownRecord();
  const rows = useMemo<Row[]>(() => rates && Object.keys(rates).length
    ? Object.entries(rates).map(([layer, rate]) => ({ layer, rate }))
    : record ? ratedLayers(record).map((l) => ({ layer: l.name, rate: firingRate(l, record.T) })) : [], [rates, record]);
  return (
    <PlotCard label="Firing rates" file="firing-rates" csv={rows.length ? () => toCsv(rows as unknown as Array<Record<string, number | string>>, ['layer', 'rate']) : null}>
      {rows.length === 0 ? <p className="plot-empty">Per-layer firing rates appear once the network runs.</p> : <RateBars rows={rows} />}
    </PlotCard>
  );
}
