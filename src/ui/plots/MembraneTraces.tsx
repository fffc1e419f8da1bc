/**
 * Membrane traces of the followed neurons (click a neuron in a raster), snnTorch style, on
 * canvas with labelled axes: the membrane over time (steps; seconds from the run's dt), the
 * threshold as a labelled dashed line, spikes marked above the trace. The time cursor is a line
 * over each trace (dragged there like on every plot) and the caption reads the value under it;
 * "pick" adds the neuron to its population's recorded neurons (probes).
 */
import { useMemo, useRef } from 'react';
import type { SimulationRecord } from '../../engine/train/types';
import { useLiveStore, type Followed } from '../state/liveStore';
import { probeOf, useProbeStore } from '../state/probes';
import { useRunStore } from '../state/runStore';
import { useTimeCursor } from '../state/timeCursor';
import { formatTick, indexTicks, niceStep, niceTicks, timeAxisTitle } from './axes';
import { CursorLine } from './CursorLine';
import { traceOf, spikeTotal, valueRange, type Trace } from './membraneTrace';
import { PlotCard, themeColor } from './PlotCard';
import { drawAxes, plotRect, prepareCanvas, type Margins } from './plotCanvas';
import { toCsv } from './series';
import { useCursorDrag } from './useCursorDrag';
import { useElementWidth, usePaintOnFrame } from './usePlotPaint';
import { useShownRecord } from './useShownRecord';

const HEIGHT = 112;
const MARGINS: Margins = { left: 46, right: 8, top: 12, bottom: 30 };
const COLORS = ['#3366dd', '#d9480f', '#2b8a3e', '#ae3ec9', '#e8590c', '#0c8599'];

function paintTrace(canvas: HTMLCanvasElement, trace: Trace, T: number, dt: number, width: number, color: string): void {
  const ctx = prepareCanvas(canvas, width, HEIGHT);
  if (!ctx) return;
  const rect = plotRect(width, HEIGHT, MARGINS);
  const [lo, hi] = valueRange(trace);
  const y = (v: number) => rect.y + (1 - (v - lo) / (hi - lo)) * rect.height;
  const x = (t: number) => rect.x + (t / Math.max(1, T - 1)) * rect.width;
  const yTicks = niceTicks(lo, hi, 3);
  const step = yTicks.length > 1 ? yTicks[1] - yTicks[0] : niceStep(hi - lo, 3);
  drawAxes(ctx, canvas, rect, {
    x: indexTicks(T - 1, Math.max(2, Math.floor(rect.width / 60))).map((t) => ({ at: x(t), label: String(t) })),
    y: yTicks.map((v) => ({ at: y(v), label: formatTick(v, step) })),
    xTitle: timeAxisTitle(T, dt),
    yTitle: 'membrane v',
  });
  if (trace.threshold !== null) {
    const muted = themeColor(canvas, '--muted', '#888');
    ctx.strokeStyle = muted;
    ctx.fillStyle = muted;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(rect.x, y(trace.threshold));
    ctx.lineTo(rect.x + rect.width, y(trace.threshold));
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.font = '10px system-ui, sans-serif';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'bottom';
    ctx.fillText(`threshold θ = ${trace.threshold}`, rect.x + rect.width - 2, y(trace.threshold) - 1);
  }
  ctx.save();
  ctx.beginPath();
  ctx.rect(rect.x, rect.y, rect.width, rect.height);
  ctx.clip();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  trace.v.forEach((v, t) => (t === 0 ? ctx.moveTo(x(t), y(v)) : ctx.lineTo(x(t), y(v))));
  ctx.stroke();
  ctx.restore();
  if (trace.z) {
    ctx.fillStyle = color;
    trace.z.forEach((s, t) => s && ctx.fillRect(x(t) - 1, 2, 2, MARGINS.top - 4));
  }
}

function TraceCanvas({ record, followed, color }: { record: SimulationRecord; followed: Followed; color: string }) {
  const frame = useRef<HTMLElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const unfollow = useLiveStore((s) => s.unfollow);
  const dt = useRunStore((s) => s.settings.dt);
  const trace = useMemo(() => traceOf(record, followed), [record, followed]);
  const width = Math.max(200, useElementWidth(frame));
  const rect = plotRect(width, HEIGHT, MARGINS);
  const axis = { left: rect.x, width: rect.width, T: record.T, centred: false };
  const drag = useCursorDrag<HTMLCanvasElement>(axis);
  usePaintOnFrame(() => {
    if (canvas.current && trace) paintTrace(canvas.current, trace, record.T, dt, width, color);
  }, [trace, record.T, dt, width, color]);
  if (!trace) return null;
  const name = `${followed.layer}[${followed.neuron}]`;
  return (
    <figure className="trace" ref={frame}>
      <figcaption>
        <span style={{ color }}>■</span> {name} · {spikeTotal(trace)} spikes
        <ValueAtCursor trace={trace} />
        <PickButton followed={followed} name={name} />
        <button type="button" className="icon" aria-label={`Stop following ${name}`} onClick={() => unfollow(followed)}>×</button>
      </figcaption>
      <div className="cursor-host">
        <canvas ref={canvas} style={{ width, height: HEIGHT }} role="img" aria-label={`Membrane of ${name}`} {...drag} />
        <CursorLine axis={axis} top={rect.y} height={rect.height} />
      </div>
    </figure>
  );
}

/** "t 12: v = 0.830", and whether the neuron spiked there. */
function ValueAtCursor({ trace }: { trace: Trace }) {
  const t = Math.min(useTimeCursor((s) => s.t), trace.v.length - 1);
  const v = trace.v[t];
  return <span className="trace-at-cursor">t {t}: v = {Number.isFinite(v) ? v.toFixed(3) : String(v)}{trace.z?.[t] ? ' · spike' : ''}</span>;
}

/** Adds the neuron to (or removes it from) its population's picked neurons for recording. */
function PickButton({ followed, name }: { followed: Followed; name: string }) {
  const picked = useProbeStore((s) => {
    const selection = probeOf(s.probes, followed.layer).neurons;
    return selection.kind === 'picked' && selection.neurons.includes(followed.neuron);
  });
  const togglePicked = useProbeStore((s) => s.togglePicked);
  return (
    <button type="button" className="small pick" aria-pressed={picked} aria-label={`Pick ${name} for recording`} onClick={() => togglePicked(followed.layer, followed.neuron)}
      title={picked ? `Stop recording ${name} on its own` : `Record ${name} (add it to the picked neurons of ${followed.layer}; applies from the next sample)`}>
      {picked ? 'picked' : 'pick'}
    </button>
  );
}

function csvOf(record: SimulationRecord, followed: Followed[]): string {
  const traces = followed.map((f) => [f, traceOf(record, f)] as const);
  const rows = Array.from({ length: record.T }, (_, t) => {
    const row: Record<string, number> = { t };
    for (const [f, trace] of traces) {
      if (!trace) continue;
      row[`${f.layer}[${f.neuron}].v`] = trace.v[t];
      if (trace.z) row[`${f.layer}[${f.neuron}].spike`] = trace.z[t];
    }
    return row;
  });
  return toCsv(rows);
}

export function MembraneTraces() {
  const record = useShownRecord();
  const followed = useLiveStore((s) => s.followed);
  const shown = record ? followed.filter((f) => traceOf(record, f)) : [];
  return (
    <PlotCard label="Membrane traces" file="membrane-traces" csv={record && shown.length ? () => csvOf(record, shown) : null}>
      {shown.length === 0 && <p className="plot-empty">Click a neuron in the spike raster to follow its membrane.</p>}
      {record && shown.map((f, i) => <TraceCanvas key={`${f.layer}-${f.neuron}`} record={record} followed={f} color={COLORS[i % COLORS.length]} />)}
    </PlotCard>
  );
}
