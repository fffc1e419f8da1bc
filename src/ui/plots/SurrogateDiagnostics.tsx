/**
 * "Surrogate gradient": for a chosen spiking layer of the shown sample, the histogram of
 * z = membrane − threshold with the selected surrogate's derivative g(z)/g(0) drawn over it, and
 * what share of values gets a negligible gradient, with the dead and saturated neurons
 * (../../engine/analysis/surrogateDiagnostics.ts): the view that says why a layer stopped learning.
 */
import { useMemo, useRef, useState } from 'react';
import { NEGLIGIBLE, surrogateDiagnostics, type SurrogateDiagnostics as Diagnostics } from '../../engine/analysis/surrogateDiagnostics';
import { SURROGATES } from '../../engine/surrogates/index';
import { neuronAt, recordedCount } from '../../engine/train/probes';
import type { NirNode } from '../../engine/graph/types';
import { useGraphStore } from '../state/graphStore';
import { useRunStore } from '../state/runStore';
import { formatTick, niceStep, niceTicks } from './axes';
import { PlotCard, themeColor } from './PlotCard';
import { drawAxes, plotRect, prepareCanvas, type Margins } from './plotCanvas';
import { toCsv } from './series';
import { useElementWidth, usePaintOnFrame } from './usePlotPaint';
import { useShownRecord } from './useShownRecord';

const HEIGHT = 150;
const MARGINS: Margins = { left: 44, right: 30, top: 14, bottom: 30 };

/** The node at a flat, dotted name ("sub.lif") of the graph on the canvas. */
function nodeAt(nodes: Record<string, NirNode>, name: string): NirNode | undefined {
  let level: Record<string, NirNode> | undefined = nodes;
  const parts = name.split('.');
  for (let i = 0; i < parts.length && level; i++) {
    const node: NirNode | undefined = level[parts.slice(i).join('.')] ?? level[parts[i]];
    if (!node) return undefined;
    if (level[parts.slice(i).join('.')]) return node;
    level = node.type === 'NIRGraph' ? node.nodes : undefined;
  }
  return undefined;
}

function paint(canvas: HTMLCanvasElement, d: Diagnostics, width: number): void {
  const ctx = prepareCanvas(canvas, width, HEIGHT);
  if (!ctx) return;
  const rect = plotRect(width, HEIGHT, MARGINS);
  const lo = d.edges[0];
  const hi = d.edges[d.edges.length - 1];
  const x = (z: number) => rect.x + ((z - lo) / (hi - lo)) * rect.width;
  const top = Math.max(...d.counts, 1);
  const count = Math.max(2, Math.floor(rect.width / 60));
  const step = niceStep(hi - lo, count);
  drawAxes(ctx, canvas, rect, {
    x: niceTicks(lo, hi, count).filter((v) => v >= lo && v <= hi).map((v) => ({ at: x(v), label: formatTick(v, step) })),
    y: [0, top].map((v) => ({ at: rect.y + rect.height - (v / top) * rect.height, label: String(v) })),
    xTitle: 'z = membrane − threshold',
  });
  ctx.fillStyle = themeColor(canvas, '--accent', '#3366dd');
  ctx.globalAlpha = 0.55;
  d.counts.forEach((c, i) => {
    const h = (c / top) * rect.height;
    ctx.fillRect(x(d.edges[i]) + 0.5, rect.y + rect.height - h, Math.max(1, x(d.edges[i + 1]) - x(d.edges[i]) - 1), h);
  });
  ctx.globalAlpha = 1;
  ctx.strokeStyle = themeColor(canvas, '--warn', '#d9822b');
  ctx.lineWidth = 2;
  ctx.beginPath();
  d.gradient.forEach((g, i) => {
    const px = (x(d.edges[i]) + x(d.edges[i + 1])) / 2;
    const py = rect.y + rect.height - g * rect.height;
    if (i === 0) ctx.moveTo(px, py); else ctx.lineTo(px, py);
  });
  ctx.stroke();
  ctx.fillStyle = ctx.strokeStyle;
  ctx.font = '10px system-ui, sans-serif';
  ctx.fillText('g(z)/g(0)', rect.x + 4, rect.y - 4);
}

function Histogram({ d }: { d: Diagnostics }) {
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = Math.max(200, useElementWidth(frame));
  usePaintOnFrame(() => {
    if (canvas.current) paint(canvas.current, d, width);
  }, [d, width]);
  return (
    <div ref={frame}>
      <canvas ref={canvas} style={{ width, height: HEIGHT, display: 'block' }} role="img"
        aria-label={`Histogram of membrane minus threshold with the surrogate derivative; ${(d.negligible * 100).toFixed(1)}% negligible`} />
    </div>
  );
}

export function SurrogateDiagnostics() {
  const record = useShownRecord();
  const graph = useGraphStore((s) => s.graph);
  const surrogate = useRunStore((s) => s.settings.surrogate);
  const slope = useRunStore((s) => s.settings.slope);
  const layers = useMemo(() => record?.layers.filter((l) => l.output === 'spikes' && l.membrane) ?? [], [record]);
  const [chosen, setChosen] = useState<string | null>(null);
  const layer = layers.find((l) => l.name === chosen) ?? layers[0];
  const diagnostics = useMemo(() => {
    if (!layer?.membrane) return null;
    const node = nodeAt(graph.nodes, layer.name);
    const all = node && 'v_threshold' in node && node.v_threshold.data.length === layer.size ? node.v_threshold.data : null;
    const columns = recordedCount(layer);
    // The recorded neurons' own thresholds (a probe may record a subset, listed in layer.neurons).
    const thresholds = all ? Float32Array.from({ length: columns }, (_, c) => all[neuronAt(layer, c)]) : [layer.threshold];
    return surrogateDiagnostics(layer.membrane, columns, thresholds, { name: surrogate, slope });
  }, [layer, graph, surrogate, slope]);
  const csv = diagnostics ? () => toCsv(diagnostics.counts.map((c, i) => ({ z_from: diagnostics.edges[i], z_to: diagnostics.edges[i + 1], count: c, gradient: diagnostics.gradient[i] }))) : null;
  const picker = layers.length > 1 && (
    <label className="sample-picker">layer
      <select value={layer?.name} onChange={(e) => setChosen(e.target.value)} aria-label="Surrogate layer">
        {layers.map((l) => <option key={l.name} value={l.name}>{l.name}</option>)}
      </select>
    </label>
  );
  return (
    <PlotCard label="Surrogate gradient" file="surrogate-gradient" csv={csv} extra={picker}>
      {!diagnostics ? <p className="plot-empty">The membrane-minus-threshold histogram of a spiking layer appears once a sample is simulated.</p> : (
        <>
          <Histogram d={diagnostics} />
          <p className="muted plot-note" data-testid="surrogate-summary">
            {SURROGATES[surrogate].label}, k = {slope}: {(diagnostics.negligible * 100).toFixed(1)}% of values get under {NEGLIGIBLE * 100}% of the peak gradient;
            {' '}{diagnostics.deadNeurons} of {diagnostics.neurons} neurons never come near threshold (dead), {diagnostics.saturatedNeurons} stay above it (saturated).
          </p>
        </>
      )}
    </PlotCard>
  );
}
