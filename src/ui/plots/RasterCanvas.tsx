/**
 * One layer's spike raster on a canvas with labelled axes: time on x (steps, and seconds from the
 * run's dt), neuron index on y (the recorded neurons only, when a probe kept some). Spikes are
 * binned to the plot's pixels (rasterBins.ts) and painted once per animation frame; the time
 * cursor is a line over it (CursorLine.tsx). Pressing moves the cursor and dragging carries it;
 * a click follows the neuron's membrane, a Shift-click picks it for recording (probes).
 */
import { useRef, useState } from 'react';
import { neuronAt, recordedCount } from '../../engine/train/probes';
import type { LayerRecord } from '../../engine/train/types';
import { useLiveStore } from '../state/liveStore';
import { useProbeStore } from '../state/probes';
import { useRunStore } from '../state/runStore';
import { formatStep, indexTicks, timeAxisTitle } from './axes';
import { CursorLine } from './CursorLine';
import { themeColor } from './PlotCard';
import { drawAxes, plotRect, prepareCanvas, type Margins, type PlotRect } from './plotCanvas';
import { binRaster, binsToRgba, parseColor } from './rasterBins';
import { cellAt, firingRate } from './rasterData';
import { useCursorDrag } from './useCursorDrag';
import { useElementWidth, usePaintOnFrame } from './usePlotPaint';

const MARGINS: Margins = { left: 46, right: 8, top: 4, bottom: 30 };

function paintRaster(canvas: HTMLCanvasElement, layer: LayerRecord, T: number, dt: number, width: number, height: number): void {
  const ctx = prepareCanvas(canvas, width, height);
  if (!ctx || !layer.spikes) return;
  const rows = recordedCount(layer);
  const rect = plotRect(width, height, MARGINS);
  const scale = window.devicePixelRatio || 1;
  const bins = binRaster(layer.spikes, T, rows, rect.width * scale, rect.height * scale);
  if (bins.max > 0) {
    const image = document.createElement('canvas');
    image.width = bins.cols;
    image.height = bins.rows;
    image.getContext('2d')?.putImageData(new ImageData(binsToRgba(bins, parseColor(themeColor(canvas, '--spike', '#1d2430'))), bins.cols, bins.rows), 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(image, rect.x, rect.y, rect.width, rect.height);
  }
  const xAt = (t: number) => rect.x + ((t + 0.5) / T) * rect.width;
  const yAt = (row: number) => rect.y + ((row + 0.5) / rows) * rect.height;
  drawAxes(ctx, canvas, rect, {
    x: indexTicks(T - 1, Math.max(2, Math.floor(rect.width / 60))).map((t) => ({ at: xAt(t), label: String(t) })),
    y: indexTicks(rows - 1, rect.height < 60 ? 2 : 4).map((row) => ({ at: yAt(row), label: String(neuronAt(layer, row)) })),
    xTitle: timeAxisTitle(T, dt),
    yTitle: 'neuron',
  });
}

function cellUnder(event: React.MouseEvent<HTMLCanvasElement>, rect: PlotRect, T: number, rows: number) {
  const box = event.currentTarget.getBoundingClientRect();
  const x = event.clientX - box.left - rect.x;
  const y = event.clientY - box.top - rect.y;
  if (x < 0 || y < 0 || x > rect.width || y > rect.height) return null;
  return cellAt(x, y, rect.width, rect.height, T, rows);
}

export function RasterCanvas({ layer, T }: { layer: LayerRecord; T: number }) {
  const frame = useRef<HTMLElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<string | null>(null);
  const follow = useLiveStore((s) => s.follow);
  const togglePicked = useProbeStore((s) => s.togglePicked);
  const dt = useRunStore((s) => s.settings.dt);
  const rows = recordedCount(layer);
  const width = Math.max(200, useElementWidth(frame));
  // Up to 10 px a row for a few probed neurons, down to 2 px for a whole population.
  const height = Math.max(40, Math.min(140, rows * Math.min(10, Math.max(2, Math.ceil(96 / Math.max(1, rows)))))) + MARGINS.top + MARGINS.bottom;
  const rect = plotRect(width, height, MARGINS);
  const axis = { left: rect.x, width: rect.width, T, centred: true };
  const drag = useCursorDrag<HTMLCanvasElement>(axis, (e) => {
    const cell = cellUnder(e, rect, T, rows);
    if (!cell) return;
    const neuron = neuronAt(layer, cell.neuron);
    if (e.shiftKey) togglePicked(layer.name, neuron);
    else follow({ layer: layer.name, neuron });
  });

  usePaintOnFrame(() => {
    if (canvas.current) paintRaster(canvas.current, layer, T, dt, width, height);
  }, [layer, T, dt, width, height]);

  const recorded = rows === layer.size ? `${layer.size.toLocaleString('en')} neurons` : `${rows.toLocaleString('en')} of ${layer.size.toLocaleString('en')} neurons`;
  return (
    <figure className="raster" ref={frame}>
      <figcaption>
        <b>{layer.name}</b> ({layer.type}, {recorded}) · rate {firingRate(layer, T).toFixed(3)}
        <span className="raster-hover">{hover ?? 'click: follow · ⇧-click: pick'}</span>
      </figcaption>
      <div className="cursor-host">
        <canvas
          ref={canvas}
          style={{ width, height }}
          data-layer={layer.name}
          data-rows={rows}
          role="img"
          aria-label={`Spike raster of ${layer.name}: ${recorded} over ${T} steps`}
          title="Press or drag: move the time cursor · click: follow the neuron's membrane · Shift-click: pick the neuron for recording"
          {...drag}
          onMouseMove={(e) => {
            const cell = cellUnder(e, rect, T, rows);
            const c = cell && cell.t * rows + cell.neuron;
            setHover(cell ? `${layer.name}[${neuronAt(layer, cell.neuron)}] at ${formatStep(cell.t, dt)}${c !== null && layer.spikes?.[c] ? ' · spike' : ''}` : null);
          }}
          onMouseLeave={() => setHover(null)}
        />
        <CursorLine axis={axis} top={rect.y} height={rect.height} />
      </div>
    </figure>
  );
}
