/**
 * One layer's spike raster on a canvas with labelled axes: time on x (steps, and seconds from the
 * run's dt), neuron index on y. Spikes are binned to the plot's pixels (rasterBins.ts) and painted
 * once per animation frame. Hover names the cell, click follows the neuron's membrane.
 */
import { useRef, useState } from 'react';
import type { LayerRecord } from '../../engine/train/types';
import { useLiveStore } from '../state/liveStore';
import { useRunStore } from '../state/runStore';
import { formatStep, indexTicks, timeAxisTitle } from './axes';
import { themeColor } from './PlotCard';
import { drawAxes, plotRect, prepareCanvas, type Margins, type PlotRect } from './plotCanvas';
import { binRaster, binsToRgba, parseColor } from './rasterBins';
import { cellAt, firingRate } from './rasterData';
import { useElementWidth, usePaintOnFrame } from './usePlotPaint';

const MARGINS: Margins = { left: 46, right: 8, top: 4, bottom: 30 };

function paintRaster(canvas: HTMLCanvasElement, layer: LayerRecord, T: number, dt: number, width: number, height: number): void {
  const ctx = prepareCanvas(canvas, width, height);
  if (!ctx || !layer.spikes) return;
  const rect = plotRect(width, height, MARGINS);
  const scale = window.devicePixelRatio || 1;
  const bins = binRaster(layer.spikes, T, layer.size, rect.width * scale, rect.height * scale);
  if (bins.max > 0) {
    const image = document.createElement('canvas');
    image.width = bins.cols;
    image.height = bins.rows;
    image.getContext('2d')?.putImageData(new ImageData(binsToRgba(bins, parseColor(themeColor(canvas, '--spike', '#1d2430'))), bins.cols, bins.rows), 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(image, rect.x, rect.y, rect.width, rect.height);
  }
  const xAt = (t: number) => rect.x + ((t + 0.5) / T) * rect.width;
  const yAt = (n: number) => rect.y + ((n + 0.5) / layer.size) * rect.height;
  drawAxes(ctx, canvas, rect, {
    x: indexTicks(T - 1, Math.max(2, Math.floor(rect.width / 60))).map((t) => ({ at: xAt(t), label: String(t) })),
    y: indexTicks(layer.size - 1, rect.height < 60 ? 2 : 4).map((n) => ({ at: yAt(n), label: String(n) })),
    xTitle: timeAxisTitle(T, dt),
    yTitle: 'neuron',
  });
}

function cellUnder(event: React.MouseEvent<HTMLCanvasElement>, rect: PlotRect, T: number, size: number) {
  const box = event.currentTarget.getBoundingClientRect();
  const x = event.clientX - box.left - rect.x;
  const y = event.clientY - box.top - rect.y;
  if (x < 0 || y < 0 || x > rect.width || y > rect.height) return null;
  return cellAt(x, y, rect.width, rect.height, T, size);
}

export function RasterCanvas({ layer, T }: { layer: LayerRecord; T: number }) {
  const frame = useRef<HTMLElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<string | null>(null);
  const follow = useLiveStore((s) => s.follow);
  const dt = useRunStore((s) => s.settings.dt);
  const width = Math.max(200, useElementWidth(frame));
  const height = Math.max(40, Math.min(140, layer.size * 2)) + MARGINS.top + MARGINS.bottom;
  const rect = plotRect(width, height, MARGINS);

  usePaintOnFrame(() => {
    if (canvas.current) paintRaster(canvas.current, layer, T, dt, width, height);
  }, [layer, T, dt, width, height]);

  return (
    <figure className="raster" ref={frame}>
      <figcaption>
        <b>{layer.name}</b> ({layer.type}, {layer.size.toLocaleString('en')} neurons) · rate {firingRate(layer, T).toFixed(3)}
        <span className="raster-hover">{hover ?? 'click a neuron to follow it'}</span>
      </figcaption>
      <canvas
        ref={canvas}
        style={{ width, height }}
        data-layer={layer.name}
        role="img"
        aria-label={`Spike raster of ${layer.name}: ${layer.size} neurons over ${T} steps`}
        onMouseMove={(e) => {
          const cell = cellUnder(e, rect, T, layer.size);
          setHover(cell ? `${layer.name}[${cell.neuron}] at ${formatStep(cell.t, dt)}${layer.spikes?.[cell.t * layer.size + cell.neuron] ? ' · spike' : ''}` : null);
        }}
        onMouseLeave={() => setHover(null)}
        onClick={(e) => {
          const cell = cellUnder(e, rect, T, layer.size);
          if (cell) follow({ layer: layer.name, neuron: cell.neuron });
        }}
      />
    </figure>
  );
}
