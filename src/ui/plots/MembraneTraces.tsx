/**
 * Membrane traces of the followed neurons (click a neuron in a raster), snnTorch style: the
 * membrane over time, the threshold as a dashed line, spikes marked above the trace.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { SimulationRecord } from '../../engine/train/types';
import { useLiveStore, type Followed } from '../state/liveStore';
import { PlotCard, themeColor } from './PlotCard';
import { toCsv } from './series';

const WIDTH = 284;
const HEIGHT = 64;
const COLORS = ['#3366dd', '#d9480f', '#2b8a3e', '#ae3ec9', '#e8590c', '#0c8599'];

function traceOf(record: SimulationRecord, f: Followed) {
  const layer = record.layers.find((l) => l.name === f.layer);
  if (!layer?.membrane) return null;
  const v = Float32Array.from({ length: record.T }, (_, t) => layer.membrane![t * layer.size + f.neuron]);
  const z = layer.spikes ? Uint8Array.from({ length: record.T }, (_, t) => layer.spikes![t * layer.size + f.neuron]) : null;
  return { v, z, threshold: layer.output === 'spikes' ? layer.threshold : null };
}

function Trace({ record, followed, color }: { record: SimulationRecord; followed: Followed; color: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const unfollow = useLiveStore((s) => s.unfollow);
  const trace = useMemo(() => traceOf(record, followed), [record, followed]);
  useEffect(() => {
    const element = canvas.current;
    const ctx = element?.getContext('2d');
    if (!element || !ctx || !trace) return;
    const scale = window.devicePixelRatio || 1;
    element.width = WIDTH * scale;
    element.height = HEIGHT * scale;
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.fillStyle = themeColor(element, '--plot-bg', '#fff');
    ctx.fillRect(0, 0, WIDTH, HEIGHT);
    const values = [...trace.v, ...(trace.threshold !== null ? [trace.threshold] : []), 0];
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    const span = hi - lo || 1;
    const top = 10;
    const y = (v: number) => top + (1 - (v - lo) / span) * (HEIGHT - top - 4);
    const x = (t: number) => (t / Math.max(1, record.T - 1)) * WIDTH;
    if (trace.threshold !== null) {
      ctx.strokeStyle = themeColor(element, '--muted', '#888');
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(0, y(trace.threshold));
      ctx.lineTo(WIDTH, y(trace.threshold));
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    trace.v.forEach((v, t) => (t === 0 ? ctx.moveTo(x(t), y(v)) : ctx.lineTo(x(t), y(v))));
    ctx.stroke();
    if (trace.z) {
      ctx.fillStyle = color;
      trace.z.forEach((s, t) => s && ctx.fillRect(x(t) - 1, 1, 2, 7));
    }
  }, [trace, record.T, color]);
  if (!trace) return null;
  const spikes = trace.z ? trace.z.reduce((a, b) => a + b, 0) : 0;
  return (
    <figure className="trace">
      <figcaption>
        <span style={{ color }}>■</span> {followed.layer}[{followed.neuron}] · {spikes} spikes{trace.threshold !== null && ` · θ = ${trace.threshold}`}
        <button type="button" className="icon" aria-label={`Stop following ${followed.layer}[${followed.neuron}]`} onClick={() => unfollow(followed)}>×</button>
      </figcaption>
      <canvas ref={canvas} style={{ width: WIDTH, height: HEIGHT }} role="img" aria-label={`Membrane of ${followed.layer}[${followed.neuron}]`} />
    </figure>
  );
}

function csvOf(record: SimulationRecord, followed: Followed[]): string {
  const rows = Array.from({ length: record.T }, (_, t) => {
    const row: Record<string, number> = { t };
    for (const f of followed) {
      const trace = traceOf(record, f);
      if (!trace) continue;
      row[`${f.layer}[${f.neuron}].v`] = trace.v[t];
      if (trace.z) row[`${f.layer}[${f.neuron}].spike`] = trace.z[t];
    }
    return row;
  });
  return toCsv(rows);
}

export function MembraneTraces() {
  const record = useLiveStore((s) => s.record);
  const followed = useLiveStore((s) => s.followed);
  const shown = record ? followed.filter((f) => traceOf(record, f)) : [];
  return (
    <PlotCard label="Membrane traces" file="membrane-traces" csv={record && shown.length ? () => csvOf(record, shown) : null}>
      {shown.length === 0 && <p className="plot-empty">Click a neuron in the spike raster to follow its membrane.</p>}
      {record && shown.map((f, i) => <Trace key={`${f.layer}-${f.neuron}`} record={record} followed={f} color={COLORS[i % COLORS.length]} />)}
    </PlotCard>
  );
}
