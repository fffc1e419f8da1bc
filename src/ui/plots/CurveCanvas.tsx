/**
 * A line chart on canvas (loss or accuracy over training steps): cheap to redraw at every frame of
 * a run, where an SVG chart would rebuild hundreds of elements. Labelled axes, a legend, dots for
 * sparse series; painted at most once per animation frame.
 */
import { memo, useRef } from 'react';
import { formatTick, niceStep, niceTicks } from './axes';
import { curveDomain, type CurveSeries } from './curveDomain';
import { drawAxes, plotRect, prepareCanvas, type Margins } from './plotCanvas';
import { useElementWidth, usePaintOnFrame } from './usePlotPaint';

const MARGINS: Margins = { left: 46, right: 10, top: 6, bottom: 30 };

interface Props {
  label: string;
  series: readonly CurveSeries[];
  xTitle: string;
  yTitle: string;
  fixedY?: [number, number];
  /** x counts something (training steps): integer ticks only. */
  integerX?: boolean;
  height?: number;
}

function paint(canvas: HTMLCanvasElement, props: Props, width: number, height: number): void {
  const ctx = prepareCanvas(canvas, width, height);
  const domain = curveDomain(props.series, props.fixedY);
  if (!ctx || !domain) return;
  const rect = plotRect(width, height, MARGINS);
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  const x = (v: number) => rect.x + ((v - x0) / (x1 - x0)) * rect.width;
  const y = (v: number) => rect.y + (1 - (v - y0) / (y1 - y0)) * rect.height;
  const xTicks = niceTicks(x0, x1, Math.max(2, Math.floor(rect.width / 70))).filter((v) => !props.integerX || Number.isInteger(v));
  const yTicks = niceTicks(y0, y1, Math.max(2, Math.floor(rect.height / 28)));
  const xStep = Math.max(props.integerX ? 1 : 0, niceStep(x1 - x0, Math.max(2, Math.floor(rect.width / 70))));
  const yStep = niceStep(y1 - y0, Math.max(2, Math.floor(rect.height / 28)));
  drawAxes(ctx, canvas, rect, {
    x: xTicks.map((v) => ({ at: x(v), label: formatTick(v, xStep) })),
    y: yTicks.map((v) => ({ at: y(v), label: formatTick(v, yStep) })),
    xTitle: props.xTitle,
    yTitle: props.yTitle,
  });
  ctx.save();
  ctx.beginPath();
  ctx.rect(rect.x, rect.y, rect.width, rect.height);
  ctx.clip();
  for (const s of props.series) {
    const points = s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    ctx.strokeStyle = s.color;
    ctx.fillStyle = s.color;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    points.forEach((p, i) => (i === 0 ? ctx.moveTo(x(p.x), y(p.y)) : ctx.lineTo(x(p.x), y(p.y))));
    ctx.stroke();
    if (s.dots) for (const p of points) ctx.fillRect(x(p.x) - 2, y(p.y) - 2, 4, 4);
  }
  ctx.restore();
}

export const CurveCanvas = memo(function CurveCanvas(props: Props) {
  const frame = useRef<HTMLElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const height = props.height ?? 120;
  const width = Math.max(160, useElementWidth(frame));
  usePaintOnFrame(() => {
    if (canvas.current) paint(canvas.current, props, width, height);
  }, [props, width, height]);
  return (
    <figure className="curve" ref={frame}>
      <figcaption className="curve-legend">
        {props.series.map((s) => <span key={s.name}><span style={{ color: s.color }}>{s.dots ? '●' : '━'}</span> {s.name}</span>)}
      </figcaption>
      <canvas ref={canvas} style={{ width, height }} role="img" aria-label={props.label} />
    </figure>
  );
});
